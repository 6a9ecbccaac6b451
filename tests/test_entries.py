"""The real entries: all valid, and true to their sources."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REAL, ROOT
from corpus import write_corpus

from hooks.checks import citations, loader
from hooks.model import catalogue

SEED = FIXTURES / "seed/improvement-labs-case-study.txt"
"""The Atlas of Shared Learning text the case study was written from, to hold it to its facts."""
APPROACHES = ["samaritans-staff-support", "restorative-supervision", "group-supervision", "mindfulness",
              "clecc", "schwartz-rounds", "relationship-centred-leadership", "compassion-circles"]


def every_entry_is_valid(entries: catalogue.Catalogue) -> None:
    assert [str(p) for p in entries.problems] == []


def the_approaches_of_the_improvement_labs_are_among_them(entries: catalogue.Catalogue) -> None:
    """The seed's eight approaches each have a page; other approaches may join them."""
    assert set(APPROACHES) <= set(entries.entries["approach"])


def each_approach_is_sourced_and_dated(entries: catalogue.Catalogue) -> None:
    for approach in entries.of("approach"):
        linked = [ref for ref in approach.data["references"] if ref.get("url") or ref.get("doi")]
        assert len(linked) >= 2, f"{approach.path}: fewer than two references with an address"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", approach.data["last_reviewed"]), approach.path


def each_citation_in_the_text_is_in_the_references(entries: catalogue.Catalogue) -> None:
    """`(Maben et al. 2018)` in the text needs a reference by Maben from 2018, and each reference a citation:
    the check's own rule, which `make check` and the build run on every entry."""
    assert [str(p) for p in entries.problems if p.rule == citations.RULE] == []


MIRRORS = re.compile(r"^https?://([\w-]+\.)*(studylib\.net|vdocuments\.\w+|kipdf\.com|topsight\.net|blogspot\.com)/")
"""Sites that hold copies of other publishers' documents: a reference may link one only when no publisher's
address can be found, and then says so, so a reader knows the copy is not the publisher's."""
UNPUBLISHED_HOSTS = re.compile(r"^https?://(preprod|dev|staging|test)\.|^https?://ethos\.bl\.uk/")
"""Pre-production hosts and services no longer online are never the address of a source."""


def references_link_the_publisher_or_say_why_not(entries: catalogue.Catalogue) -> None:
    for entry in entries.of("approach") + entries.of("case_study"):
        for ref in entry.data.get("references", []):
            url = ref.get("url", "")
            assert not UNPUBLISHED_HOSTS.search(url), f"{entry.path}: {url} is not a published address"
            if MIRRORS.search(url):
                assert "document-sharing site" in ref["citation"] or "could not confirm" in ref["citation"], \
                    f"{entry.path}: {url} is a copy; link the publisher, or say in the citation why not"


def entries_use_their_file_names_as_slugs(entries: catalogue.Catalogue) -> None:
    for kind in ("approach", "case_study"):
        for slug, entry in entries.entries[kind].items():
            assert Path(entry.path).stem == slug


CHECKS = [every_entry_is_valid, the_approaches_of_the_improvement_labs_are_among_them,
          each_approach_is_sourced_and_dated, each_citation_in_the_text_is_in_the_references,
          references_link_the_publisher_or_say_why_not, entries_use_their_file_names_as_slugs]
"""What holds for all the real entries, however many there are: none of them counts the content."""


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_the_real_entries(check):
    check(REAL)


def test_the_checks_still_hold_when_an_approach_and_a_case_study_are_added(tmp_path):
    """A pull request that adds an entry must not fail a check for a reason unrelated to its file."""
    root = tmp_path / "repo"
    for folder in ("approaches", "case_studies", "readiness"):
        shutil.copytree(ROOT / folder, root / folder)
    added = write_corpus(root, approaches=1, case_studies=1, words=200)
    extended = loader.load(root)
    assert set(extended.entries["approach"]) == set(REAL.entries["approach"]) | set(added.approaches)
    assert set(extended.entries["case_study"]) == set(REAL.entries["case_study"]) | set(added.case_studies)
    for check in CHECKS:
        check(extended)


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


def test_the_summary_keeps_the_seeds_qualifier_on_resources(labs):
    """The seed claims better use of resources but says no evaluation was completed and the effects on
    recruitment and retention were anecdotal; the summary may not repeat the claim without that."""
    summary = " ".join(labs.data["summary"].split())
    assert "resources" not in summary or ("no evaluation" in summary and "anecdotally" in summary)


def test_the_francis_report_is_cited_by_its_volumes(labs):
    francis = next(ref["citation"] for ref in labs.data["references"] if "Mid Staffordshire" in ref["citation"])
    assert "HC 898" in francis and "HC 947" not in francis


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

