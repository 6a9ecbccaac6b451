"""entries.json, case-studies.csv and the feeds: every entry, standard parsers, text escaped for each format."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

import pytest
from conftest import make_repo, write_entry
from corpus import write_corpus

from hooks.checks import loader
from hooks.pages.browse import facets
from hooks.publish import opendata

SITE = "https://example.org/hub/"
TRICKY = "Ward <7> & \"Friends\" 'quoted' — a test"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("opendata") / "repo")
    write_corpus(root, case_studies=12, approaches=4, words=60)
    study = root / "case_studies/huddles-on-ward-7.md"
    study.write_text(study.read_text()
                     .replace("title: Huddles on a busy surgical ward", f"title: {json.dumps(TRICKY)}")
                     .replace("organisation: Example Hospital NHS Trust", 'organisation: "=HYPERLINK(\\"x\\") & Co"')
                     .replace("published: 2024-03-01", 'published: "2030-01-01"'))
    result = loader.load(root)
    assert result.problems == []
    return result


def test_entries_json_holds_every_entry_with_its_fields_and_facets(loaded):
    document = json.loads(opendata.entries_json(loaded, site_url=SITE))
    assert [e["slug"] for e in document["approaches"]] == [e.slug for e in loaded.of("approach")]
    assert [e["slug"] for e in document["case_studies"]] == [e.slug for e in loaded.of("case_study")]
    tricky = next(e for e in document["case_studies"] if e["slug"] == "huddles-on-ward-7")
    assert tricky["title"] == TRICKY
    assert tricky["url"] == SITE + "case-studies/huddles-on-ward-7/"
    assert tricky["facets"] == {"organisation-type": ["nhs-acute-trust"], "setting": ["acute-hospital"],
                                "region": ["london"], "staff-group": [], "approach": ["peer-huddles"], "year": ["2030"]}
    assert tricky["lcav_commitments"] == [6], "a field of the case study, though the finder does not filter by it"
    assert [f["key"] for f in document["facets"]] == [f.key for f in facets()]
    for facet in document["facets"]:
        used = {v for e in document["case_studies"] for v in e["facets"][facet["key"]]}
        assert {o["value"] for o in facet["options"]} == used, facet["key"]
    assert document["vocabularies"]["settings"]["maternity"] == "Maternity"


def test_csv_has_a_bom_quotes_every_cell_and_a_row_per_case_study(loaded):
    text = opendata.case_studies_csv(loaded, site_url=SITE)
    assert text.startswith("\ufeff")
    raw = text.encode("utf-8")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Address", "Title", "Summary"]
    assert len(body) == len(loaded.of("case_study"))
    assert all(len(row) == len(header) for row in body)
    assert all(line.startswith('"') and line.endswith('"') for line in text.lstrip("\ufeff").splitlines())
    first = body[0]  # newest first: the tricky one is published in 2030
    assert first[0] == SITE + "case-studies/huddles-on-ward-7/"
    assert first[header.index("Title")] == TRICKY
    assert first[header.index("Organisation")] == "'=HYPERLINK(\"x\") & Co", "a formula must not run in a spreadsheet"
    assert first[header.index("Settings")] == "Acute hospital wards"
    assert first[header.index("Approaches")] == "Peer huddles"


def test_atom_feed_parses_and_lists_every_case_study_newest_first(loaded):
    text = opendata.atom_feed(loaded, site_url=SITE, site_name="Hub & <Co>")
    assert "&lt;7&gt; &amp;" in text
    feed = ElementTree.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text == "Hub & <Co>: case studies"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == SITE + "feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(loaded.of("case_study"))
    published = [e.find(f"{ATOM}published").text for e in entries]
    assert published == sorted(published, reverse=True)
    assert entries[0].find(f"{ATOM}title").text == TRICKY
    assert entries[0].find(f"{ATOM}id").text == SITE + "case-studies/huddles-on-ward-7/"
    assert entries[0].find(f"{ATOM}updated").text == "2030-01-01T00:00:00Z", "never before it was published"
    assert feed.find(f"{ATOM}updated").text == "2030-01-01T00:00:00Z"
    assert all(e.find(f"{ATOM}link").get("href").startswith(SITE) for e in entries)


def test_json_feed_parses_and_lists_every_case_study_newest_first(loaded):
    feed = json.loads(opendata.json_feed(loaded, site_url=SITE, site_name="Hub"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == SITE + "feed.json"
    items = feed["items"]
    assert len(items) == len(loaded.of("case_study"))
    assert [i["date_published"] for i in items] == sorted((i["date_published"] for i in items), reverse=True)
    assert items[0]["title"] == TRICKY
    assert items[0]["url"] == SITE + "case-studies/huddles-on-ward-7/"
    assert items[0]["authors"] == [{"name": '=HYPERLINK("x") & Co'}]


def test_the_site_gets_the_data_files_only_when_it_knows_its_address(loaded):
    with_address = {page.src_uri for page in opendata.pages(loaded, site_url=SITE, site_name="Hub")}
    without = {page.src_uri for page in opendata.pages(loaded, site_url="", site_name="Hub")}
    files = {"entries.json", "case-studies.csv", "feed.xml", "feed.json"}
    assert files == with_address
    assert not files & without


def test_an_empty_hub_still_gives_valid_feeds(tmp_path):
    root = tmp_path / "repo"
    write_entry(root, "content/index.md", "# Home\n")
    empty = loader.load(root)
    assert ElementTree.fromstring(opendata.atom_feed(empty, site_url=SITE, site_name="Hub").encode()).findall(
        f"{ATOM}entry") == []
    assert json.loads(opendata.json_feed(empty, site_url=SITE, site_name="Hub"))["items"] == []
    assert list(csv.reader(io.StringIO(opendata.case_studies_csv(empty, site_url=SITE).lstrip("\ufeff"))))[1:] == []


def test_the_corpus_tries_each_precision_of_first_publication_partners_teams_and_undated_references(loaded):
    studies = [entry.data for entry in loaded.of("case_study")]
    assert {len(data["first_published"].get("date", "")) for data in studies if "first_published" in data} == \
        {0, 4, 7, 10}
    assert any(data.get("partners") for data in studies)
    assert any("team" in data.get("contact", {}) and "name" not in data["contact"] for data in studies)
    assert any("year" not in ref and "accessed" in ref for data in studies for ref in data.get("references", []))
