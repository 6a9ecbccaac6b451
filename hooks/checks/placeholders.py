"""Placeholders: the `TODO:` values a template or `make new` leaves for the contributor to fill.

A new entry starts as a copy of the template, with every field and section present and each value
a placeholder such as `"TODO: The full name of the organisation that led the work."`. The check
names each placeholder left, with what to write there, and says nothing else about that value:
"'TODO: ...' is not a date" would only repeat, less helpfully, that it is still to be filled in.
A placeholder is a text value, or a paragraph of the body, that starts with `TODO`.
"""

from __future__ import annotations

import json
import re

from hooks.model import fields
from hooks.model.schema import Kind
from hooks.read import outline as markdown
from hooks.read.frontmatter import Document
from hooks.read.problems import Problem, field_path

PREFIX = "TODO: "
"""How the generator starts every placeholder."""
PATTERN = (r"^[\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*"
           r"TODO(?![0-9A-Za-z_])")
"""A value that starts with `TODO` as a word, after any spaces: spelt out (Python's spaces, an ASCII word's end)
so that Python and JavaScript (the share form, given it in its description) read it alike."""
_PLACEHOLDER = re.compile(PATTERN)
RULE = "placeholder"


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and bool(_PLACEHOLDER.match(value))


def problems(kind: Kind, doc: Document, outline: markdown.Outline | None) -> list[Problem]:
    """One problem per placeholder left in a document's fields and, given the body's `outline`, its body."""
    found = []
    if doc.data is not None:
        for parts, _value in _placeholders(doc.data, ()):
            found.append(Problem(doc.path, doc.line_of(parts), field_path(parts), _advice(kind, parts), RULE))
    if outline is not None and "TODO" in doc.body:
        found.extend(_body_problems(kind, doc.path, outline))
    return found


def hide_masked(found: list[Problem]) -> list[Problem]:
    """The problems without those about a value that is still a placeholder (or inside one)."""
    masked = {(p.path, p.field) for p in found if p.rule == RULE and p.field != "body"}

    def under_placeholder(problem: Problem) -> bool:
        return any((problem.path, problem.field[:end]) in masked
                   for end in range(len(problem.field), 0, -1)
                   if end == len(problem.field) or problem.field[end] in ".[")

    return [p for p in found if p.rule == RULE or not under_placeholder(p)]


def _placeholders(value, parts: tuple):
    if is_placeholder(value):
        yield parts, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders(item, parts + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders(item, parts + (index,))


def _advice(kind: Kind, parts: tuple) -> str:
    """What to write in place of the placeholder, from the schema; and whether it may go instead."""
    chain = fields.at(kind, parts)
    if not chain:
        return "still holds a placeholder; replace it with your own text"
    field = chain[-1]
    if field.vocabulary:
        what = (f"use {'one or more' if field.many else 'one'} of: "
                + ", ".join(str(value) for value in field.vocabulary.values))
    else:
        what = f"replace it with: {field.description.rstrip('.')}; for example: " \
               + json.dumps(field.example, ensure_ascii=False)
    optional = ""
    depth = -1
    for end, part in enumerate(parts, start=1):
        if isinstance(part, int):
            continue
        depth += 1
        if not chain[depth].required:
            optional = f"; or delete '{field_path(parts[:end])}' to leave it out"
            break
    return f"still holds the template's placeholder; {what}{optional}"


def _body_problems(kind: Kind, path: str, outline: markdown.Outline) -> list[Problem]:
    found = []
    guidance = {section.title.lower(): section.guidance for top in kind.sections
                for section in (top, *top.subsections)}
    headings = iter(outline.headings)
    heading, following = None, next(headings, None)
    for line, text in outline.paragraphs:
        while following is not None and following.line < line:
            heading, following = following, next(headings, None)
        if not is_placeholder(text):
            continue
        where = f"the section '{'#' * heading.level} {heading.text}'" if heading else "the text"
        advice = guidance.get(heading.text.lower()) if heading else None
        what = f"replace it with: {advice}" if advice else "replace it with your own text"
        found.append(Problem(path, line, "body", f"{where} still holds the template's placeholder; {what}", RULE))
    return found
