"""What a case study says about its sources and the organisations in it, as the page, the finder, the feeds and
the spreadsheet show it: where it was first published (dated as precisely as its source), its partners, a
team as its contact, and references that are undated or were read on a day."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import pytest
from conftest import FIXTURES, build, make_repo, write_entry

from hooks.checks import loader
from hooks.model import catalogue
from hooks.pages import browse
from hooks.publish import opendata
from hooks.read.frontmatter import read

SITE = "https://example.org/hub/"
ATOM = "{http://www.w3.org/2005/Atom}"
BASE = read("huddles-on-ward-7.md", (FIXTURES / "base/case_studies/huddles-on-ward-7.md").read_bytes())
FIRST = {"publisher": "NHS England", "title": "Huddles [on] a *ward*", "url": "https://example.org/a_(b)"}
"""A first publication; each case study below gives it a date of its own, or none."""

STUDIES = {
    "day": {"first_published": {**FIRST, "date": "2023-02-03"}},
    "month": {"first_published": {**FIRST, "date": "2023-02"}},
    "year": {"first_published": {**FIRST, "date": "2019"}},
    "undated-read": {"first_published": {**FIRST, "accessed": "2026-11-27"}},
    "undated": {"first_published": {"publisher": "NHS Employers", "title": "Huddles without a date"}},
    "hub-only": {},
    "partners": {"organisation_types": ["nhs-acute-trust"],
                 "partners": [{"name": "Example University", "type": "university"},
                              {"name": "Example Trust & Co", "type": "nhs-acute-trust"}]},
    "team": {"contact": {"team": "Staff Wellbeing Team", "email": "wellbeing@example.nhs.uk"}},
    "person-and-team": {"contact": {"name": "A Person", "role": "Ward manager", "team": "Staff Wellbeing Team"}},
    "references": {"references": [
        {"citation": "NHS England. Professional nurse advocate A-EQUIP model", "year": 2021,
         "url": "https://example.org/pna"},
        {"citation": "The Point of Care Foundation. Schwartz Rounds", "url": "https://example.org/rounds",
         "accessed": "2026-11-27"}]},
    "no-references": {"references": None},
}
"""Case studies by slug, each the base one with these fields changed (None: left out)."""
CITED = {"references": "(NHS England 2021; The Point of Care Foundation n.d.)", "no-references": ""}
"""What the text cites in place of the base case study's one citation, where the references change."""


