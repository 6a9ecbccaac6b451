"""Every case study is held to its ledger: each figure, date and organisation it states has a sourced line.

A ledger (`tests/fixtures/sources/<slug>.yml`) lists the facts a case study relies on, in the hub's words,
with the source's address and where in the source each fact stands. A reviewer checks an entry against its
sources by reading the ledger; this test makes sure nothing the entry states escapes the ledger, and that
the ledger says nothing the entry no longer does.
"""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import FIXTURES, REAL, ROOT

from hooks.model import catalogue

LEDGERS = FIXTURES / "sources"

_CITED = r"[A-Z][^;()]*?\s(?:(?:19|20)\d{2}[a-z]?|n\.d\.)"
IN_TEXT_CITATION = re.compile(rf"\(\s*{_CITED}(?:\s*;\s*{_CITED})*\s*\)")
"""`(NHS England 2021)`, `(Maben et al 2018; Wallbank n.d.)`: the reference list holds these, not the ledger."""
LINK_ADDRESS = re.compile(r"\]\([^)\s]*\)|<https?://[^>\s]*>")
LIST_NUMBER = re.compile(r"^\s*\d+[.)]\s", re.MULTILINE)
FIGURE = re.compile(r"[^\s()\[\]]*\d[^\s()\[\]]*")
EDGES = "\"'“”‘’.,;:!?*_"


def figures(text: str) -> list[str]:
    """The tokens holding a digit that the prose states, without citations, link addresses or list numbers."""
    for pattern in (IN_TEXT_CITATION, LINK_ADDRESS, LIST_NUMBER):
        text = pattern.sub(" ", text)
    return [token.strip(EDGES) for token in FIGURE.findall(text) if any(c.isdigit() for c in token.strip(EDGES))]


def named(data: dict) -> list[str]:
    """The organisations and the first-publication date the front matter states."""
    first = data.get("first_published") or {}
    names = [data["organisation"], *(partner["name"] for partner in data.get("partners", []))]
    return names + [value for value in (first.get("publisher"), first.get("date")) if value]


def ledger_problems(text: str, data: dict, prose: str, ledger: dict) -> list[str]:
    """What in an entry (its whole `text`, front matter `data` and `prose`) the ledger does not account for."""
    sources = ledger.get("sources") or {}
    facts = ledger.get("facts") or []
    problems = [f"source {name!r} has no url" for name, source in sources.items() if not (source or {}).get("url")]
    values: list[str] = []
    for number, fact in enumerate(facts, 1):
        if not (fact.get("fact") and fact.get("where")):
            problems.append(f"fact {number} lacks the fact in the hub's words or where it stands in the source")
        if fact.get("source") not in sources:
            problems.append(f"fact {number} names the source {fact.get('source')!r}, which the ledger lacks")
        values += [str(value) for value in fact.get("values") or []]
    problems += [f"{figure!r} is stated but has no line in the ledger"
                 for figure in dict.fromkeys(figures(prose)) if not any(figure in value for value in values)]
    problems += [f"{name!r} is named but has no line in the ledger" for name in named(data) if name not in values]
    problems += [f"the ledger's value {value!r} is not in the entry" for value in values if value not in text]
    return problems


def _entry_and_ledger(entry: catalogue.Entry) -> tuple[str, dict, str, dict]:
    path = LEDGERS / f"{entry.slug}.yml"
    assert path.is_file(), f"{entry.path} has no ledger: add {path.relative_to(ROOT)}"
    ledger = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert ledger["case_study"] == entry.slug, f"{path.name} is the ledger of {ledger['case_study']!r}"
    text = (ROOT / entry.path).read_text(encoding="utf-8")
    return text, entry.data, f"{entry.data['summary']}\n{entry.body}", ledger


@pytest.mark.parametrize("entry", REAL.of("case_study"), ids=lambda entry: entry.slug)
def test_every_case_study_is_held_to_its_ledger(entry):
    assert ledger_problems(*_entry_and_ledger(entry)) == []


def test_every_ledger_belongs_to_a_case_study():
    slugs = {entry.slug for entry in REAL.of("case_study")}
    assert {path.stem for path in LEDGERS.glob("*.yml")} <= slugs


BODY = """## How to change

From 2021 the team ran 12 sessions (NHS England 2021; Wallbank n.d.), see [the guide](https://example.org/2019).

1. Weekly drop-ins reached 85% of staff.
"""
DATA = {"organisation": "Example NHS Trust", "summary": "A trust ran drop-in supervision for 40 staff.",
        "partners": [{"name": "HMP Example"}], "first_published": {"publisher": "NHS England", "date": "2022-03"}}
TEXT = f"{DATA}\n{BODY}"
LEDGER = {"sources": {"main": {"url": "https://example.org/case"}},
          "facts": [{"fact": "Sessions began in 2021; 12 ran.", "source": "main", "where": "paragraph 2",
                     "values": ["2021", "12", "85%", "40", "Example NHS Trust", "HMP Example", "NHS England",
                                "2022-03"]}]}


def test_a_ledger_that_covers_the_entry_has_no_problems():
    assert ledger_problems(TEXT, DATA, f"{DATA['summary']}\n{BODY}", LEDGER) == []


def test_citations_link_addresses_and_list_numbers_are_not_figures():
    assert figures(BODY) == ["2021", "12", "85%"]


@pytest.mark.parametrize("missing, problem", [
    ("85%", "'85%' is stated but has no line in the ledger"),
    ("40", "'40' is stated but has no line in the ledger"),
    ("HMP Example", "'HMP Example' is named but has no line in the ledger"),
    ("2022-03", "'2022-03' is named but has no line in the ledger"),
])
def test_a_figure_date_or_organisation_without_a_line_fails(missing, problem):
    fact = {**LEDGER["facts"][0], "values": [v for v in LEDGER["facts"][0]["values"] if v != missing]}
    assert ledger_problems(TEXT, DATA, f"{DATA['summary']}\n{BODY}", {**LEDGER, "facts": [fact]}) == [problem]


def test_a_ledger_value_the_entry_no_longer_states_fails():
    fact = {**LEDGER["facts"][0], "values": [*LEDGER["facts"][0]["values"], "2017"]}
    assert ledger_problems(TEXT, DATA, BODY, {**LEDGER, "facts": [fact]}) == [
        "the ledger's value '2017' is not in the entry"]


def test_a_fact_without_its_place_or_with_an_unknown_source_fails():
    fact = {**LEDGER["facts"][0], "where": "", "source": "other"}
    assert ledger_problems(TEXT, DATA, BODY, {**LEDGER, "facts": [fact]}) == [
        "fact 1 lacks the fact in the hub's words or where it stands in the source",
        "fact 1 names the source 'other', which the ledger lacks"]

