"""The real entries: all valid, and true to their sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from hooks import catalogue

SEED = FIXTURES / "seed/improvement-labs-case-study.txt"
"""The Atlas of Shared Learning text the case study was written from, to hold it to its facts."""
REAL = catalogue.load(ROOT)
APPROACHES = ["samaritans-staff-support", "restorative-supervision", "group-supervision", "mindfulness",
              "clecc", "schwartz-rounds", "relationship-centred-leadership", "compassion-circles"]


def test_every_real_entry_is_valid():
    assert [str(p) for p in REAL.problems] == []


def test_the_eight_approaches_of_the_improvement_labs_are_there():
    assert sorted(REAL.entries["approach"]) == sorted(APPROACHES)


@pytest.mark.parametrize("slug", APPROACHES)
def test_each_approach_is_sourced_and_dated(slug):
    approach = REAL.entries["approach"][slug]
    linked = [ref for ref in approach.data["references"] if ref.get("url") or ref.get("doi")]
    assert len(linked) >= 2
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", approach.data["last_reviewed"])


CITATION = re.compile(r"^([A-Z][\w'’-]+)[^;]*?\b((?:19|20)\d{2})[a-z]?$")


@pytest.mark.parametrize("entry", REAL.of("approach") + REAL.of("case_study"), ids=lambda e: e.slug)
def test_each_citation_in_the_text_is_in_the_references(entry):
    """`(Maben et al. 2018)` in the text needs a reference by Maben from 2018."""
    references = [(ref["citation"], ref["year"]) for ref in entry.data.get("references", [])]
    for group in re.findall(r"\(([^()]*\b(?:19|20)\d{2}[a-z]?)\)", entry.body):
        for part in group.split(";"):
            cited = CITATION.match(part.strip())
            if cited:
                author, year = cited.groups()
                assert any(author in citation and str(ref_year) == year for citation, ref_year in references), \
                    f"{entry.path}: ({part.strip()}) is not in its references"


def test_schwartz_rounds_record_the_change_of_licensor():
    providers = {p["name"]: p for p in REAL.entries["approach"]["schwartz-rounds"].data["providers"]}
    point_of_care = next(p for name, p in providers.items() if "Point of Care Foundation" in name)
    schwartz_center = next(p for name, p in providers.items() if "Schwartz Center" in name)
    assert point_of_care["role"] == schwartz_center["role"] == "licensor"
    assert point_of_care["valid_to"] == "2025-12-31"
    assert schwartz_center["valid_from"] <= "2026-01-01" and "valid_to" not in schwartz_center


def test_relationship_centred_leadership_keeps_the_seed_name():
    assert "Relation Centred Leadership" in REAL.entries["approach"]["relationship-centred-leadership"].data["aliases"]


@pytest.fixture(scope="module")
def labs():
    return REAL.entries["case_study"]["improvement-labs-compassionate-care"]


def test_the_case_study_reviews_all_eight_approaches(labs):
    assert sorted(labs.data["approaches"]) == sorted(APPROACHES)
    assert set(labs.data["settings"]) >= {"palliative-care", "emergency-department", "maternity"}


@pytest.mark.parametrize("fact", ["290", "190", "2016", "2019", "three", "senior", "middle", "operational",
                                  "readiness", "Q ", "Health Foundation", "film", "Francis"])
def test_the_case_study_keeps_the_seed_facts(labs, fact):
    assert fact in labs.body or fact in labs.data["summary"]


def test_the_case_study_cites_the_seed_references(labs):
    citations = " ".join(f"{ref['citation']} {ref['year']}" for ref in labs.data["references"])
    for author, year in [("Department of Health", 2013), ("Ham", 2014), ("West", 2012), ("Maben", 2012),
                         ("Lilius", 2012), ("Hewison", 2015)]:
        assert re.search(rf"{author}.*{year}", citations), (author, year)
    assert labs.data["contact"]["name"] == "Dr Alistair Hewison"


def test_quotations_are_exactly_as_the_seed_gives_them(labs):
    seed = SEED.read_text(encoding="utf-8")
    quotes = [line.lstrip("> ").strip() for line in labs.body.splitlines() if line.startswith(">")]
    for quote in filter(None, quotes):
        text = quote.strip("“”\"").rstrip()
        assert text in seed, f"not in the seed: {quote}"


def test_real_entries_use_their_file_names_as_slugs():
    for kind in ("approach", "case_study"):
        for slug, entry in REAL.entries[kind].items():
            assert Path(entry.path).stem == slug
