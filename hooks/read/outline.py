"""What an entry's Markdown body holds: its headings, links and raw HTML, with file lines.

The body is parsed with markdown-it (CommonMark), not searched with regular expressions, so a
`#` inside a code block is not a heading and a link in a table is still a link. Python-Markdown
renders the page later; the two agree on everything the checks look at.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Link:
    href: str
    """The link target as written (percent-decoding aside)."""
    line: int
    image: bool = False


@dataclass(frozen=True)
class Html:
    text: str
    line: int


@dataclass(frozen=True)
class Name:
    """An id (`#x`) or a class (`.x`) given in an attribute list, like `{: #x .y }`."""

    kind: str
    """`id` or `class`."""
    text: str
    line: int


@dataclass(frozen=True)
class Block:
    """A block of text outside any other block (a paragraph, list, quote, table or code), not a heading."""

    line: int
    """File line of its first line."""
    span: tuple[int, int]
    """Its (first, last + 1) lines of the body counted from 0, to rewrite it."""
    paragraph: str | None
    """A paragraph's text as written; None for any other kind of block."""


@dataclass(frozen=True)
class Outline:
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    html: tuple[Html, ...]
    names: tuple[Name, ...] = ()
    code_blocks: tuple[tuple[int, int], ...] = ()
    """Fenced and indented code blocks, as (first, last + 1) lines of the body counted from 0."""
    blocks: tuple[Block, ...] = ()
    """The body's outermost blocks of text, in order: what each section says, if anything."""


THEME_ID_PREFIX = "__"
"""The theme's own element ids (`__config`, `__drawer`, ...): a second element with one breaks its scripts."""
THEME_CLASS_PREFIX = "md-"
"""The theme's own classes, which its scripts and styles look for."""
HUB_PREFIX = "hub-"
"""The hub's own ids and classes, which its scripts look for."""
RESERVED_PREFIXES = {"id": (THEME_ID_PREFIX, HUB_PREFIX), "class": (THEME_CLASS_PREFIX, HUB_PREFIX)}
"""How the ids and classes a body may not give start, by kind of name."""


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table")
    # markdown-it quietly turns `javascript:` links into text; keep them so the check can name them.
    parser.validateLink = lambda url: True
    parser.core.ruler.at("inline", _inline_where_needed)
    return parser


def _inline_where_needed(state: StateCore) -> None:
    """Parse the inline content of only the blocks that can hold a link, an image or HTML.

    Only those inline tokens are read (headings and paragraphs are read whole), and a link, an
    image or an HTML tag cannot be written without `[` or `<`: most paragraphs have neither, and
    the inline parse is most of the time a body takes to parse.
    """
    for token in state.tokens:
        if token.type == "inline":
            token.children = []
            if "[" in token.content or "<" in token.content:
                state.md.inline.parse(token.content, state.md, state.env, token.children)


def tokens(body: str) -> list:
    """The body's markdown-it tokens, from the one configured parser; see `_inline_where_needed`."""
    return _parser().parse(body)


def outline(body: str, *, first_line: int) -> Outline:
    """Headings, links and raw HTML of a Markdown body whose first line is file line `first_line`."""
    headings, links, html, names, code_blocks, blocks = [], [], [], [], [], []
    parsed = tokens(body)
    for index, token in enumerate(parsed):
        start = first_line + (token.map[0] if token.map else 0)
        if token.level == 0 and token.nesting >= 0 and token.map and token.type not in _NOT_TEXT \
                and not (token.type == "html_block" and _is_comment(token.content)):
            paragraph = parsed[index + 1].content if token.type == "paragraph_open" else None
            blocks.append(Block(start, tuple(token.map), paragraph))
        if token.type in ("fence", "code_block") and token.map:
            code_blocks.append(tuple(token.map))
        elif token.type == "heading_open":
            headings.append(Heading(int(token.tag[1]), parsed[index + 1].content.strip(), start))
        elif token.type == "html_block" and not _is_comment(token.content):
            html.append(Html(token.content.strip(), start))
        elif token.type == "inline":
            if "{" in token.content:
                names.extend(_names(token.content, start))
            line = start
            for child in token.children or ():
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "link_open":
                    links.append(Link(str(child.attrs.get("href", "")), line))
                elif child.type == "image":
                    links.append(Link(str(child.attrs.get("src", "")), line, image=True))
                elif child.type == "html_inline" and not _is_comment(child.content) \
                        and not child.content.startswith("</"):
                    html.append(Html(child.content, line))
                line += child.content.count("\n") if child.type == "text" else 0
    return Outline(tuple(headings), tuple(links), tuple(html), tuple(names), tuple(code_blocks), tuple(blocks))


