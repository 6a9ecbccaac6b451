"""What an entry's Markdown body holds: its headings, links and raw HTML, with file lines.

The body is parsed with markdown-it (CommonMark), not searched with regular expressions, so a
`#` inside a code block is not a heading and a link in a table is still a link. Python-Markdown
renders the page later; the two agree on everything the checks look at.
"""

from __future__ import annotations

import re
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
class Outline:
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    html: tuple[Html, ...]
    names: tuple[Name, ...] = ()


THEME_ID_PREFIX = "__"
"""The theme's own element ids (`__config`, `__drawer`, ...): a second element with one breaks its scripts."""
THEME_CLASS_PREFIX = "md-"
"""The theme's own classes, which its scripts and styles look for."""
HUB_PREFIX = "hub-"
"""The hub's own ids and classes, which its scripts look for."""


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
    headings, links, html, names = [], [], [], []
    parsed = tokens(body)
    for index, token in enumerate(parsed):
        start = first_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open":
            headings.append(Heading(int(token.tag[1]), parsed[index + 1].content.strip(), start))
        elif token.type == "html_block" and not _is_comment(token.content):
            html.append(Html(token.content.strip(), start))
        elif token.type == "inline":
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
    return Outline(tuple(headings), tuple(links), tuple(html), tuple(names))


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


_INLINE_TARGET = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REFERENCE_TARGET = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+?)(?=>?(\s|$))", re.MULTILINE)


def rewrite_links(body: str, targets: dict[str, str]) -> str:
    """Replace link targets (as the parser reports them) with new ones, keeping the rest as written."""
    if not targets:
        return body
    parser = _parser()

    def replace(match: re.Match) -> str:
        written = match.group(2)
        new = targets.get(parser.normalizeLink(written))
        return match.group(1) + new if new is not None else match.group(0)

    return _REFERENCE_TARGET.sub(replace, _INLINE_TARGET.sub(replace, body))
