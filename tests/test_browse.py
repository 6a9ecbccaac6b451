"""Facets, comparison and cross-links from the schemas; generated listings; what search indexes."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import tools
from conftest import ROOT, write_entry
from test_build import Tags, page
from test_search import indexed

from hooks.checks import loader
from hooks.model import catalogue
from hooks.model.schema import kinds, vocabularies
from hooks.pages import browse, finder
from hooks.publish import search


@pytest.fixture(scope="module")
def corpus_site(synthetic_site):
    """The built site of the base fixture plus a synthetic corpus, and its catalogue."""
    root, _, site = synthetic_site
    return loader.load(root), site


def test_facets_and_columns_are_the_fields_the_schemas_mark():
    marked = [name for name, spec in kinds()["case_study"].schema["properties"].items() if "x-facet" in spec]
    assert [f.field for f in browse.facets()] == marked
    assert len({f.key for f in browse.facets()}) == len(marked)
    compared = [name for name, spec in kinds()["approach"].schema["properties"].items() if spec.get("x-compare")]
    assert [c.field for c in browse.comparison_columns()] == compared


def test_a_date_facet_filters_by_year_and_a_list_of_slugs_by_entry_title(corpus_site):
    loaded, _ = corpus_site
    year = next(f for f in browse.facets() if f.year)
    study = loaded.entries["case_study"]["huddles-on-ward-7"]
    assert year.values_of(study) == ["2024"]
    approach = browse.facet("approaches")
    titles = dict(approach.options(loaded))
    assert titles["peer-huddles"] == "Peer huddles"
    assert set(titles) == {slug for e in loaded.of("case_study") for slug in e.data.get("approaches", ())} | {
        browse.unlisted_value(name) for e in loaded.of("case_study") for name in e.data.get("other_approaches", ())}
    assert browse.facet("title") is None


def _study(slug: str, approaches: list[str], settings: list[str], published: str) -> str:
    return (f"---\ntitle: Case study {slug} on a ward\nsummary: {'A made-up case study for the related tests. ' * 2}\n"
            f"organisation: Example Trust\norganisation_types: [nhs-acute-trust]\nsettings: {json.dumps(settings)}\n"
            f"regions: [london]\napproaches: {json.dumps(approaches)}\nlcav_commitments: [6]\n"
            f"published: \"{published}\"\nreferences: [{{citation: Test C. A third source, year: 2022}}]\n---\n"
            + (Path(__file__).parent / "fixtures/base/case_studies/huddles-on-ward-7.md").read_text().split("---\n", 2)[2])


def test_related_case_studies_share_approaches_first_then_settings_then_are_newest(repo):
    other = (repo / "approaches/peer-huddles.md").read_text().replace("title: Peer huddles", "title: Quiet rooms") \
        .replace("aliases: [Staff huddles]", "aliases: [Calm rooms]")
    write_entry(repo, "approaches/quiet-rooms.md", other)
    write_entry(repo, "case_studies/a.md", _study("a", ["quiet-rooms"], ["acute-hospital"], "2020-01-01"))
    write_entry(repo, "case_studies/b.md", _study("b", ["peer-huddles"], ["maternity"], "2019-01-01"))
    write_entry(repo, "case_studies/c.md", _study("c", ["quiet-rooms"], ["acute-hospital"], "2022-01-01"))
    write_entry(repo, "case_studies/d.md", _study("d", ["quiet-rooms"], ["maternity"], "2023-01-01"))
    loaded = loader.load(repo)
    assert loaded.problems == []
    base = loaded.entries["case_study"]["huddles-on-ward-7"]  # peer-huddles, acute-hospital
    assert [e.slug for e in browse.related_case_studies(base, loaded)] == ["b", "c", "a"]
    assert [e.slug for e in browse.related_case_studies(base, loaded, limit=1)] == ["b"]
    huddles = loaded.entries["approach"]["peer-huddles"]
    assert [e.slug for e in browse.related_approaches(huddles, loaded)] == ["quiet-rooms"]


def test_comparison_cells_sort_ordered_vocabularies_in_order_and_ranges_by_number(corpus_site):
    loaded, _ = corpus_site
    columns = {c.field: c for c in browse.comparison_columns()}
    levels = list(vocabularies()["evidence_levels"].values)
    for entry in loaded.of("approach"):
        cell = browse.comparison_cell(entry, columns["evidence_level"])
        assert int(cell.sort) == levels.index(entry.data["evidence_level"])
    huddles = loaded.entries["approach"]["peer-huddles"]
    assert browse.comparison_cell(huddles, columns["group_size"]) == browse.Cell("4–8 people", "000004")
    assert browse.comparison_cell(huddles, columns["session_length_minutes"]).text == "15 minutes"
    no_size = catalogue.Entry(huddles.kind, "x", "x", {k: v for k, v in huddles.data.items() if k != "group_size"},
                              "", huddles.outline)
    assert browse.comparison_cell(no_size, columns["group_size"]) == browse.Cell("Not given", "")


def _finder_filters(hrefs: list[str], finder: str) -> set[tuple[str, str]]:
    found = set()
    for href in hrefs:
        parts = urlsplit(href)
        if parts.path == finder and parts.query:
            found.update((key, value) for key, values in parse_qs(parts.query).items() for value in values)
    return found


def test_every_vocabulary_value_on_an_entry_page_links_to_the_finder_filtered_by_it(corpus_site):
    loaded, site = corpus_site
    for entry in loaded.of("case_study")[:5]:
        found = _finder_filters(Tags(page(site, f"case-studies/{entry.slug}")).hrefs(), "../")
        expected = {(f.key, value) for f in browse.facets() if f.vocabulary for value in f.values_of(entry)}
        assert expected and expected <= found, entry.slug
    approach = loaded.of("approach")[0]
    found = _finder_filters(Tags(page(site, f"approaches/{approach.slug}")).hrefs(), "../../case-studies/")
    assert {("setting", s) for s in approach.data["settings"]} | {("approach", approach.slug)} <= found
    assert {("staff-group", group) for group in approach.data["staff_groups"]} <= found


def test_entry_pages_link_related_entries(corpus_site):
    loaded, site = corpus_site
    study = loaded.of("case_study")[0]
    hrefs = Tags(page(site, f"case-studies/{study.slug}")).hrefs()
    related = browse.related_case_studies(study, loaded)
    assert related and all(f"../{other.slug}/" in hrefs for other in related)
    approach = loaded.of("approach")[0]
    hrefs = Tags(page(site, f"approaches/{approach.slug}")).hrefs()
    assert all(f"../{other.slug}/" in hrefs for other in browse.related_approaches(approach, loaded))
    assert all(f"../../case-studies/{s.slug}/" in hrefs for s in loaded.case_studies_using(approach.slug))


def test_finder_says_what_it_filters_by_and_where_to_browse_by_lcav_commitment(corpus_site):
    _, site = corpus_site
    html = page(site, "case-studies")
    intro = html[html.index("Filter them by"):html.index('id="hub-finder"')]
    assert all(facet.label.lower() in intro for facet in browse.facets())
    assert "../lcav-commitments/" in Tags(intro).hrefs()


def test_finder_lists_every_case_study_as_a_card_newest_first_a_page_at_a_time(corpus_site):
    loaded, site = corpus_site
    count = finder.page_count(len(loaded.of("case_study")))
    assert count > 1
    cards, addresses = [], ["case-studies"] + [f"case-studies/page/{number}" for number in range(2, count + 1)]
    for number, address in enumerate(addresses, start=1):
        tags = Tags(page(site, address)).tags
        cards += [attrs["id"].removeprefix("card-") for tag, attrs in tags if attrs.get("class") == "hub-card"]
        assert (("div", {"class": "hub-finder", "id": "hub-finder"}) in tags) == (number == 1)
    newest = sorted(loaded.of("case_study"), key=lambda e: e.data["published"], reverse=True)
    assert sorted(cards) == sorted(e.slug for e in newest)
    assert [loaded.entries["case_study"][slug].data["published"] for slug in cards] == [
        e.data["published"] for e in newest]
    assert not (site / "case-studies" / "page" / "1").exists()
    assert not (site / "case-studies" / "page" / str(count + 1)).exists()


def test_the_finder_hides_its_table_of_contents_in_a_phones_menu_too_where_an_entrys_page_keeps_it(corpus_site):
    """The finder's contents would list the cards of one page, whatever its filters show."""
    loaded, site = corpus_site

    def contents(address: str) -> list[dict]:
        return [attrs for _, attrs in Tags(page(site, address)).tags if attrs.get("data-md-component") == "toc"]

    assert contents("case-studies") == contents("case-studies/page/2") == []
    assert contents(f"case-studies/{loaded.of('case_study')[0].slug}") != []


