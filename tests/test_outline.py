"""A body is parsed once, and the outline notes what the site's renderer and the checks read differently."""

from __future__ import annotations

from conftest import write_entry

from hooks.checks import loader
from hooks.read import outline


def test_each_body_is_parsed_once_even_with_placeholders_left(repo, monkeypatch):
    study = repo / "case_studies/huddles-on-ward-7.md"
    write_entry(repo, "case_studies/huddles-on-ward-7.md",
                study.read_text(encoding="utf-8").replace("Make time.", "TODO: Say what you changed."))
    parsed = []
    real = outline.tokens
    monkeypatch.setattr(outline, "tokens", lambda body, env=None: parsed.append(body) or real(body, env))
    found = loader.load(repo)
    assert [problem.rule for problem in found.problems] == ["placeholder"]
    assert len(parsed) == len(set(parsed)) == len(list((repo / "case_studies").iterdir())) \
        + len(list((repo / "approaches").iterdir()))


def test_a_line_starting_with_a_hash_and_no_space_is_noted_in_paragraphs_only():
    body = "Intro\n##Results\n#1 in the region\n\n```\n#include <x>\n```\n\n    #indented code\n\n`#tag` text\n"
    found = outline.outline(body, first_line=10).unspaced_headings
    assert [(heading.level, heading.text, heading.line) for heading in found] == [(2, "Results", 11),
                                                                               (1, "1 in the region", 12)]
