"""Markdown that would make the site's engine take hours: found in a linear pass, with its line.

Python-Markdown, which builds the pages, slows with the square of the text on a few constructs,
measured on its 3.11 release with the site's extensions:

- an unclosed `[` (or a link's unclosed `(`): from each one it reads to the end of the paragraph
  for the closing one, several times over; 40 KB of `[` took 107 s to build and 1 MB takes hours;
- brackets nested deep: each `[` is read up to its `]`, so each character is read once per bracket
  around it;
- `<` and a letter, `/`, `!` or `?` with no `>`: its HTML reader reads from each one to the end of
  the whole page for a `>`;
- each link, code span, emphasis, escape, entity or line break copies its whole paragraph again;
- each `{` in a heading, term or table cell reads the rest of its line, for an attribute list;
- each heading, rule or definition inside a paragraph re-reads the rest of it (definitions nest it,
  until Python's recursion limit ends the build), and each repeated heading tries every id before
  it (`a_1`, `a_2`, ...);
- each level of nested lists or quotes parses its content again, and a few hundred stop the build.

Each limit below bounds one of these to a fixed cost per character, so a body under the size cap
that passes converts in seconds; no real writing comes near them. The text is read raw, code
included, and in paragraphs as the engine splits them (at blank lines): the limits hold whatever
the two Markdown parsers disagree on.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from hooks.read.problems import Problem, count

RULE = "slow-markdown"

MAX_BRACKET_DEPTH = 3
MAX_MARKUP_PER_PARAGRAPH = 300
"""Characters that start inline markup (`MARKUP`), and line breaks, in one paragraph."""
MAX_BRACES_PER_PARAGRAPH = 10
"""`{` not escaped, in one paragraph."""
MAX_BREAKS_PER_PARAGRAPH = 10
"""Headings, rules, underlines and definitions in one paragraph."""
MAX_HEADINGS = 500
MAX_LINES = 5_000
"""Lines that are not blank, in the whole text: each paragraph, row or item costs the engine ~0.1 ms."""
MAX_MARKUP = 5_000
"""Characters that start inline markup, `|` and line breaks, in the whole text: each costs ~0.1 ms."""
MAX_NESTING = 8
"""Quote and list markers, and two-space indents, before a line's text. The check's own parser stops
reading at 20 levels (a list is two: the list and its item), so it must never get there."""

MARKUP = "[`*_<&\\"
_PARAGRAPH = re.compile(r"(?:^[ \t]*[^ \t\n][^\n]*(?:\n|$))+", re.MULTILINE)
"""Lines with no blank line between them: the engine splits the text at lines of only spaces."""
_BREAK = re.compile(r" {0,3}(?:#|:\s|[-=*_][-=*_ ]*$)")
"""A heading, rule, setext underline or definition line."""
_HEADING = re.compile(r" {0,3}(?:#|=+ *$|-+ *$)")
_DEEP = re.compile(r"(?> {0,3}(?:>|[-*+](?= |$)|\d{1,9}[.)](?= |$)) ?| {2}){%d}" % (MAX_NESTING + 1))
"""A line inside more quotes, lists and indents than allowed (atomic: a space is never tried both ways)."""
_TOTALS = {"headings": MAX_HEADINGS, "lines": MAX_LINES, "markup-total": MAX_MARKUP}
"""Limits on the whole text."""
_SPECIAL = re.compile(r"[\[\]()<\\]")
_LINE_START = frozenset(" #:=-*_>+0123456789")
"""How a line starts that may be a heading, rule, definition, quote, list or indented."""
_TAG_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")


def problems(path: str, body: str, *, first_line: int) -> list[Problem]:
    """One problem per kind of slow construct in `body`, at its first line, with how many lines have it."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    found, blanks, lines, headings = _line_starts(text)
    found += _brackets_and_tags(text, blanks)
    markup = _markup(text)
    if markup > MAX_MARKUP_PER_PARAGRAPH or markup + text.count("|") > MAX_MARKUP or lines > MAX_LINES \
            or headings > MAX_HEADINGS or _braces(text) > MAX_BRACES_PER_PARAGRAPH:
        found += _crowded(text)
    where: dict[str, list[int]] = {}
    line, counted = first_line, 0
    for position, kind in sorted(found):
        line += text.count("\n", counted, position)
        counted = position
        if where.setdefault(kind, [line])[-1] != line:
            where[kind].append(line)
    return [Problem(path, at[0], "body", MESSAGES[kind] + _more(len(at)), RULE)
            for kind, at in sorted(where.items(), key=lambda item: item[1][0])]


def _line_starts(text: str) -> tuple[list[tuple[int, str]], list[int], int, int]:
    """Lines nested too deep and paragraphs with too many headings, rules or definitions, as (offset, kind);
    the offsets of blank lines; and how many lines are not blank, and how many are headings."""
    found, blanks = [], []
    offset = lines = headings = breaks = first_break = 0
    for line in text.split("\n"):
        if not line.strip(" "):
            blanks.append(offset)
            breaks = 0
        else:
            lines += 1
            if line[0] in _LINE_START:
                if _DEEP.match(line):
                    found.append((offset, "nesting"))
                headings += bool(_HEADING.match(line))
                if _BREAK.match(line):
                    first_break = first_break if breaks else offset
                    breaks += 1
                    if breaks == MAX_BREAKS_PER_PARAGRAPH + 1:
                        found.append((first_break, "breaks"))
        offset += len(line) + 1
    return found, blanks, lines, headings


def _markup(text: str) -> int:
    return sum(map(text.count, MARKUP)) + text.count("  \n")


