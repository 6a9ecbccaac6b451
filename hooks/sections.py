"""What an entry's sections say: text, the standard sentence for what a source does not report, or nothing.

A case study is written from what its source says, and sources do not cover every section. Rather
than leave a heading bare, or fill the gap with a guess, the writer gives the section one standard
sentence, `NOT_REPORTED`, which the site shows in one standard way. A section with no text at all is
a problem, and so is an entry whose every section says its source does not report it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from hooks import body as markdown
from hooks.problems import Problem, quote
from hooks.schema import Kind, Section

NOT_REPORTED = "The source does not report this."
"""The whole text of a section its source does not cover."""
NOT_REPORTED_CLASS = "hub-not-reported"
"""The class the site gives that sentence, to style it as a note."""


@dataclass(frozen=True)
class Said:
    """A section of the body as written: its heading, and the outermost blocks of text under it."""

    heading: markdown.Heading
    blocks: tuple[markdown.Block, ...]
    leaf: bool
    """One of the kind's sections without subsections: it must have text of its own."""

    @property
    def not_reported(self) -> bool:
        return len(self.blocks) == 1 and is_not_reported(self.blocks[0].paragraph)


def is_not_reported(text: str | None) -> bool:
    """Whether a paragraph (or a section's whole text) is the standard sentence, however its lines are wrapped."""
    return text is not None and " ".join(text.split()) == NOT_REPORTED


def said(kind: Kind, outline: markdown.Outline) -> list[Said]:
    """Every heading of the body with the blocks between it and the next heading."""
    leaves = _leaf_titles(kind.sections, level=2)
    headings = outline.headings
    lines = [block.line for block in outline.blocks]
    result = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].line if index + 1 < len(headings) else lines[-1] + 1 if lines else heading.line
        blocks = outline.blocks[bisect_right(lines, heading.line):bisect_left(lines, end)]
        result.append(Said(heading, blocks, (heading.level, title_key(heading.text)) in leaves))
    return result


def problems(path: str, kind: Kind, outline: markdown.Outline) -> list[Problem]:
    """A required section with no text, and an entry whose every section says its source does not report it."""
    sections = [section for section in said(kind, outline) if section.leaf]
    found = [Problem(path, section.heading.line, "body", f"the section {quote(section.heading.text)} has no text; "
                     f"write what the source says, or, if it does not say, write: {NOT_REPORTED}", "empty-section")
             for section in sections if not section.blocks]
    if sections and any(section.not_reported for section in sections) \
            and not any(section.blocks and not section.not_reported for section in sections):
        found.append(Problem(path, sections[0].heading.line, "body", f"every section says {quote(NOT_REPORTED)}; "
                             f"a {kind.label.lower()} needs at least one section with what the source does say",
                             "nothing-reported"))
    return found


def not_reported_spans(kind: Kind, outline: markdown.Outline) -> list[tuple[int, int]]:
    """The body lines (first, last + 1, from 0) of each section whose whole text is the standard sentence."""
    return [section.blocks[0].span for section in said(kind, outline) if section.not_reported]


def _leaf_titles(sections: tuple[Section, ...], *, level: int) -> set[tuple[int, str]]:
    """The (heading level, title) of each section that must have text of its own."""
    found = set()
    for section in sections:
        if section.subsections:
            found |= _leaf_titles(section.subsections, level=level + 1)
        else:
            found.add((level, title_key(section.title)))
    return found


def title_key(title: str) -> str:
    """A heading's title as the section rules compare it: case, spacing and a final colon make no difference."""
    return " ".join(title.lower().rstrip(":").split())
