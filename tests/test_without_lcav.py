"""A case study that names no Leading Change, Adding Value commitment.

The framework is NHS England's, for nursing, midwifery and care staff: a Welsh ambulance trust or a
Scottish board has none to name. Such a case study passes the check and is published like any other,
with no LCAV line on its page and no value for the finder's LCAV facet.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import build, make_repo, write_entry
from hooks import catalogue
from hooks.browse import facet

WITHOUT, WITH = "huddles-on-ward-7", "debriefs-for-ambulance-crews"
LINE = "Leading Change, Adding Value"


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """The base repository, its case study without LCAV commitments, and a second one with them."""
    root = make_repo(tmp_path_factory.mktemp("lcav") / "repo")
    study = root / f"case_studies/{WITHOUT}.md"
    text = study.read_text(encoding="utf-8")
    assert "lcav_commitments: [6]\n" in text
    study.write_text(text.replace("lcav_commitments: [6]\n", ""), encoding="utf-8")
    write_entry(root, f"case_studies/{WITH}.md",
                text.replace("Huddles on a busy surgical ward", "Debriefs for ambulance crews after hard calls"))
    return root


@pytest.fixture(scope="module")
def site(repo):
    site = repo.parent / "site"
    result = build(repo, site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_check_accepts_a_case_study_without_lcav_commitments(repo):
    loaded = catalogue.load(repo)
    assert [str(problem) for problem in loaded.problems] == []
    assert "lcav_commitments" not in loaded.entries["case_study"][WITHOUT].data


def test_its_page_has_no_lcav_line_where_the_other_has_one(site):
    without = (site / f"case-studies/{WITHOUT}/index.html").read_text(encoding="utf-8")
    with_ = (site / f"case-studies/{WITH}/index.html").read_text(encoding="utf-8")
    assert LINE in with_ and "Commitment 6" in with_
    assert LINE not in without and "Commitment 6" not in without


def test_the_finder_data_gives_it_no_lcav_value(site):
    document = json.loads((site / "entries.json").read_text(encoding="utf-8"))
    key = facet("lcav_commitments").key
    studies = {study["slug"]: study for study in document["case_studies"]}
    assert studies[WITHOUT]["facets"][key] == [] and "lcav_commitments" not in studies[WITHOUT]
    assert studies[WITH]["facets"][key] == ["6"]
    options = next(f["options"] for f in document["facets"] if f["key"] == key)
    assert [option["value"] for option in options] == ["6"]


def test_its_row_of_the_spreadsheet_leaves_the_lcav_cell_empty(site):
    rows = list(csv.DictReader(io.StringIO((site / "case-studies.csv").read_text(encoding="utf-8").lstrip("\ufeff"))))
    cells = {row["Address"].rstrip("/").rsplit("/", 1)[-1]: row[f"{LINE} commitments"] for row in rows}
    assert cells[WITHOUT] == "" and cells[WITH].startswith("Actively respond")