def _braces(text: str) -> int:
    return text.count("{") - text.count("\\{")


def _crowded(text: str) -> list[tuple[int, str]]:
    """Paragraphs with too much markup, and those that take the whole text over a limit, as (offset, kind).
    Only called when the whole text is over a paragraph's limit: most are not, and this costs more."""
    found = []
    totals = dict.fromkeys(_TOTALS, 0)
    for paragraph in _PARAGRAPH.finditer(text):
        block = paragraph.group()
        markup = _markup(block)
        if markup > MAX_MARKUP_PER_PARAGRAPH:
            found.append((paragraph.start(), "markup"))
        if _braces(block) > MAX_BRACES_PER_PARAGRAPH:
            found.append((paragraph.start(), "braces"))
        lines = block.rstrip("\n").split("\n")
        counts = {"headings": sum(bool(_HEADING.match(line)) for line in lines), "lines": len(lines),
                  "markup-total": markup + block.count("|")}
        for kind, number in counts.items():
            if totals[kind] <= _TOTALS[kind] < totals[kind] + number:
                found.append((paragraph.start(), kind))
            totals[kind] += number
    return found


def _brackets_and_tags(text: str, blanks: list[int]) -> list[tuple[int, str]]:
    """Unclosed or deep brackets, unclosed link addresses, and `<` with no `>`, as (offset, kind), in
    paragraphs ending at the `blanks`."""
    found = []
    blank = 0
    opened: list[int] = []
    """Offsets of the `[` not yet closed in this paragraph, innermost last."""
    address, address_depth = 0, 0
    """Where the link address being read starts, and how many `(` are open in it."""
    skip = line_end = last_close = -1
    """An escaped character, or the `(` that opens a link address: not read as markup."""
    for match in _SPECIAL.finditer(text):
        position = match.start()
        char = text[position]
        if position == skip:
            continue
        if blank < len(blanks) and blanks[blank] < position:
            found += _unclosed(opened, address if address_depth else None)
            opened, address_depth = [], 0
            blank = bisect_left(blanks, position)
        if char == "\\":
            skip = position + 1
        elif char == "[":
            opened.append(position)
            if len(opened) == MAX_BRACKET_DEPTH + 1:
                found.append((position, "depth"))
        elif char == "]" and opened:
            opened.pop()
            if text.startswith("(", position + 1) and not address_depth:
                address, address_depth, skip = position, 1, position + 1
        elif char == "(" and address_depth:
            address_depth += 1
        elif char == ")" and address_depth:
            address_depth -= 1
        elif char == "<" and text[position + 1:position + 2] in _TAG_START:
            if position > line_end:
                line_end = text.find("\n", position)
                line_end = len(text) if line_end < 0 else line_end
                last_close = text.rfind(">", position, line_end)
            if position > last_close:
                found.append((position, "angle"))
    return found + _unclosed(opened, address if address_depth else None)


def _unclosed(opened: list[int], address: int | None) -> list[tuple[int, str]]:
    """At the end of a paragraph: its first unclosed `[`, and its unclosed link address."""
    found = [(opened[0], "bracket")] if opened else []
    return found + [(address, "address")] if address is not None else found


def _more(number: int) -> str:
    return f" ({count(number - 1, 'more line')} like it in this file)" if number > 1 else ""


MESSAGES = {
    "bracket": "this '[' is never closed by a ']' in its paragraph; the site's Markdown engine then reads to the "
               "end of the paragraph, and many such brackets take hours to build; close it, or write \\[ for a "
               "bracket meant as text",
    "address": "this link's address is never closed by a ')' in its paragraph, which makes the site's Markdown "
               "engine read to the end of the paragraph; close it with ')'",
    "depth": f"brackets are nested more than {MAX_BRACKET_DEPTH} deep here, which makes the site's Markdown "
             "engine slow; close some, or write \\[ for a bracket meant as text",
    "angle": "this '<' is followed by a letter, '/', '!' or '?' and no '>' on the line, which makes the site's "
             "Markdown engine read to the end of the page for one; write &lt; for a less-than sign, or put a "
             "space after it",
    "markup": f"this paragraph holds more than {MAX_MARKUP_PER_PARAGRAPH} characters that start formatting "
              "([ ` * _ < & \\ and line breaks), and the site's Markdown engine copies the whole paragraph for "
              "each; split it with blank lines",
    "braces": f"this paragraph holds more than {MAX_BRACES_PER_PARAGRAPH} '{{', and the site's Markdown engine "
              "reads the rest of the line from each, looking for an attribute list; use fewer, or write \\{ for "
              "a brace meant as text",
    "breaks": f"this paragraph holds more than {MAX_BREAKS_PER_PARAGRAPH} headings, rules or definition "
              "lines, and the site's Markdown engine re-reads the rest of it at each; put a blank line "
              "after each heading, rule or definition",
    "headings": f"this paragraph takes the text over {MAX_HEADINGS} headings, and the site's Markdown engine "
                "slows with the square of them; use fewer headings",
    "lines": f"this paragraph takes the text over {MAX_LINES:,} lines that are not blank, and the site's "
             "Markdown engine would take minutes to build them; move long material to a linked document",
    "markup-total": f"this paragraph takes the text over {MAX_MARKUP:,} characters that start formatting "
                    "([ ` * _ < & \\ | and line breaks), and the site's Markdown engine would take minutes to "
                    "build them; move long material to a linked document",
    "nesting": f"lists or quotes are nested more than {MAX_NESTING} deep here; the check's Markdown reader "
               "stops there, and the site's engine slows with each level; nest less",
}