def test_the_build_pager_names_the_first_the_last_and_the_neighbours_as_the_script_does():
    """The build draws the pager of its pages, the script the pager of filtered results: the same pages either way."""
    tools.require_node()
    cases = [(number, count) for count in range(1, 13) for number in range(1, count + 1)]
    script = (f"import {{ pagerItems }} from {json.dumps((ROOT / 'overrides/assets/javascripts/finder-state.js').as_uri())};"
              f"console.log(JSON.stringify({json.dumps(cases)}.map(([n, c]) => pagerItems(n, c))));")
    result = subprocess.run([tools.NODE, "--input-type=module", "-e", script], capture_output=True, text=True,
                            check=True)
    assert json.loads(result.stdout) == [finder.pager(number, count) for number, count in cases]
    assert finder.pager(6, 10) == [1, None, 5, 6, 7, None, 10]


def test_approaches_index_shows_each_evidence_level_linked_to_its_meaning(corpus_site):
    loaded, site = corpus_site
    html = page(site, "approaches")
    hrefs = Tags(html).hrefs()
    for entry in loaded.of("approach"):
        assert f"{entry.slug}/" in hrefs
        assert f"../evidence-levels/#{entry.data['evidence_level']}" in hrefs
    assert "../compare-approaches/" in hrefs


