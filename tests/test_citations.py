"""In-text citations match references, and references are cited: a rule of `make check` and the build."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, build, make_repo, write_entry

from hooks.checks import citations, loader

NHS_ENGLAND = {"citation": "NHS England. Professional nurse advocate A-EQUIP model", "year": 2021}
POINT_OF_CARE = {"citation": "The Point of Care Foundation. Schwartz Rounds guidance", "year": 2016}
MABEN = {"citation": "Maben J, Taylor C, Dawson J, et al. An evaluation of Schwartz Rounds", "year": 2018}
TWO_AUTHORS = {"citation": "Wallbank S, Hatton S. Reducing burnout and stress", "year": 2011}
UNDATED = {"citation": "NHS England. Looking after your team's health and wellbeing"}


def cited(text: str) -> list[str]:
    return [str(citation) for citation in citations.in_text(text, first_line=1)]


@pytest.mark.parametrize("text,found", [
    ("as reported (NHS England 2021).", ["(NHS England 2021)"]),
    ("(The Point of Care Foundation 2016)", ["(The Point of Care Foundation 2016)"]),
    ("(Maben et al 2018; Maben et al. 2018)", ["(Maben et al 2018)", "(Maben et al. 2018)"]),
    ("(Wallbank and Hatton 2011)", ["(Wallbank and Hatton 2011)"]),
    ("(NHS England n.d.)", ["(NHS England n.d.)"]),
    ("(see Wallbank 2013, p. 4; e.g. Proctor 2008)", ["(Wallbank 2013)", "(Proctor 2008)"]),
    ("(Point of\n  Care Foundation 2025)", ["(Point of Care Foundation 2025)"]),
    ("(Maben et al. 2018a)", ["(Maben et al. 2018)"]),
    ("(March 2019) (from 2016 to 2019) (Q1 2021) (2019) (n = 290) (aged 40)", []),
    ("(March on Stress 2023; Spring n.d.)", ["(March on Stress 2023)"]),
])
def test_what_counts_as_an_in_text_citation(text, found):
    assert cited(text) == found


@pytest.mark.parametrize("text,reference", [
    ("(NHS England 2021)", NHS_ENGLAND),
    ("(The Point of Care Foundation 2016)", POINT_OF_CARE),
    ("(Point of Care Foundation 2016)", POINT_OF_CARE),
    ("(Maben et al 2018)", MABEN),
    ("(Maben et al. 2018)", MABEN),
    ("(Wallbank and Hatton 2011)", TWO_AUTHORS),
    ("(Wallbank & Hatton 2011)", TWO_AUTHORS),
    ("(NHS England n.d.)", UNDATED),
    ("(NHS England 2021)", {**NHS_ENGLAND, "year": "2021"}),
])
def test_a_citation_matches_its_reference(text, reference):
    [citation] = citations.in_text(text, first_line=1)
    assert citation.matches(reference)


@pytest.mark.parametrize("text,reference", [
    ("(NHS England 2020)", NHS_ENGLAND),
    ("(NHS England n.d.)", NHS_ENGLAND),
    ("(NHS England 2021)", UNDATED),
    ("(NHS 2021)", {"citation": "NHSX. A digital plan", "year": 2021}),
    ("(England 2021)", NHS_ENGLAND),
    ("(Hatton and Wallbank 2011)", TWO_AUTHORS),
    ("(Wallbank and Smith 2011)", TWO_AUTHORS),
    ("(Taylor et al. 2018)", MABEN),
])
def test_a_citation_does_not_match_another_source(text, reference):
    [citation] = citations.in_text(text, first_line=1)
    assert not citation.matches(reference)


@pytest.mark.parametrize("reference,shown", [
    (NHS_ENGLAND, "(NHS England 2021)"), (POINT_OF_CARE, "(The Point of Care Foundation 2016)"),
    (MABEN, "(Maben et al. 2018)"), (TWO_AUTHORS, "(Wallbank and Hatton 2011)"), (UNDATED, "(NHS England n.d.)"),
    ({"citation": "Wallbank S. Restorative supervision", "year": 2013}, "(Wallbank 2013)"),
])
def test_an_uncited_reference_is_told_how_to_be_cited_and_that_cites_it(reference, shown):
    assert citations.suggested(reference) == shown
    [citation] = citations.in_text(shown, first_line=1)
    assert citation.matches(reference)


def _check(repo, references: list[dict], body_line: str, summary: str = "") -> list[str]:
    """The problems of the base case study with these references, its first sentence replaced by `body_line`
    and `summary` added to the end of its summary."""
    path = "case_studies/huddles-on-ward-7.md"
    text = (FIXTURES / "base" / path).read_text(encoding="utf-8")
    head, rest = text.split("references:\n", 1)
    rest = rest.split("---\n", 1)[1].replace("Staff said they had no time to talk (Test C 2022).", body_line)
    if summary:
        head = head.replace("what mattered to them.", f"what mattered to them {summary}.")
    write_entry(repo, path, f"{head}references: {json.dumps(references)}\n---\n{rest}")
    return [str(p) for p in loader.load(repo).problems]


def test_each_reference_cited_and_each_citation_referenced_is_valid(repo):
    assert _check(repo, [NHS_ENGLAND, MABEN], "Staff had no time (Maben et al. 2018).", "(NHS England 2021)") == []


def test_a_citation_in_the_summary_is_read_on_the_summary_line(repo):
    assert _check(repo, [MABEN], "Staff had no time (Maben et al. 2018).", "(NHS England 2021)") == [
        "case_studies/huddles-on-ward-7.md:3: summary: the citation '(NHS England 2021)' matches no reference; add the "
        "source to references, with a citation that starts with 'NHS England', and the year 2021, or correct the "
        "citation [unmatched-citation]"]


def test_a_case_study_without_references_or_citations_is_valid(repo):
    """Its only source is the page it was first published on, which needs no citation in the text."""
    assert _check(repo, [], "Staff said they had no time to talk.") == []


def test_citations_in_code_are_not_read(repo):
    body = "Staff had no time.\n\n```\n(Nobody 2000)\n```\n\n    (Nobody 2001)\n"
    assert _check(repo, [], body) == []
    assert _check(repo, [], "Staff had no time (Nobody 2000).") != []


def test_the_build_fails_on_an_unmatched_citation(tmp_path):
    root = make_repo(tmp_path / "repo", FIXTURES / "rules/unmatched-citation")
    result = build(root, tmp_path / "site")
    assert result.returncode != 0
    expected = (FIXTURES / "rules/unmatched-citation/expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected and all(line in result.stderr for line in expected)