def study_text(slug: str, changes: dict) -> str:
    """The base case study with a title of its own and `changes` made, its fields one to a line."""
    data = {**BASE.data, "title": f"Huddles on a ward, {slug}", **changes}
    lines = [f"{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in data.items() if value is not None]
    body = BASE.body.replace("(Test C 2022)", CITED.get(slug, "(Test C 2022)"))
    return "---\n" + "\n".join(lines) + "\n---\n" + body


@pytest.fixture(scope="module")
def repo_with_studies(tmp_path_factory) -> Path:
    root = make_repo(tmp_path_factory.mktemp("fields") / "repo")
    for slug, changes in STUDIES.items():
        write_entry(root, f"case_studies/{slug}.md", study_text(slug, changes))
    return root


@pytest.fixture(scope="module")
def loaded(repo_with_studies) -> catalogue.Catalogue:
    result = loader.load(repo_with_studies)
    assert [str(problem) for problem in result.problems] == []
    return result


@pytest.fixture(scope="module")
def site(repo_with_studies) -> Path:
    site = repo_with_studies.parent / "site"
    result = build(repo_with_studies, site)
    assert result.returncode == 0, result.stderr
    return site


def article(site: Path, slug: str):
    dom = html5lib.parse((site / "case-studies" / slug / "index.html").read_text(encoding="utf-8"),
                         namespaceHTMLElements=False)
    return dom.find(".//article")


def text(element) -> str:
    """The text a reader sees, without the headings' permalinks."""
    parts = [] if "headerlink" in element.get("class", "") else [element.text or ""]
    for child in element:
        parts += [text(child), child.tail or ""]
    return " ".join("".join(parts).split())


@pytest.mark.parametrize("slug,said", [
    ("day", "First published by NHS England as “Huddles [on] a *ward*” on 3 February 2023."),
    ("month", "First published by NHS England as “Huddles [on] a *ward*” in February 2023."),
    ("year", "First published by NHS England as “Huddles [on] a *ward*” in 2019."),
    ("undated-read", "First published by NHS England as “Huddles [on] a *ward*”, undated; read on 27 November 2026."),
    ("undated", "First published by NHS Employers as “Huddles without a date”, undated."),
])
def test_the_page_says_where_it_was_first_published_as_precisely_as_the_source(site, slug, said):
    shown = article(site, slug)
    assert said in text(shown)
    assert "Published on the hub 1 March 2024, updated 15 January 2025" in text(shown), "the hub's date, apart"
    links = {text(a): a.get("href") for a in shown.iter("a")}
    if "url" in STUDIES[slug]["first_published"]:
        assert links["Huddles [on] a *ward*"] == FIRST["url"]


def test_a_case_study_first_published_on_the_hub_says_only_that(site):
    shown = text(article(site, "hub-only"))
    assert "First published" not in shown and "Published on the hub 1 March 2024" in shown


def test_the_listing_dates_each_card_by_its_first_publication_where_it_has_a_date(site):
    dom = html5lib.parse((site / "case-studies/index.html").read_text(encoding="utf-8"), namespaceHTMLElements=False)
    cards = {card.get("id"): text(card) for card in dom.iter("div") if "hub-card" in card.get("class", "").split()}
    assert "· first published 3 February 2023" in cards["card-day"]
    assert "· first published 2019" in cards["card-year"]
    assert "· published on the hub 1 March 2024" in cards["card-undated"]
    assert "· published on the hub 1 March 2024" in cards["card-hub-only"]


def test_the_year_is_the_first_publications_then_the_hubs_and_none_for_an_undated_source(loaded):
    year = next(facet for facet in browse.facets() if facet.key == "year")
    assert year.label == "Year first published"
    studies = loaded.entries["case_study"]
    found = {slug: year.values_of(studies[slug]) for slug in ("day", "month", "year", "undated-read", "hub-only")}
    assert found == {"day": ["2023"], "month": ["2023"], "year": ["2019"], "undated-read": [], "hub-only": ["2024"]}
    assert [value for value, _label in year.options(loaded)] == ["2024", "2023", "2019"]


def test_entries_json_gives_the_finder_the_same_year_and_every_new_field(loaded):
    document = json.loads(opendata.entries_json(loaded, site_url=SITE))
    studies = {study["slug"]: study for study in document["case_studies"]}
    assert studies["year"]["facets"]["year"] == ["2019"]
    assert studies["undated"]["facets"]["year"] == []
    assert studies["day"]["first_published"] == {**FIRST, "date": "2023-02-03"}
    assert studies["team"]["contact"]["team"] == "Staff Wellbeing Team"
    assert studies["partners"]["partners"][0] == {"name": "Example University", "type": "university"}


def test_a_partners_type_counts_in_the_organisation_type_facet_once(loaded):
    types = browse.facet("organisation_types")
    study = loaded.entries["case_study"]["partners"]
    assert types.values_of(study) == ["nhs-acute-trust", "university"]
    assert "university" in dict(types.options(loaded)), "no case study lists it in organisation_types"


def test_the_page_names_each_partner_with_its_type_linked_to_the_finder(site):
    shown = article(site, "partners")
    assert "Partners Example University (University); Example Trust & Co (NHS acute trust)" in text(shown)
    links = {text(a): a.get("href") for a in shown.iter("a")}
    assert links["University"] == "../?organisation-type=university"


@pytest.mark.parametrize("slug,said", [
    ("team", "Contact Staff Wellbeing Team: wellbeing@example.nhs.uk"),
    ("person-and-team", "Contact A Person, Ward manager, Staff Wellbeing Team"),
])
def test_a_team_can_be_the_contact(site, slug, said):
    shown = article(site, slug)
    assert said in text(shown)


def test_a_contact_with_neither_a_name_nor_a_team_is_a_problem_on_its_line(tmp_path):
    root = make_repo(tmp_path / "repo")
    write_entry(root, "case_studies/x.md", study_text("x", {"contact": {"role": "Ward manager"}}))
    line = next(number for number, text in enumerate(study_text("x", {}).splitlines(), 1) if text.startswith("contact:"))
    assert [str(problem) for problem in loader.load(root).problems] == [
        f"case_studies/x.md:{line}: contact: has no 'name' or 'team'; give at least one of them, "
        "for example: team: \"Staff Wellbeing Team\" [missing-field]"]


def test_references_may_be_undated_read_on_a_day_and_by_an_organisation(site):
    items = [text(item) for item in article(site, "references").iter("li")]
    assert "NHS England. Professional nurse advocate A-EQUIP model (2021). https://example.org/pna" in items
    assert ("The Point of Care Foundation. Schwartz Rounds (n.d.). https://example.org/rounds "
            "(accessed 27 November 2026)") in items


def test_a_case_study_needs_no_references(site, loaded):
    assert "references" not in loaded.entries["case_study"]["no-references"].data
    assert not article(site, "no-references").findall(".//h2[@id='references']")


def test_feeds_date_an_entry_by_the_hub_and_say_where_it_was_first_published(loaded):
    said = "First published by NHS England as “Huddles [on] a *ward*” in 2019. https://example.org/a_(b)"
    feed = json.loads(opendata.json_feed(loaded, site_url=SITE, site_name="Hub"))
    items = {item["url"]: item for item in feed["items"]}
    year = items[SITE + "case-studies/year/"]
    assert year["date_published"] == "2024-03-01T00:00:00Z"
    assert year["content_text"].endswith("\n\n" + said) and year["external_url"] == FIRST["url"]
    assert items[SITE + "case-studies/hub-only/"]["content_text"] == loaded.entries["case_study"]["hub-only"].data[
        "summary"]
    atom = ElementTree.fromstring(opendata.atom_feed(loaded, site_url=SITE, site_name="Hub").encode())
    entry = next(e for e in atom.iter(f"{ATOM}entry") if e.find(f"{ATOM}id").text == SITE + "case-studies/year/")
    assert entry.find(f"{ATOM}published").text == "2024-03-01T00:00:00Z"
    assert entry.find(f"{ATOM}content").text.endswith("\n\n" + said)
    assert entry.find(f"{ATOM}link[@rel='via']").get("href") == FIRST["url"]


def test_the_spreadsheet_has_a_column_for_each_part_of_a_group_and_the_finders_year(loaded):
    rows = list(csv.reader(io.StringIO(opendata.case_studies_csv(loaded, site_url=SITE).lstrip("\ufeff"))))
    header = rows[0]
    by_address = {row[0]: dict(zip(header, row)) for row in rows[1:]}
    undated = by_address[SITE + "case-studies/undated-read/"]
    assert undated["First published: Publisher"] == "NHS England"
    assert undated["First published: Date"] == "" and undated["First published: Read on"] == "2026-11-27"
    assert undated["Year first published"] == ""
    assert by_address[SITE + "case-studies/month/"]["Year first published"] == "2023"
    assert by_address[SITE + "case-studies/partners/"]["Partners"] == \
        "Example University, University; Example Trust & Co, NHS acute trust"
    assert by_address[SITE + "case-studies/team/"]["Contact: Team"] == "Staff Wellbeing Team"
