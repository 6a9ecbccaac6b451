"""Problems found in entries, and the one way they are printed.

A contributor fixes what they can find, so every problem carries the file, the line, the field
and a rule id that stays stable across releases (the contributing guide and the tests refer to
it). Rule ids are declared here once, each with what it catches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RULES: dict[str, str] = {
    # Reading the file
    "not-utf8": "the file is not saved as UTF-8 text",
    "too-large": "the file is over the size limit",
    "no-front-matter": "the file does not start with a front matter block",
    "unclosed-front-matter": "the front matter block has no closing --- line",
    "tab": "a tab character in the front matter",
    "yaml-syntax": "the front matter is not valid YAML",
    "yaml-anchor": "a YAML anchor or alias",
    "duplicate-key": "the same field given twice",
    "not-a-mapping": "the front matter is not a list of fields",
    "not-an-entry": "a file in an entry folder that is not read: a wrong ending, a folder, a link or a special file",
    # The fields, from the schema
    "missing-field": "a required field is missing",
    "unknown-field": "a field the schema does not declare",
    "wrong-type": "a value of the wrong kind (text, list, number, true/false)",
    "bad-value": "a value outside the allowed ones",
    "bad-date": "a date not written as YYYY-MM-DD",
    "bad-email": "a malformed email address",
    "bad-url": "a malformed web address",
    "too-short": "a value or list shorter than the schema allows",
    "too-long": "a value or list longer than the schema allows",
    "repeated-value": "the same value listed twice",
    "bad-character": "a control character or noncharacter, or a line break in a field (fields are one line)",
    # Across entries
    "bad-slug": "a file name that is not a valid slug",
    "reserved-slug": "a file name whose address is a page the site makes itself",
    "unknown-approach": "a case study names an approach that has no entry",
    "approach-has-page": "a case study names, among the approaches not listed, one that the hub has a page for",
    "duplicate-title": "two entries with the same title or name",
    # The Markdown body
    "missing-section": "a required section is missing",
    "section-order": "the sections are not in the required order",
    "unknown-section": "a heading that is not one of the required sections",
    "empty-section": "a section with no text: a heading followed straight away by the next heading or the end",
    "nothing-reported": "an entry whose every section says the source does not report it",
    "raw-html": "raw HTML in the Markdown",
    "unspaced-heading": "a line starting with # and no space, a heading on the site but not to the check",
    "unmatched-citation": "an in-text citation, like (NHS England 2021), with no reference, or a reference not cited",
    "link-scheme": "a link that is not http, https, mailto or relative",
    "broken-link": "a relative link to a file that does not exist",
    "reserved-name": "an id or class in the body that the site's theme or scripts use",
    "slow-markdown": "Markdown that would make the site's engine take hours (an unclosed bracket, deep nesting, ...)",
    # Readiness instruments
    "duplicate-id": "two domains, statements, bands or rules of an instrument with the same id",
    "unknown-id": "an instrument names a domain, statement or band it does not have",
    # New entries
    "placeholder": "a TODO placeholder from the template still to be filled in",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one entry, with enough context to fix it without reading code."""

    path: str
    """The file, relative to the repository root, with forward slashes."""
    line: int
    """1-based line in the file: the YAML node's line, or the Markdown line."""
    field: str
    """The field path (`settings[1]`, `contact.email`), or `body` or `file`."""
    message: str
    """Plain words: what is wrong and what to do."""
    rule: str
    """A stable id from `RULES`."""

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"unknown rule id {self.rule!r}; declare it in RULES")

    def __str__(self) -> str:
        return one_line(f"{self.path}:{self.line}: {self.field}: {self.message} [{self.rule}]")

    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, so it shows on the changed line."""
        file = _command_property(one_line(self.path))
        message = _command_data(one_line(f"{self.field}: {self.message} [{self.rule}]"))
        return f"::error file={file},line={self.line}::{message}"


_LEGACY_COMMAND = re.compile(r"(?<=##)\[")


def one_line(text: str) -> str:
    r"""`text` as it may be printed to a terminal or a CI log: one line that runs no command.

    Contributed values reach messages (and file names reach paths), so a value could otherwise end
    the line and start a forged `::error` or a terminal escape sequence. Every character Python does
    not count as printable (line and paragraph separators, `\r`, `\x85`, ESC and the other controls,
    format characters, surrogates) is shown as its Python escape, like `\n`; and `##[`, which the
    GitHub Actions runner reads as a command anywhere in a line, is shown as `##\x5b`.
    """
    shown = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return _LEGACY_COMMAND.sub(r"\\x5b", shown)


def _command_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit escapes it (`escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    """A workflow command's property value (`file=`), escaped as GitHub's toolkit escapes it (`escapeProperty`)."""
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def field_path(parts: tuple | list) -> str:
    """Write a path of keys and indexes the way a contributor reads it: `references[0].url`."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def quote(value: object) -> str:
    r"""Show a value in a message as the contributor wrote it, on one line.

    A backslash is written `\\` and every character that is not printable as its escape (`\n`), so
    the quote is exact and cannot break the line it is printed on (see `one_line`).
    """
    if isinstance(value, str):
        shown = one_line(value.replace("\\", "\\\\"))
        return f"'{shown}'" if "'" not in value else f'"{shown}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    return str(value)


def count(number: int, singular: str, plural: str | None = None) -> str:
    """`1 problem`, `3 problems`: messages read as sentences."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