_NOT_TEXT = frozenset({"heading_open", "hr"})
"""Outermost blocks that say nothing of their own: a heading starts a section, a rule only divides."""


_COMMENT = re.compile(r"\s*<!--(?:(?!-->).)*-->\s*", re.DOTALL)
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*([^}\n]+)\}")
_ATTRIBUTE = re.compile(r"""([#.])([^\s#.}'"=]+)|\b(id|class)=(?:"([^"]*)"|'([^']*)'|([^\s}]+))""")


def _is_comment(text: str) -> bool:
    """True if the whole of the HTML is one comment: anything after it would be published as markup."""
    return _COMMENT.fullmatch(text) is not None


def _names(content: str, first_line: int) -> list[Name]:
    """The ids and classes of the attribute lists in a block's text (the engine's `attr_list` extension)."""
    found = []
    for written in _ATTRIBUTE_LIST.finditer(content):
        line = first_line + content.count("\n", 0, written.start())
        for mark, short, key, *values in _ATTRIBUTE.findall(written.group(1)):
            kind = {"#": "id", ".": "class"}.get(mark, key)
            found.extend(Name(kind, text, line) for text in (short or "".join(values)).split())
    return found


_TARGET = re.compile(r"(\]\(\s*<?)([^)\s>]+)|^( {0,3}\[[^\]\n]{1,999}\]:[ \t]*\n?[ \t]*<?)([^\s>]+)", re.MULTILINE)
"""A link's target, inline `[text](target)` or in a reference `[label]: target`. Linear: each `](` and
each line start is tried once, no character can be matched two ways, and a label is one line of at
most 999 characters (CommonMark's limit)."""
_BACKTICKS = re.compile(r"(?<!\\)`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def rewrite_links(body: str, targets: dict[str, str], *, code_blocks: tuple[tuple[int, int], ...] = ()) -> str:
    """Replace link targets (as the parser reports them) with new ones, keeping the rest as written.

    Text in code is left as written: the `code_blocks` of the body's outline, and code spans.
    """
    if not targets:
        return body
    parser = _parser()
    code = _code(body, code_blocks)

    def replace(match: re.Match) -> str:
        while code and code[-1][1] <= match.start():
            code.pop()
        lead, written = match.group(1, 2) if match.group(1) else match.group(3, 4)
        new = targets.get(parser.normalizeLink(written))
        in_code = bool(code) and code[-1][0] <= match.start()
        return lead + new if new is not None and not in_code else match.group(0)

    return _TARGET.sub(replace, body)


def _code(body: str, code_blocks: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The code blocks and code spans of `body` as character ranges, last first (to be popped)."""
    line_starts = [0, *(match.end() for match in re.finditer("\n", body))] if code_blocks else []
    blocks = [(line_starts[first], line_starts[end] if end < len(line_starts) else len(body))
              for first, end in code_blocks]
    block_lines = {line for first, end in code_blocks for line in range(first, end)}
    barriers = sorted([match.start() for match in _BLANK_LINE.finditer(body)] + [start for start, _ in blocks])
    """A code span ends in its paragraph: at a blank line or a code block at the latest."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(body)
            if bisect_right(line_starts, match.start()) - 1 not in block_lines]
    by_length: dict[int, list[int]] = defaultdict(list)
    for index, (start, end) in enumerate(runs):
        by_length[end - start].append(index)
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        closer = bisect_right(same, index)
        barrier = bisect_left(barriers, end)
        if closer < len(same) and (barrier == len(barriers) or runs[same[closer]][0] < barriers[barrier]):
            spans.append((start, runs[same[closer]][1]))
            index = same[closer] + 1
        else:
            index += 1
    return sorted(blocks + spans, reverse=True)
