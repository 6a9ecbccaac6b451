"""Readiness instruments: checked like entries, built into pages and data, and scored by a JS module."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import tools
from conftest import FIXTURES, ROOT, build, make_repo, write_entry
from test_search import indexed

from hooks import cli
from hooks.checks import loader
from hooks.pages import readiness
from hooks.publish import search

INSTRUMENT = FIXTURES / "readiness"
"""An overlay adding a small valid instrument to the base fixture."""


@pytest.fixture
def instrument_repo(tmp_path) -> Path:
    return make_repo(tmp_path / "repo", INSTRUMENT)


def test_the_fixture_instrument_is_valid_and_loaded(instrument_repo):
    loaded = loader.load(instrument_repo)
    assert loaded.problems == []
    assert list(loaded.instruments) == ["organisational"]


def test_a_malformed_instrument_gets_every_problem_with_its_line_and_field(instrument_repo):
    file = instrument_repo / "readiness/organisational.yml"
    text = file.read_text(encoding="utf-8")
    text = text.replace("version: 2", "version: two").replace("weak: false", "weak: false, colour: green")
    file.write_text(text, encoding="utf-8")
    out = io.StringIO()
    assert cli.check(instrument_repo, out=out) == 1
    assert out.getvalue().splitlines() == [
        "readiness/organisational.yml:4: version: expected a whole number but found text ('two'); for example: 1 [wrong-type]",
        "readiness/organisational.yml:14: bands[2].colour: 'colour' is not a field of a 'bands[2]'; "
        "the fields are: id, label, from, weak, description [unknown-field]",
    ]


@pytest.mark.parametrize("change,expected", [
    (("from: 1, weak: true", "from: 1.5, weak: true"),
     "readiness/organisational.yml:12: bands[0].from: the lowest band must start at 1, the lowest answer, not 1.5 [bad-value]"),
    (("from: 3.5", "from: 2"),
     "readiness/organisational.yml:14: bands[2].from: 2 is not above the band before it (2.5); list bands lowest first [bad-value]"),
    (("      - {band: ready, meaning: The money is agreed.}\n", ""),
     "readiness/organisational.yml:19: domains[0].bands: no meaning is given for the band 'ready'; "
     "add {band: ready, meaning: ...} [missing-field]"),
    ((", essential: true, action: Book a room for the first three months.", ", essential: true"),
     "readiness/organisational.yml:26: domains[0].items[1].essential: an essential statement needs an action: "
     "what to do while it is not yet true; add the field 'action' [missing-field]"),
    (("approaches: [peer-huddles]", "approaches: [peer-hudles]"),
     "readiness/organisational.yml:46: fits[1].approaches[0]: 'peer-hudles' is not an approach in approaches/; "
     "did you mean 'peer-huddles'? [unknown-approach]"),
    (("{item: funding, answers: [1, 2]}", "{item: funding, answers: [1, 9]}"),
     "readiness/organisational.yml:41: fits[0].when[0].answers[1]: 9 is above the highest answer (5) [bad-value]"),
    (("{item: funding, answers: [1, 2]}", "{item: funding, answers: [1, 2], bands: [ready]}"),
     "readiness/organisational.yml:41: fits[0].when[0].bands: bands go with a domain; a statement takes answers [bad-value]"),
    (("    without_costs: [licence-fee]\n", ""),
     "readiness/organisational.yml:40: fits[0]: the rule suggests no approach; add 'approaches' or 'without_costs' "
     "[missing-field]"),
    (("approaches: [peer-huddles]", "approaches: [Staff Huddles]"),
     "readiness/organisational.yml:46: fits[1].approaches[0]: 'Staff Huddles' is not an approach in approaches/; "
     "did you mean 'peer-huddles'? [unknown-approach]"),
    (("{domain: time, bands: [not-yet, getting-ready]}", "{domain: time}"),
     "readiness/organisational.yml:45: fits[1].when[0]: the condition needs 'bands': the bands the domain must be in "
     "[missing-field]"),
    (("{domain: time, bands: [not-yet, getting-ready]}", "{domain: time, bands: [not-yet], answers: [1]}"),
     "readiness/organisational.yml:45: fits[1].when[0].answers: answers go with a statement; a domain takes bands "
     "[bad-value]"),
    (("{item: funding, answers: [1, 2]}", "{answers: [1, 2]}"),
     "readiness/organisational.yml:41: fits[0].when[0]: a condition names either a domain (with bands) or a statement "
     "(with answers) [missing-field]"),
    (("{item: funding, answers: [1, 2]}", "{item: funding, domain: time, answers: [1, 2]}"),
     "readiness/organisational.yml:41: fits[0].when[0]: a condition names either a domain (with bands) or a statement "
     "(with answers) [bad-value]"),
    (("{item: funding, answers: [1, 2]}", "{item: funding}"),
     "readiness/organisational.yml:41: fits[0].when[0]: the condition needs 'answers': the answers the statement "
     "must have [missing-field]"),
    (("from: 3.5", "from: 6"),
     "readiness/organisational.yml:14: bands[2].from: 6 is above the highest answer (5) [bad-value]"),
    (("{id: cover,", "{id: funding,"),
     "readiness/organisational.yml:37: domains[1].items[1].id: the statement id 'funding' is already used on line 25; "
     "give each its own id [duplicate-id]"),
    (("{domain: time, bands: [not-yet, getting-ready]}", "{domain: tme, bands: [not-yet]}"),
     "readiness/organisational.yml:45: fits[1].when[0].domain: 'tme' is not a domain of this instrument; "
     "did you mean 'time'? [unknown-id]"),
    (("essential: protected-time, item: protected-time}", "essential: protected-tme, item: protected-time}"),
     "readiness/organisational.yml:52: essentials[0].essential: 'protected-tme' is not an essential prerequisite of "
     "peer-huddles; did you mean 'protected-time'? [unknown-id]"),
    (("essential: protected-time, item: protected-time}", "essential: protected-time, item: protectd-time}"),
     "readiness/organisational.yml:52: essentials[0].item: 'protectd-time' is not a statement of this instrument; "
     "did you mean 'protected-time'? [unknown-id]"),
    (("{approach: peer-huddles, essential", "{approach: peer-hudles, essential"),
     "readiness/organisational.yml:52: essentials[0].approach: 'peer-hudles' is not an approach in approaches/; "
     "did you mean 'peer-huddles'? [unknown-approach]"),
])
def test_cross_checks_name_the_line_field_and_fix(instrument_repo, change, expected):
    file = instrument_repo / "readiness/organisational.yml"
    text = file.read_text(encoding="utf-8")
    assert change[0] in text
    file.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    assert [str(problem) for problem in loader.load(instrument_repo).problems] == [expected]


def test_yaml_mistakes_in_an_instrument_are_problems_not_crashes(instrument_repo):
    write_entry(instrument_repo, "readiness/Second Try.yml", "title: [unclosed\n\tversion: 1\n")
    write_entry(instrument_repo, "readiness/empty.yml", "")
    write_entry(instrument_repo, "readiness/_draft.yml", "not: checked\n")
    rules = {(problem.path, problem.rule) for problem in loader.load(instrument_repo).problems}
    assert rules == {("readiness/Second Try.yml", "tab"), ("readiness/Second Try.yml", "yaml-syntax"),
                     ("readiness/Second Try.yml", "bad-slug"), ("readiness/empty.yml", "not-a-mapping")}


def test_a_bad_instrument_stops_the_build_with_its_problem(instrument_repo, tmp_path):
    file = instrument_repo / "readiness/organisational.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("approaches: [peer-huddles]", "approaches: [nope]"))
    result = build(instrument_repo, tmp_path / "site")
    assert result.returncode != 0
    assert "readiness/organisational.yml:46: fits[1].approaches[0]: 'nope' is not an approach" in result.stderr
    assert not list((tmp_path / "site").rglob("*.html"))


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_the_landing_page_links_the_assessment_results_team_and_checklists(readiness_site):
    page = html(readiness_site, "readiness")
    for href in ('href="organisational/"', 'href="organisational/results/"', 'href="organisational/team/"',
                 'href="checklists/peer-huddles/"', 'href="../approaches/peer-huddles/"'):
        assert href in page
    assert "<strong>Essential:</strong> Fifteen minutes a week are protected for the huddle." in page


def test_every_approach_gets_a_checklist_page_with_its_prerequisites(readiness_site, tmp_path):
    page = html(readiness_site, "readiness/checklists/peer-huddles")
    assert "Before you start Peer huddles" in page
    assert "<strong>Essential:</strong> Fifteen minutes a week are protected for the huddle." in page
    assert 'href="../../organisational/"' in page
    assert 'class="hub-readiness hub-readiness-checklist" data-approach="peer-huddles"' in page
    assert '<a href="../../readiness/checklists/peer-huddles/">Checklist for Peer huddles</a>' in \
        html(readiness_site, "approaches/peer-huddles"), "linked from the approach's Before you start"


def test_the_assessment_page_names_its_sources_and_says_the_bands_are_the_hubs_own(readiness_site):
    page = html(readiness_site, "readiness/organisational")
    assert 'id="hub-readiness"' in page and 'class="hub-readiness hub-readiness-form"' in page
    assert 'href="instrument.json" id="hub-readiness-data"' in page
    assert "Test C. A readiness measure, 2020" in page and "https://example.org/measure" in page
    assert "the hub&rsquo;s own guidance" in page or "the hub's own guidance" in page
    assert "readiness.js" in page and 'type="module"' in page


def test_the_instrument_data_resolves_rules_and_links_for_the_browser(readiness_site):
    data = json.loads((readiness_site / "readiness/organisational/instrument.json").read_text(encoding="utf-8"))
    assert data["format"] == readiness.FORMAT and data["id"] == "organisational" and data["version"] == 2
    assert [rule["approaches"] for rule in data["fits"]] == [["peer-huddles"], ["peer-huddles"]], \
        "without_costs: [licence-fee] takes in the staff-time-only fixture approach"
    approach = data["approaches"]["peer-huddles"]
    assert approach["essentials"] == ["Fifteen minutes a week are protected for the huddle."]
    assert approach["costs"] == ["Staff time only"]
    base = readiness_site / "readiness/organisational"
    for relative in [approach["url"], approach["checklist"], *data["pages"].values()]:
        assert (base / relative / "index.html").resolve().exists(), relative


def test_search_holds_the_landing_page_and_the_assessment_but_not_results_team_or_checklists(readiness_site):
    pages = set(indexed(readiness_site / search.FOLDER))
    assert {"/readiness/", "/readiness/organisational/"} <= pages
    assert not {"/readiness/organisational/results/", "/readiness/organisational/team/",
                "/readiness/checklists/peer-huddles/"} & pages


def test_the_real_instrument_is_valid_and_shaped_as_the_issue_asks():
    real = loader.load(ROOT)
    own = [str(problem) for problem in real.problems if problem.path.startswith("readiness/")]
    assert own == [], "approaches named in readiness/organisational.yml must exist in approaches/"
    data = real.instruments["organisational"].data
    items = [item for domain in data["domains"] for item in domain["items"]]
    assert 6 <= len(data["domains"]) <= 8 and 20 <= len(items) <= 30
    assert any(item.get("essential") for item in items)
    assert all(len(domain["recommendations"]) >= 1 for domain in data["domains"])
    sources = " ".join(source["citation"] for source in data["sources"])
    for name in ("ORIC", "ORCA", "health and wellbeing framework", "Schwartz Rounds"):
        assert name.lower() in sources.lower()


def test_the_scoring_module_passes_its_node_tests(readiness_site):
    tools.require_node()
    instrument = readiness_site / "readiness/organisational/instrument.json"
    result = subprocess.run([tools.NODE, "--test", "tests/js/readiness-scoring.test.js"], cwd=ROOT, capture_output=True,
                            text=True, env={**os.environ, "READINESS_INSTRUMENT": str(instrument)}, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# skipped 0" in result.stdout


def test_board_backing_is_not_essential_for_every_approach():
    """The Point of Care Foundation made board support for Schwartz Rounds strongly encouraged, not
    mandatory, so the instrument, whose essentials apply to every approach, may not require it."""
    real = loader.load(ROOT)
    items = [item for domain in real.instruments["organisational"].data["domains"] for item in domain["items"]]
    assert [item["id"] for item in items if item.get("essential") and re.search(r"board|sponsor", item["text"], re.I)] \
        == []
    rounds = real.entries["approach"]["schwartz-rounds"].data["readiness"]
    assert [item["id"] for item in rounds if item["essential"] and "board" in item["text"]] == []
