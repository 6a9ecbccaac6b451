"""What an entry's Markdown body holds, read in one parse: its headings, blocks, paragraphs, links and
where their destinations are written, raw HTML and attribute names, each with its file line.

The body is parsed with markdown-it (CommonMark), not searched with regular expressions, so a `#` inside
a code block is not a heading and a link in a table is still a link. Every check that reads a body, and
the page that shows it, reads this outline, so no body is parsed twice. Python-Markdown renders the page
later; where the two read a line differently (`##Heading`, with no space), the outline notes the line
so the check can say so (`hooks.checks.dialect`). `rewrite_links` changes link destinations in place,
at the characters the parser read as destinations, so text in code is never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from hooks.read import destinations
from hooks.read.destinations import Destination


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
    paragraphs: tuple[tuple[int, str], ...] = ()
    """Every paragraph, at any depth, as (file line, text as written): where a placeholder may be left."""
    destinations: tuple[Destination, ...] = ()
    """Where each link, image and reference definition writes its destination in the body, in order."""
    unspaced_headings: tuple[Heading, ...] = ()
    """Lines of a paragraph that start with `#` and no space, like `##Results`: the site's renderer
    (Python-Markdown) shows each as a heading, but CommonMark, which the checks read, does not."""


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
    destinations.install(parser)
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


def tokens(body: str, env: dict | None = None) -> list:
    """The body's markdown-it tokens, from the one configured parser; see `_inline_where_needed`."""
    return _parser().parse(body, env)


def outline(body: str, *, first_line: int) -> Outline:
    """Headings, links and raw HTML of a Markdown body whose first line is file line `first_line`.

    The body is parsed once here; the checks and the pages read what they need from the outline.
    """
    headings, links, html, names, code_blocks, blocks, paragraphs, unspaced = [], [], [], [], [], [], [], []
    env: dict = {}
    parsed = tokens(body, env)
    placed = destinations.Placing(body)
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
        elif token.type == "paragraph_open":
            paragraphs.append((start, parsed[index + 1].content))
            unspaced.extend(_unspaced(parsed[index + 1].content, start))
        elif token.type == "html_block" and not _is_comment(token.content):
            html.append(Html(token.content.strip(), start))
        elif token.type == "inline":
            if "{" in token.content:
                names.extend(_names(token.content, start))
            opened_by = parsed[index - 1].type
            if opened_by in ("th_open", "td_open"):
                placed.see(token)
            links.extend(_inline(token, start, html, placed, opened_by == "paragraph_open"))
    return Outline(tuple(headings), tuple(links), tuple(html), tuple(names), tuple(code_blocks), tuple(blocks),
                   tuple(paragraphs), tuple(sorted(placed.found + env.get(destinations.DEFINITIONS, []),
                                                   key=lambda found: found.span)), tuple(unspaced))


def _inline(token, start: int, html: list, placed: destinations.Placing, paragraph: bool) -> list[Link]:
    """The links of a block's text, and its inline HTML (added to `html`); where each destination is, to `placed`."""
    links, line = [], start
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "link_open":
            links.append(Link(str(child.attrs.get("href", "")), line))
        elif child.type == "image":
            links.append(Link(str(child.attrs.get("src", "")), line, image=True))
        elif child.type == "html_inline" and not _is_comment(child.content) and not child.content.startswith("</"):
            html.append(Html(child.content, line))
        line += child.content.count("\n") if child.type == "text" else 0
        if destinations.MARK in child.meta:
            placed.add(token, child, paragraph)
    return links


def _unspaced(text: str, start: int) -> list[Heading]:
    """The lines of a paragraph's text that start with `#` (see `Outline.unspaced_headings`)."""
    found = []
    for number, line in enumerate(text.split("\n")):
        if line.startswith("#"):
            level = min(len(line) - len(line.lstrip("#")), 6)
            found.append(Heading(level, line[level:].rstrip(), start + number))
    return found


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


def rewrite_links(body: str, targets: dict[str, str], destinations_written: tuple[Destination, ...]) -> str:
    """Replace link destinations (as the parser reports them) with new ones, keeping the rest as written.

    Only the characters the parser read as a destination (`Outline.destinations`) change, so text in
    code, or text that only looks like a link, stays as written.
    """
    pieces, written_up_to = [], 0
    for found in destinations_written:
        new = targets.get(found.href)
        if new is None or found.span[0] < written_up_to:
            continue
        pieces += [body[written_up_to:found.span[0]], new]
        written_up_to = found.span[1]
    return "".join(pieces) + body[written_up_to:]