def test_comparison_page_has_a_row_per_approach_and_a_column_per_marked_field(corpus_site):
    loaded, site = corpus_site
    html = page(site, "compare-approaches")
    tags = Tags(html).tags
    headers = [attrs for tag, attrs in tags if tag == "th" and attrs.get("scope") == "col"]
    assert len(headers) == len(browse.comparison_columns()) + 2
    rows = [attrs for tag, attrs in tags if tag == "th" and attrs.get("scope") == "row"]
    assert len(rows) == len(loaded.of("approach"))
    for column in browse.comparison_columns():
        assert f">{column.label}</th>" in html
    assert "<caption>" in html


def test_data_files_are_published_and_linked_from_every_footer(corpus_site):
    loaded, site = corpus_site
    assert len(json.loads((site / "entries.json").read_text())["case_studies"]) == len(loaded.of("case_study"))
    assert (site / "case-studies.csv").read_bytes().startswith(b"\xef\xbb\xbf\"")
    for url in ("", "case-studies/huddles-on-ward-7"):
        hrefs = Tags(page(site, url)).hrefs()
        assert {"feed.xml", "feed.json", "entries.json", "case-studies.csv"} <= {h.rsplit("/", 1)[-1] for h in hrefs}


def test_search_indexes_entries_and_guides_but_not_listings_or_other_pages_titles(corpus_site):
    loaded, site = corpus_site
    pages = indexed(site / search.FOLDER)
    assert {f"/case-studies/{e.slug}/" for e in loaded.of("case_study")} <= set(pages)
    assert {f"/approaches/{e.slug}/" for e in loaded.of("approach")} <= set(pages)
    assert {"/about/", "/contributing/"} <= set(pages)
    assert not {"/case-studies/", "/case-studies/page/2/", "/approaches/", "/compare-approaches/", "/search/",
                "/404.html"} & set(pages)
    huddles_on_ward = loaded.entries["case_study"]["huddles-on-ward-7"]
    study = pages["/case-studies/huddles-on-ward-7/"]
    assert study["meta"]["title"] == huddles_on_ward.title
    assert [study["meta"]["kind"]] == study["filters"]["kind"] == [huddles_on_ward.kind.label]
    assert "Where to look" in study["content"] and "¶" not in study["content"]
    assert not {"Related case studies", "Related approaches"} & {a["text"] for a in study["anchors"]}
    for entry in loaded.of("case_study"):
        if entry is not huddles_on_ward:
            assert entry.title not in study["content"], "other pages' titles are found on their own pages"
    huddles = pages["/approaches/peer-huddles/"]
    assert huddles["filters"]["kind"] == ["Approach"]
    assert "Staff huddles" in huddles["content"] and huddles_on_ward.title not in huddles["content"]


def test_an_approachs_other_names_weigh_as_much_as_a_heading(corpus_site):
    _, site = corpus_site
    html = page(site, "approaches/peer-huddles")
    assert re.search(r'<p data-pagefind-weight="7">Also known as: Staff huddles\.</p>', html)


