"""Characters an entry may not hold: control characters and noncharacters anywhere, line breaks in a field.

Every text field of the front matter is one line. A title, a name, a citation or an address is
printed into headings, lists, link text, attributes and feeds, where a line break starts new
Markdown structure, and one control character makes the XML feed unreadable for every subscriber.
The body is Markdown: it keeps its line breaks, and tabs (which indent code), but nothing else
below the space. Noncharacters (U+FFFE, U+FFFF, U+FDD0 to U+FDEF, the last two of every plane)
are not text at all.

The ranges are data so that the share form, given them in its description, tests the same way.
"""

from __future__ import annotations

import re

from hooks.read.problems import Problem, field_path, quote

RULE = "bad-character"
ANYWHERE = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0xFDD0, 0xFDEF),
            *((plane + 0xFFFE, plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)))
"""Refused in any text: C0 controls but tab and newline, DEL, C1 controls (NEL among them), noncharacters."""
IN_A_FIELD = (*ANYWHERE, (0x09, 0x0A), (0x2028, 0x2029))
"""Refused in a front-matter value, which is one line: also tab, newline, and the line and paragraph separators."""


def _class(ranges) -> re.Pattern:
    return re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]")


_BEYOND_BMP = _class([(0x10000, 0x10FFFF)])


class _Refused:
    """Finds the first refused character of a text.

    The ranges above U+FFFF are looked for only in text that has such characters at all: a class
    holding them makes Python's engine scan any text about ten times slower.
    """

    def __init__(self, ranges) -> None:
        self._bmp = _class([r for r in ranges if r[1] <= 0xFFFF])
        self._beyond = _class([r for r in ranges if r[1] > 0xFFFF])

    def search(self, text: str) -> re.Match | None:
        beyond = not text.isascii() and _BEYOND_BMP.search(text)
        found = [self._bmp.search(text), self._beyond.search(text) if beyond else None]
        return min((match for match in found if match), key=re.Match.start, default=None)


_ANYWHERE = _Refused(ANYWHERE)
_IN_A_FIELD = _Refused(IN_A_FIELD)


def refused_in_a_field(text: str) -> bool:
    """True if `text` holds a character no front-matter value may hold."""
    return _IN_A_FIELD.search(text) is not None


def field_problems(data, *, path: str, line_of, parts: tuple = ()) -> list[Problem]:
    """A problem for each text value of the fields that holds a refused character, at its first one."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in field_problems(value, path=path, line_of=line_of,
                                                                           parts=parts + (key,))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in field_problems(value, path=path, line_of=line_of,
                                                                              parts=parts + (index,))]
    found = _IN_A_FIELD.search(data) if isinstance(data, str) else None
    if found is None:
        return []
    return [Problem(path, line_of(parts), field_path(parts) or "front matter",
                    _message(data, found.start()), RULE)]


def body_problems(body: str, *, path: str, first_line: int) -> list[Problem]:
    """A problem for each line of the body that holds a refused character, at its first one."""
    if _ANYWHERE.search(body) is None:
        return []  # nearly every body: one scan of it instead of one a line
    problems = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        found = _ANYWHERE.search(line)
        if found:
            problems.append(Problem(path, number, "body", _message(line, found.start()), RULE))
    return problems


def _message(text: str, index: int) -> str:
    char = text[index]
    code = f"U+{ord(char):04X}"
    before = text[:index].lstrip()
    if not before:
        where = "at the start"
    elif index == len(text) - 1:
        where = "at the end"
    else:
        where = f"after {quote(('...' if len(before) > 20 else '') + before[-20:])}"
    if char == "\t":
        return f"has a tab ({code}) {where}; use a space instead"
    if char in "\n\u2028\u2029":
        advice = "delete it" if where == "at the end" else "a field is one line, so join the lines"
        return f"has a line break ({code}) {where}; {advice}"
    return f"has an invisible character ({code}) {where} that cannot be published; delete it"
