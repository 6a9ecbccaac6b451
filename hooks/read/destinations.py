"""Where each link's destination is written in a Markdown body, as the parser itself read it.

The site re-points links written relative to an entry's file at the site's pages. Searching the text
for things that look like links would also change text that only looks like one, in a code block or a
code span. Instead the parser's own link, image and reference definition rules are wrapped to note
where each destination they accept starts and ends, so a rewrite changes those characters and no others.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

MARK = "destination"
"""The key of a link or image token's `meta` that holds its destination: (start, end) in the token's block text."""
DEFINITIONS = "hub_definitions"
"""The key of the parse's `env` that collects the reference definitions' destinations."""


@dataclass(frozen=True)
class Destination:
    """A link destination as written in the body: the characters to replace to point the link elsewhere."""

    href: str
    """The destination as the parser reports it (normalised), as `Link.href` gives it."""
    span: tuple[int, int]
    """Its (start, end) characters in the body, without any angle brackets around it."""


def install(parser: MarkdownIt) -> None:
    """Wrap the parser's link, image and reference rules so that each notes where its destination is."""
    for name, label_start in (("link", 0), ("image", 1)):
        parser.inline.ruler.at(name, _marking(_rule(parser.inline.ruler, name), label_start))
    parser.block.ruler.at("reference", _noting_definitions(_rule(parser.block.ruler, "reference")))


def _rule(ruler, name: str):
    return next(rule.fn for rule in ruler.__rules__ if rule.name == name)


def _marking(rule, label_start: int):
    """The inline `rule`, noting on the token it makes where its `(destination)` is, if it has one."""
    def marked(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            span = _inline_destination(state, start + label_start)
            token = next((t for t in state.tokens[count:] if t.type in ("link_open", "image")), None)
            if span and span[1] <= state.pos and token is not None:  # not a `(` the rule read past to a reference
                token.meta[MARK] = span
        return True
    return marked


def _inline_destination(state: StateInline, label: int) -> tuple[int, int] | None:
    end = state.md.helpers.parseLinkLabel(state, label, False)
    position = end + 1
    if end < 0 or state.src[position:position + 1] != "(":
        return None  # a reference link: its definition holds the destination
    position += 1
    while position < state.posMax and state.src[position] in " \t\n":
        position += 1
    found = state.md.helpers.parseLinkDestination(state.src, position, state.posMax)
    return _inside_brackets(state.src, position, found.pos) if found.ok else None


def _inside_brackets(src: str, start: int, end: int) -> tuple[int, int]:
    return (start + 1, end - 1) if src.startswith("<", start) else (start, end)


def _noting_definitions(rule):
    """The block `rule` for reference definitions, noting each definition's destination in the parse's env."""
    def noted(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if not rule(state, start_line, end_line, silent):
            return False
        if not silent:
            found = _definition_destination(state, start_line)
            if found:
                state.env.setdefault(DEFINITIONS, []).append(found)
        return True
    return noted


def _definition_destination(state: StateBlock, line: int) -> Destination | None:
    """The destination of the definition starting at `line`: after its `[label]:`, on that line or the next."""
    src, position = state.src, state.bMarks[line] + state.tShift[line] + 1
    while src[position:position + 1] not in ("]", ""):
        position += 2 if src[position] == "\\" else 1
    position += 2
    while src[position:position + 1] in (" ", "\t"):
        position += 1
    if src[position:position + 1] == "\n":
        line = next(number for number in range(line, state.lineMax) if state.eMarks[number] >= position) + 1
        position = state.bMarks[line] + state.tShift[line]
    found = state.md.helpers.parseLinkDestination(src, position, len(src))
    if not found.ok:
        return None
    return Destination(state.md.normalizeLink(found.str), _inside_brackets(src, position, found.pos))


class Placing:
    """Places the destinations the link and image rules noted, in a block's text, in the body they were written in.

    A block's text is its lines as the parser keeps them, with container markers (`> `, a list's
    indentation) removed: each line of a paragraph ends as its body line does, and a heading's or a
    table cell's text is found in its line, after the cells before it.
    """

    def __init__(self, body: str):
        self.body = body
        self.found: list[Destination] = []
        self._lines: list[str] | None = None
        self._starts: list[int] = []
        self._columns: dict[tuple[int, int], int | None] = {}
        """Where each line of a block's text starts in its body line, by (block, line of its text)."""
        self._after: dict[int, int] = {}
        """Per body line, where the last block text placed on it ends: table cells share a line."""

    def add(self, block, child, paragraph: bool) -> None:
        """Place the destination noted on `child`, a link or image token of the inline token `block`."""
        first, end = child.meta[MARK]
        text = block.content
        index = text.count("\n", 0, first)
        own_start = text.rfind("\n", 0, first) + 1
        line = block.map[0] + index
        column = self._column_of(block, index, paragraph)
        if column is None:
            return
        where = self._starts[line] + column + first - own_start
        written = text[first:end]
        if self.body[where:where + len(written)] == written:
            href = child.attrs.get("href" if child.type == "link_open" else "src", "")
            self.found.append(Destination(str(href), (where, where + len(written))))

    def see(self, block) -> None:
        """Place the text of a table cell, with or without links: the cells after it are looked for after it."""
        if block.map and "\n" not in block.content:
            self._column_of(block, 0, paragraph=False)

    def _column_of(self, block, index: int, paragraph: bool) -> int | None:
        """Where line `index` of a block's text starts in its body line; None if it cannot be told."""
        if (id(block), index) not in self._columns:
            lines = block.content.split("\n")
            self._columns[id(block), index] = self._column(lines[index], block.map[0] + index, paragraph)
        return self._columns[id(block), index]

    def _column(self, own: str, line: int, paragraph: bool) -> int | None:
        if self._lines is None:
            self._lines = self.body.split("\n")
            self._starts = [0]
            for text in self._lines[:-1]:
                self._starts.append(self._starts[-1] + len(text) + 1)
        if line >= len(self._lines):
            return None
        source = self._lines[line]
        if paragraph:
            column = next((len(whole) - len(own) for whole in (source, source.rstrip()) if whole.endswith(own)), -1)
        else:
            column = source.find(own, self._after.get(line, 0))
            self._after[line] = column + len(own)
        return column if column >= 0 else None
