"""A case study that names no Leading Change, Adding Value commitment, beside one that names commitment 6.

The framework is NHS England's, for nursing, midwifery and care staff: a Welsh ambulance trust or a
Scottish board has none to name. Such a case study passes the check and is published like any other,
with no LCAV line on its page and no place on the commitments page, where readers browse by commitment.
"""

from __future__ import annotations

import csv
import io
import json

import html5lib
import pytest
from conftest import build, make_repo, write_entry

from hooks.checks import loader
from hooks.model.schema import vocabularies

WITHOUT, WITH, NEWER = "huddles-on-ward-7", "debriefs-for-ambulance-crews", "rest-rooms-for-night-staff"
LINE = "Leading Change, Adding Value"


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """The base repository, its case study without LCAV commitments, a second one with commitment 6, and a
    newer third with commitments 6 and 8."""
    root = make_repo(tmp_path_factory.mktemp("lcav") / "repo")
    study = root / f"case_studies/{WITHOUT}.md"
    text = study.read_text(encoding="utf-8")
    assert "lcav_commitments: [6]\n" in text
    study.write_text(text.replace("lcav_commitments: [6]\n", ""), encoding="utf-8")
    write_entry(root, f"case_studies/{WITH}.md",
                text.replace("Huddles on a busy surgical ward", "Debriefs for ambulance crews after hard calls"))
    write_entry(root, f"case_studies/{NEWER}.md",
                text.replace("Huddles on a busy surgical ward", "Rest rooms for staff on night shifts")
                .replace("published: 2024-03-01", 'published: "2025-06-01"')
                .replace("lcav_commitments: [6]\n", "lcav_commitments: [6, 8]\n"))
    return root


@pytest.fixture(scope="module")
def site(repo):
    site = repo.parent / "site"
    result = build(repo, site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_check_accepts_a_case_study_without_lcav_commitments(repo):
    loaded = loader.load(repo)
    assert [str(problem) for problem in loaded.problems] == []
    assert "lcav_commitments" not in loaded.entries["case_study"][WITHOUT].data


def parse(site, path: str):
    return html5lib.parse((site / path / "index.html").read_text(encoding="utf-8"), namespaceHTMLElements=False)


def commitments(site) -> dict[str, tuple[list[str], str]]:
    """Each commitment's section of the commitments page, by its id: the links in it, and its text."""
    found: dict[str, tuple[list[str], str]] = {}
    current = None
    for element in parse(site, "lcav-commitments").find(".//article"):
        if element.tag == "h2":
            current = element.get("id")
            found[current] = ([], "")
        elif current:
            links, text = found[current]
            found[current] = (links + [a.get("href") for a in element.iter("a")], text + "".join(element.itertext()))
    return found


def test_its_page_has_no_lcav_line_where_the_other_has_one_linking_to_the_commitments_page(site):
    without = (site / f"case-studies/{WITHOUT}/index.html").read_text(encoding="utf-8")
    with_ = parse(site, f"case-studies/{WITH}")
    links = {a.get("href"): "".join(a.itertext()) for a in with_.iter("a")}
    assert links["../../lcav-commitments/#commitment-6"].startswith("Commitment 6: Actively respond")
    assert LINE not in without and "Commitment 6" not in without


def test_the_commitments_page_lists_under_a_commitment_the_case_studies_naming_it_and_says_when_none_does(site):
    sections = commitments(site)
    assert list(sections) == [f"commitment-{number}" for number in vocabularies()["lcav_commitments"].values]
    assert sections["commitment-6"][0] == [f"../case-studies/{NEWER}/", f"../case-studies/{WITH}/"], "newest first"
    assert sections["commitment-8"][0] == [f"../case-studies/{NEWER}/"]
    for anchor, (links, text) in sections.items():
        if anchor not in ("commitment-6", "commitment-8"):
            assert links == [] and "No case study on the hub names this commitment yet." in text, anchor
    assert not any(WITHOUT in link for links, _ in sections.values() for link in links)


def test_the_data_keeps_commitments_as_a_field_of_the_case_study_not_a_finder_facet(site):
    document = json.loads((site / "entries.json").read_text(encoding="utf-8"))
    studies = {study["slug"]: study for study in document["case_studies"]}
    assert studies[WITH]["lcav_commitments"] == [6] and "lcav_commitments" not in studies[WITHOUT]
    assert "lcav_commitments" not in [f["field"] for f in document["facets"]]


def test_its_row_of_the_spreadsheet_leaves_the_lcav_cell_empty(site):
    rows = list(csv.DictReader(io.StringIO((site / "case-studies.csv").read_text(encoding="utf-8").lstrip("\ufeff"))))
    cells = {row["Address"].rstrip("/").rsplit("/", 1)[-1]: row[f"{LINE} commitments"] for row in rows}
    assert cells[WITHOUT] == "" and cells[WITH].startswith("Actively respond")
