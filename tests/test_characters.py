"""Fields are one line of publishable text; the body keeps its lines but no control characters."""

from __future__ import annotations

import pytest
from conftest import ROOT, make_repo, write_entry

from hooks.checks import loader

STUDY = "case_studies/huddles-on-ward-7.md"


def with_value(root, old: str, new: str, path: str = STUDY) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def rules(root) -> list[tuple[str, str]]:
    return [(p.field, p.rule) for p in loader.load(root).problems]


@pytest.mark.parametrize("char", ["\n", "\r", "\t", "\u2028", "\u2029", "\u0085", "\x00", "\x1b", "\x7f", "\x9f",
                                  "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff"])
def test_a_field_refuses_line_breaks_control_characters_and_noncharacters(tmp_path, char):
    root = make_repo(tmp_path / "repo")
    with_value(root, "organisation: Example Hospital NHS Trust",
               f'organisation: "Example \\U{ord(char):08x}Hospital"')
    assert rules(root) == [("organisation", "bad-character")]


def test_every_text_field_of_every_kind_is_one_line(tmp_path):
    root = make_repo(tmp_path / "repo")
    with_value(root, "Test C. A third source", "Test C.\\n1. A third source")
    with_value(root, "name: A Person", 'name: "A\\u2028Person"')
    with_value(root, "approaches: [peer-huddles]", 'approaches: ["peer-huddles\\n"]')
    found = rules(root)
    assert ("references[0].citation", "bad-character") in found
    assert ("contact.name", "bad-character") in found
    assert ("approaches[0]", "bad-character") in found


def test_a_value_with_a_refused_character_gets_that_problem_alone(tmp_path):
    root = make_repo(tmp_path / "repo")
    with_value(root, "a.person@example.nhs.uk", '"a.person@example.nhs.uk\\n"')
    with_value(root, "published: 2024-03-01", 'published: "2024-03-01\\n"')
    assert rules(root) == [("published", "bad-character"), ("contact.email", "bad-character")]


def test_the_body_keeps_line_breaks_and_tabs_but_no_control_character(tmp_path):
    root = make_repo(tmp_path / "repo")
    with_value(root, "Make time.", "Make\ttime,\u2028then more.\n\n    indented\tcode")
    assert rules(root) == []
    with_value(root, "A weekly huddle.", "A weekly\x0c huddle.\n\nAnd\x1b red.")
    problems = loader.load(root).problems
    assert [(p.field, p.rule) for p in problems] == [("body", "bad-character")] * 2
    lines = (root / STUDY).read_text(encoding="utf-8").split("\n")
    assert ["\x0c" in lines[problems[0].line - 1], "\x1b" in lines[problems[1].line - 1]] == [True, True]


def test_an_instrument_field_is_one_line_too(tmp_path):
    root = make_repo(tmp_path / "repo")
    text = (ROOT / "readiness/organisational.yml").read_text(encoding="utf-8")
    write_entry(root, "readiness/organisational.yml", text.replace("\ntitle: ", '\ntitle: "Line\\nbreak" #', 1))
    (root / "approaches").mkdir(exist_ok=True)
    found = [p for p in loader.load(root).problems if p.path.startswith("readiness/")]
    assert [(p.field, p.rule) for p in found if p.rule == "bad-character"] == [("title", "bad-character")]


def test_a_file_name_ending_in_a_line_break_is_not_a_slug(tmp_path):
    root = make_repo(tmp_path / "repo")
    (root / STUDY).rename(root / "case_studies/huddles-on-ward-7\n.md")
    assert ("file", "bad-slug") in rules(root)
