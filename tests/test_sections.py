"""Sections: an empty one is a problem on its heading's line; the standard sentence is shown as one kind of note."""

from __future__ import annotations

import html5lib
import pytest
from conftest import FIXTURES, ROOT, build, make_repo, write_entry
from test_build import page

from hooks.checks import loader, sections
from hooks.model.schema import kinds
from hooks.write import scaffold

STUDY = "case_studies/huddles-on-ward-7.md"
BASE = (FIXTURES / "base" / STUDY).read_text(encoding="utf-8")


def problems_with(repo, old: str, new: str) -> list[tuple[int, str, str]]:
    assert old in BASE
    write_entry(repo, STUDY, BASE.replace(old, new))
    return [(p.line, p.rule, p.message) for p in loader.load(repo).problems]


def line_of(text: str, heading: str) -> int:
    return text.split("\n").index(heading) + 1


@pytest.mark.parametrize("old,new,heading", [
    ("## What to change\n\nMake time.\n\n", "## What to change\n\n", "## What to change"),
    ("Keep it short.\n", "", "## Challenges and lessons learnt"),
    ("Fewer sick days.", "<!-- to write -->", "### Better outcomes"),
    ("Fewer sick days.", "* * *", "### Better outcomes"),
    ("Fewer sick days.", "[report]: https://example.org/report", "### Better outcomes"),
])
def test_a_section_with_no_text_is_a_problem_on_its_heading(repo, old, new, heading):
    found = problems_with(repo, old, new)
    assert found == [(line_of(BASE.replace(old, new), heading), "empty-section",
                      f"the section '{heading.lstrip('# ')}' has no text; write what the source says, or, if it "
                      f"does not say, write: {sections.NOT_REPORTED}")]


@pytest.mark.parametrize("text", ["- a list item", "> a quotation", "| a | table |\n|---|---|\n| 1 | 2 |",
                                  "```\ncode\n```"])
def test_any_block_of_text_is_text(repo, text):
    assert problems_with(repo, "Make time.", text) == []


def test_the_heading_over_subsections_needs_no_text_of_its_own(repo):
    assert "## Adding value\n\n### Better outcomes" in BASE
    assert loader.load(repo).problems == []


def test_the_standard_sentence_is_a_section_however_its_lines_are_wrapped(repo):
    assert problems_with(repo, "Make time.", "The source does not\nreport  this.") == []


def test_a_section_saying_more_than_the_sentence_is_real_text(repo):
    """Only the first section has text of its own: with the sentence and more in the second, the entry is valid."""
    silent = BASE
    for text in ("Make time.", "A weekly huddle.", "Fewer sick days.", "Staff felt heard.", "Fifteen minutes a week.",
                 "Keep it short."):
        silent = silent.replace(text, sections.NOT_REPORTED)
    first = next(line for line in BASE.split("\n") if line.startswith("Staff said"))
    write_entry(repo, STUDY, silent)
    assert loader.load(repo).problems == []
    write_entry(repo, STUDY, silent.replace(first, sections.NOT_REPORTED).replace(
        "references:\n  - {citation: \"Test C. A third source\", year: 2022, url: \"https://example.org/c\"}",
        "references: []"))
    assert [p.rule for p in loader.load(repo).problems] == ["nothing-reported"]
    write_entry(repo, STUDY, silent.replace(first, f"{sections.NOT_REPORTED} But staff were tired (Test C 2022)."))
    assert loader.load(repo).problems == []


def test_every_template_says_how_to_write_a_section_the_source_does_not_cover():
    for kind in kinds().values():
        text = scaffold.template_path(ROOT, kind).read_text(encoding="utf-8")
        leaves = [line for line in text.split("\n") if line.startswith("TODO: ")]
        assert leaves and all(line.endswith(scaffold.NOT_REPORTED_ADVICE) for line in leaves), kind.name
        assert text == scaffold.entry_text(kind), "run make templates"


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "content/contributing.md"])
def test_the_guides_give_the_standard_sentence(guide):
    assert sections.NOT_REPORTED in " ".join((ROOT / guide).read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("sections") / "repo")
    write_entry(root, STUDY, BASE.replace("Fifteen minutes a week.", "The source does\nnot report this."))
    result = build(root, root.parent / "site")
    assert result.returncode == 0, result.stderr
    return root.parent / "site"


def test_the_standard_sentence_is_shown_as_a_note_under_its_heading(site):
    dom = html5lib.parse(page(site, "case-studies/huddles-on-ward-7"), namespaceHTMLElements=False)
    notes = dom.findall(f".//p[@class='{sections.NOT_REPORTED_CLASS}']")
    assert [note.text for note in notes] == [sections.NOT_REPORTED]
    article = dom.find(".//article")
    children = list(article.iter())
    heading = next(child for child in children
                   if child.tag == "h3" and "Better use of resources" in "".join(child.itertext()))
    following = children[children.index(heading) + 1:]
    assert next(child for child in following if child.tag in ("p", "h2", "h3")) is notes[0]


def test_the_note_is_styled_apart_from_the_writers_text():
    css = (ROOT / "overrides/assets/stylesheets/hub.css").read_text(encoding="utf-8")
    assert f".md-typeset .{sections.NOT_REPORTED_CLASS} {{" in css
