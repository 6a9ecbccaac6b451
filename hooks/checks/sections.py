"""What an entry's sections say: text, the standard sentence for what a source does not report, or nothing.

A case study is written from what its source says, and sources do not cover every section. Rather
than leave a heading bare, or fill the gap with a guess, the writer gives the section one standard
sentence, `NOT_REPORTED`, which the site shows in one standard way. A section with no text at all is
a problem, and so is an entry whose every section says its source does not report it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from hooks.checks.suggest import did_you_mean
from hooks.model.schema import Kind, Section
from hooks.read import outline as markdown
from hooks.read.problems import Problem, quote

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


def order_problems(path: str, sections: tuple[Section, ...], headings: tuple[markdown.Heading, ...],
                      *, level: int = 2, end_line: int | None = None) -> list[Problem]:
    """The body's headings at `level` must be `sections`, all of them, in order."""
    if not sections:
        return []
    problems = []
    wanted = [s.title for s in sections]
    wanted_keys = [title_key(t) for t in wanted]
    found = [h for h in headings if h.level == level]
    found_keys = [title_key(h.text) for h in found]
    heading_marks = "#" * level
    for heading in headings:
        if heading.level < level:
            problems.append(Problem(path, heading.line, "body", f"the heading {quote(heading.text)} is level "
                                    f"{heading.level}; the page title comes from the title field, so start "
                                    f"sections with {heading_marks}", "unknown-section"))
    for heading in found:
        if title_key(heading.text) not in wanted_keys:
            advice = did_you_mean(heading.text, wanted, otherwise=f"the sections are: {'; '.join(wanted)}")
            problems.append(Problem(path, heading.line, "body", f"{quote(heading.text)} is not one of the "
                                    f"sections; {advice}", "unknown-section"))
    for index, heading in enumerate(found):
        if found_keys[index] in wanted_keys and found_keys[index] in found_keys[:index]:
            problems.append(Problem(path, heading.line, "body", f"the section {quote(heading.text)} appears "
                                    "more than once; merge the two", "section-order"))
    if not any(key in wanted_keys for key in found_keys):
        return problems + [Problem(path, end_line or (headings[0].line if headings else 1), "body",
                                   "the required sections are missing; add these headings, in this order: "
                                   + "; ".join(f"{heading_marks} {title}" for title in wanted), "missing-section")]
    present = list(dict.fromkeys(key for key in found_keys if key in wanted_keys))
    for index, section in enumerate(sections):
        if wanted_keys[index] not in found_keys:
            following = next((h.line for h in found if title_key(h.text) in wanted_keys[index + 1:]), end_line)
            problems.append(Problem(path, following or (found[-1].line if found else 1), "body",
                                    f"the section {quote(heading_marks + ' ' + section.title)} is missing; "
                                    f"add it{' before this line' if following else ''}: {section.guidance}",
                                    "missing-section"))
    expected_order = [key for key in wanted_keys if key in present]
    if present != expected_order:
        first_wrong = next(i for i, (a, b) in enumerate(zip(present, expected_order)) if a != b)
        heading = next(h for h in found if title_key(h.text) == present[first_wrong])
        problems.append(Problem(path, heading.line, "body", f"the section {quote(heading.text)} is out of "
                                f"order; the order is: {'; '.join(wanted)}", "section-order"))
    for index, section in enumerate(sections):
        if not section.subsections or wanted_keys[index] not in found_keys:
            continue
        start = found[found_keys.index(wanted_keys[index])]
        after = [h.line for h in found if h.line > start.line]
        inside = tuple(h for h in headings if h.line > start.line and (not after or h.line < after[0])
                       and h.level > level)
        problems.extend(order_problems(path, section.subsections, inside, level=level + 1,
                                          end_line=after[0] if after else None))
    return problems


