"""Markdown that would make the site engine take hours: found in one pass, with its line.

Python-Markdown, which builds the pages, slows with the square of the text on a few constructs,
measured on its 3.11 release with the site's extensions:

- an unclosed `[` (or a link's unclosed `(`): from each one it reads to the end of the paragraph
  for the closing one, several times over; 40 KB of `[` took 107 s to build and 1 MB takes hours;
- brackets nested deep: each `[` is read up to its `]`, so each character is read once per bracket
  around it;
- `<` and a letter, `/`, `!` or `?` with no `>`: its HTML reader reads from each one to the end of
  the whole page for a `>`;
- each link, code span, emphasis, escape, entity or line break copies its whole paragraph again;
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

from hooks.problems import Problem, count

RULE = "slow-markdown"

MAX_BRACKET_DEPTH = 3
MAX_MARKUP_PER_PARAGRAPH = 300
"""Characters that start inline markup (`MARKUP`), and line breaks, in one paragraph."""
MAX_BREAKS_PER_PARAGRAPH = 10
"""Headings, rules, underlines and definitions in one paragraph."""
MAX_HEADINGS = 500
MAX_NESTING = 10
"""Quote and list markers, and four-space indents, before a line's text."""

MARKUP = "[`*_<&\\"
_PARAGRAPH = re.compile(r"(?:^[ \t]*[^ \t\n][^\n]*(?:\n|$))+", re.MULTILINE)
"""Lines with no blank line between them: the engine splits the text at lines of only spaces."""
_BREAK = re.compile(r"^ {0,3}(?:#|:\s|[-=*_][-=*_ ]*$)", re.MULTILINE)
"""A heading, rule, setext underline or definition line."""
_HEADING = re.compile(r"^ {0,3}(?:#|=+ *$|-+ *$)", re.MULTILINE)
_DEEP = re.compile(r"^(?: {0,3}(?:>|[-*+](?= |$)|\d{1,9}[.)](?= |$)) ?| {4}){%d}" % (MAX_NESTING + 1), re.MULTILINE)
_SPECIAL = re.compile(r"[\[\]()<\\]")
_TAG_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")


def problems(path: str, body: str, *, first_line: int) -> list[Problem]:
    """One problem per kind of slow construct in `body`, at its first line, with how many lines have it."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    found: list[tuple[int, str]] = []
    headings = 0
    for paragraph in _PARAGRAPH.finditer(text):
        headings += len(_HEADING.findall(paragraph.group()))
        found.extend((paragraph.start() + position, kind) for position, kind in _paragraph(paragraph.group()))
    lines: dict[str, list[int]] = {}
    line, counted = first_line, 0
    for position, kind in sorted(found):
        line += text.count("\n", counted, position)
        counted = position
        if lines.setdefault(kind, [line])[-1] != line:
            lines[kind].append(line)
    if headings > MAX_HEADINGS:
        lines["headings"] = [first_line]
    return [Problem(path, where[0], "body", MESSAGES[kind] + _more(len(where)), RULE)
            for kind, where in sorted(lines.items(), key=lambda item: item[1][0])]


def _paragraph(text: str) -> list[tuple[int, str]]:
    """Where in one paragraph each slow construct is, as (offset, kind)."""
    found = [(match.start(), "nesting") for match in _DEEP.finditer(text)]
    if len(_BREAK.findall(text)) > MAX_BREAKS_PER_PARAGRAPH:
        found.append((0, "breaks"))
    if sum(map(text.count, MARKUP)) + text.count("  \n") > MAX_MARKUP_PER_PARAGRAPH:
        found.append((0, "markup"))
    opened: list[int] = []
    """Offsets of the `[` not yet closed, innermost last."""
    address, address_depth = 0, 0
    """Where the link address being read starts, and how many `(` are open in it."""
    escaped = line_end = last_close = -1
    for match in _SPECIAL.finditer(text):
        position = match.start()
        char = text[position]
        if position == escaped:
            continue
        if char == "\\":
            escaped = position + 1
        elif char == "[":
            opened.append(position)
            if len(opened) == MAX_BRACKET_DEPTH + 1:
                found.append((position, "depth"))
        elif char == "]" and opened:
            opened.pop()
            if text.startswith("(", position + 1) and not address_depth:
                address, address_depth, escaped = position, 1, position + 1
        elif char == "(" and address_depth:
            address_depth += 1
        elif char == ")" and address_depth:
            address_depth -= 1
        elif char == "<" and text[position + 1:position + 2] in _TAG_START:
            if position > line_end:
                line_end = text.find("\n", position) % (len(text) + 1)
                last_close = text.rfind(">", position, line_end)
            if position > last_close:
                found.append((position, "angle"))
    if opened:
        found.append((opened[0], "bracket"))
    if address_depth:
        found.append((address, "address"))
    return found


def _more(number: int) -> str:
    return f" ({count(number - 1, 'more line')} like it in this file)" if number > 1 else ""


MESSAGES = {
    "bracket": "this '[' is never closed by a ']' in its paragraph, and the site's Markdown engine reads to "
               "the end of the paragraph looking for one, which with many makes the build take hours; close "
               "it, or write \\[ for a bracket meant as text",
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
    "breaks": f"this paragraph holds more than {MAX_BREAKS_PER_PARAGRAPH} headings, rules or definition "
              "lines, and the site's Markdown engine re-reads the rest of it at each; put a blank line "
              "after each heading, rule or definition",
    "headings": f"the text has more than {MAX_HEADINGS} headings, and the site's Markdown engine slows with "
                "the square of them; use fewer headings",
    "nesting": f"lists or quotes are nested more than {MAX_NESTING} deep here, which the site's Markdown "
               "engine cannot build; nest less",
}
