"""Finding things in a real browser: the case study finder, the comparison, search and print.

A site built from a synthetic corpus of 60 case studies (several pages of the finder) shows the mechanisms on
known data, and the base fixture's one case study leaves most values of each vocabulary without any; the
search tests on the real site check the names people actually type ("PNA", "Schwartz",
"A-EQUIP", "hospice"), and fail until the approaches and case studies they name are written.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlencode

import pytest
import tools
from conftest import REAL, SITE_PATH

from hooks.checks import loader, sections
from hooks.pages import browse, finder
from hooks.pages.contribute import SHARE_PAGE

tools.require_chromium()


@pytest.fixture(scope="module")
def synthetic(synthetic_site):
    """The synthetic site, served: its catalogue, its corpus and its address."""
    root, corpus, site = synthetic_site
    with tools.serve(site) as url:
        yield loader.load(root), corpus, url


def expected_matches(studies, chosen: dict[str, set[str]], except_key: str | None = None) -> list:
    """The case studies the finder should show: every facet's choices hold, any value within one."""
    by_key = {f.key: f for f in browse.facets()}
    return [s for s in studies if all(set(by_key[key].values_of(s)) & values
                                      for key, values in chosen.items() if key != except_key and values)]


def shown_cards(page) -> list[str]:
    return page.eval_on_selector_all(".hub-card:not([hidden])", "cards => cards.map(c => c.id.slice(5))")


def first_page(loaded, matching: list) -> list[str]:
    """The cards the finder's first page should show: the matching case studies, newest first, one page of them."""
    slugs = {study.slug for study in matching}
    return [study.slug for study in finder.newest_first(loaded) if study.slug in slugs][:finder.PAGE_SIZE]


def said(matching: int, total: int) -> str:
    pages = finder.page_count(matching)
    return f"Showing {matching} of {total} case studies" + (f", page 1 of {pages}." if pages > 1 else ".")


def choose(page, key: str, value: str) -> None:
    """Tick one value, opening its facet first if it is folded away."""
    box = page.locator(f"#hub-facet-{key}-{value}")
    if not box.is_visible():
        page.locator(f"details:has(#hub-facet-{key}-{value}) > summary").click()
    box.check()


def pick_two_facets(loaded) -> dict[str, set[str]]:
    """Two settings (OR) and the region that leaves the most matches, but not all (AND)."""
    studies = loaded.of("case_study")
    setting, region = browse.facet("settings"), browse.facet("regions")
    common = sorted(setting.options(loaded), key=lambda o: -len(expected_matches(studies, {setting.key: {o[0]}})))
    settings = {common[0][0], common[1][0]}
    best = max((value for value, _ in region.options(loaded)),
               key=lambda v: len(expected_matches(studies, {setting.key: settings, region.key: {v}})))
    chosen = {setting.key: settings, region.key: {best}}
    assert 0 < len(expected_matches(studies, chosen)) < len(expected_matches(studies, {setting.key: settings}))
    return chosen


def test_two_facets_show_exactly_the_matching_cards_with_counts_and_the_address_restores_them(page, synthetic):
    loaded, _, url = synthetic
    studies = loaded.of("case_study")
    assert len(studies) >= 50
    chosen = pick_two_facets(loaded)
    page.goto(url + "case-studies/")
    page.locator("#hub-finder form").wait_for()
    assert shown_cards(page) == first_page(loaded, studies)
    for key, values in chosen.items():
        for value in values:
            choose(page, key, value)

    matching = expected_matches(studies, chosen)
    expected = first_page(loaded, matching)
    assert shown_cards(page) == expected
    counts = dict(page.eval_on_selector_all("label[for^='hub-facet-']", """labels => labels.map(label =>
        [label.htmlFor, label.querySelector('.hub-facet__count')?.textContent])"""))
    assert counts == {f"hub-facet-{facet.key}-{value}": "({})".format(sum(
        value in facet.values_of(study) for study in expected_matches(studies, chosen, facet.key)))
        for facet in browse.facets() for value, _ in facet.options(loaded)}
    status = page.locator("#hub-finder [role=status]")
    assert status.text_content() == said(len(matching), len(studies))
    assert status.get_attribute("aria-live") == "polite"

    query = {key: set(values) for key, values in parse_qs(page.evaluate("location.search.slice(1)")).items()}
    assert query == chosen
    restored = page.context.new_page()
    restored.goto(page.evaluate("location.href"))
    restored.locator("#hub-finder form").wait_for()
    assert shown_cards(restored) == expected
    for key, values in chosen.items():
        for value in values:
            assert restored.locator(f"#hub-facet-{key}-{value}").is_checked()
    restored.close()


LAYOUT_SHIFTS = """window.hubLayoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.hubLayoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});"""


def test_the_finder_page_does_not_move_under_the_reader_while_it_loads(browser, synthetic):  # noqa: F811
    """Cumulative layout shift on a phone stays under 0.1, what Core Web Vitals call good."""
    _, _, url = synthetic
    context = browser.new_context(viewport={"width": 412, "height": 823})
    try:
        page = context.new_page()
        page.add_init_script(LAYOUT_SHIFTS)
        page.goto(url + "case-studies/")
        page.locator("#hub-finder form").wait_for()
        page.locator("#hub-finder [role=status]:not(:empty)").wait_for()
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        assert page.evaluate("window.hubLayoutShift") < 0.1
    finally:
        context.close()


def test_no_match_says_so_and_offers_a_way_back(page, synthetic):
    loaded, _, url = synthetic
    studies = loaded.of("case_study")
    setting, year = browse.facet("settings"), next(f for f in browse.facets() if f.year)
    empty = next((s, y) for s, _ in setting.options(loaded) for y, _ in year.options(loaded)
                 if not expected_matches(studies, {setting.key: {s}, year.key: {y}}))
    page.goto(f"{url}case-studies/?{setting.key}={empty[0]}&{year.key}={empty[1]}")
    notice = page.locator(".hub-finder__empty")
    notice.wait_for()
    assert shown_cards(page) == []
    assert "No case study matches" in page.locator("#hub-finder [role=status]").text_content()
    assert notice.locator(".hub-finder__message").text_content() == "No case study matches all these filters."
    assert notice.get_by_role("button", name=re.compile("^Remove ")).count() == 2
    notice.get_by_role("button", name="Clear all filters").click()
    assert shown_cards(page) == first_page(loaded, studies)
    assert page.evaluate("location.search") == ""
    assert notice.is_hidden()


def test_the_finder_works_with_the_keyboard_alone(page, synthetic):
    loaded, _, url = synthetic
    page.goto(url + "case-studies/")
    page.locator("#hub-finder form").wait_for()
    first_facet = browse.facets()[0]
    summary = page.locator(".hub-facet summary").first
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    value = first_facet.options(loaded)[0][0]
    assert page.evaluate("document.activeElement.id") == f"hub-facet-{first_facet.key}-{value}"
    page.keyboard.press("Space")
    assert page.locator(f"#hub-facet-{first_facet.key}-{value}").is_checked()
    assert parse_qs(page.evaluate("location.search.slice(1)")) == {first_facet.key: [value]}
    matching = expected_matches(loaded.of("case_study"), {first_facet.key: {value}})
    assert len(shown_cards(page)) == len(matching)


def test_without_javascript_every_case_study_is_reached_through_the_pages_of_cards(browser, synthetic):  # noqa: F811
    loaded, _, url = synthetic
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url + "case-studies/?setting=maternity")
        assert page.locator("#hub-finder").is_hidden() and page.locator("#hub-finder-empty").is_hidden()
        seen, numbers = [], []
        while True:
            numbers.append(page.locator("#hub-pager strong").text_content())
            assert page.locator(".hub-card:visible").count() == page.locator(".hub-card").count() <= finder.PAGE_SIZE
            seen += shown_cards(page)
            following = page.locator("#hub-pager a", has_text="Next")
            if not following.count():
                break
            following.click()
        count = finder.page_count(len(loaded.of("case_study")))
        assert count > 2 and numbers == [str(n) for n in range(1, count + 1)]
        assert seen == [study.slug for study in finder.newest_first(loaded)]
        assert page.url == f"{url}case-studies/page/{count}/"
        assert page.locator("h1").inner_text().startswith(f"Case studies, page {count} of {count}")
        page.locator("#hub-pager a", has_text="1").first.click()
        assert page.url == f"{url}case-studies/"
    finally:
        context.close()


def test_pages_of_results_keep_their_number_in_the_address_and_draw_the_cards_the_build_draws(page, synthetic):
    loaded, _, url = synthetic
    studies = finder.newest_first(loaded)
    page.goto(url + "case-studies/")
    page.locator("#hub-finder form").wait_for()
    page.locator("#hub-pager a", has_text="Next").press("Enter")  # the keyboard: no pointer hovers a card
    assert parse_qs(page.evaluate("location.search.slice(1)")) == {"page": ["2"]}
    assert shown_cards(page) == [s.slug for s in studies[finder.PAGE_SIZE:2 * finder.PAGE_SIZE]]
    assert page.evaluate("document.activeElement.id") == "hub-cards"
    assert page.locator("#hub-pager strong").text_content() == "2"
    assert tools.violations(page) == ""
    page.go_back()
    page.wait_for_function("() => !location.search")
    assert shown_cards(page) == [s.slug for s in studies[:finder.PAGE_SIZE]]

    page.goto(url + "case-studies/?page=3")
    page.locator("#hub-finder form").wait_for()
    page.locator("#hub-finder [role=status]:not(:empty)").wait_for()
    pages = finder.page_count(len(studies))
    assert page.locator("#hub-finder [role=status]").text_content() == (
        f"Showing all {len(studies)} case studies, page 3 of {pages}.")
    drawn = page.eval_on_selector_all(".hub-card", "cards => cards.map(c => [c.id, c.innerText.trim(),"
                                      " [...c.querySelectorAll('a')].map(a => a.href)])")
    pager = page.locator("#hub-pager").inner_text()
    page.goto(url + "case-studies/page/3/")
    built = page.eval_on_selector_all(".hub-card", "cards => cards.map(c => [c.id, c.innerText.replaceAll('¶', '')"
                                      ".trim(), [...c.querySelectorAll('a:not(.headerlink)')].map(a => a.href)])")
    assert drawn == built and len(built) == min(finder.PAGE_SIZE, len(studies) - 2 * finder.PAGE_SIZE)
    assert page.locator("#hub-pager").inner_text() == pager


def test_a_filter_from_a_link_that_nothing_matches_yet_stays_and_says_so(page, base_repo, base_site):
    """A setting no case study has yet, as an approach page links to it, and a value the finder does not know."""
    loaded = loader.load(base_repo)
    setting = browse.facet("settings")
    used = {value for study in loaded.of("case_study") for value in setting.values_of(study)}
    value, label = next((value, label) for value, label in setting.known(loaded) if value not in used)
    with tools.serve(base_site) as url:
        page.goto(f"{url}case-studies/?{setting.key}={value}&{setting.key}=no-such-setting")
        notice = page.locator("#hub-finder-empty")
        notice.wait_for()
        message = f"No case studies {setting.phrase.format(label)} yet."
        assert notice.locator(".hub-finder__message").text_content() == message
        assert page.locator("#hub-finder [role=status]").text_content() == message
        assert shown_cards(page) == []
        assert page.locator(".hub-finder__unknown").text_content() == (
            f"The address asked for {setting.label} “no-such-setting”, which the finder does not know, "
            "so it was left out.")
        assert parse_qs(page.evaluate("location.search.slice(1)")) == {setting.key: [value]}
        box = page.locator(f"#hub-facet-{setting.key}-{value}")
        assert box.is_visible() and box.is_checked()
        assert page.locator(f"label[for='hub-facet-{setting.key}-{value}'] .hub-facet__count").text_content() == "(0)"
        assert page.locator(f"#hub-facets-{setting.key} li:visible").count() == len(used) + 1
        share = notice.get_by_role("link", name="Share your case study")
        assert share.evaluate("a => new URL(a.href).pathname") == f"{SITE_PATH}{SHARE_PAGE.removesuffix('.md')}/"
        assert tools.violations(page) == ""
        notice.get_by_role("button", name="Clear all filters").click()
        assert page.evaluate("location.search") == "" and notice.is_hidden()
        assert shown_cards(page) == first_page(loaded, loaded.of("case_study"))
        assert box.is_visible() and not box.is_checked()


# The second synthetic case study names an approach without a page and has a section its source does not report.
@pytest.mark.parametrize("path", ["case-studies/?setting=maternity", "compare-approaches/", "approaches/",
                                  "case-studies/synthetic-case-study-0002/", "case-studies/page/2/"])
def test_axe_finds_no_violation_on_the_browsing_pages(page, synthetic, path):
    loaded, _, url = synthetic
    second = loaded.entries["case_study"]["synthetic-case-study-0002"]
    assert second.data["other_approaches"] and sections.NOT_REPORTED in second.body
    page.goto(url + path)
    if path.startswith("case-studies/?"):
        page.locator("#hub-finder form").wait_for()
        page.locator(".hub-facet summary").first.click()
    assert tools.violations(page) == ""


def test_the_comparison_sorts_by_a_column_and_says_so(page, synthetic):
    loaded, _, url = synthetic
    page.goto(url + "compare-approaches/")
    columns = [c.label for c in browse.comparison_columns()]
    index = columns.index("Evidence level") + 1
    heading = page.locator("table.hub-compare thead th").nth(index)
    heading.get_by_role("button").click()
    assert heading.get_attribute("aria-sort") == "ascending"
    keys = page.eval_on_selector_all(f"table.hub-compare tbody tr td:nth-child({index + 1})",
                                     "cells => cells.map(c => Number(c.dataset.sort))")
    assert keys == sorted(keys) and len(keys) == len(loaded.of("approach"))
    heading.get_by_role("button").press("Enter")
    assert heading.get_attribute("aria-sort") == "descending"
    keys = page.eval_on_selector_all(f"table.hub-compare tbody tr td:nth-child({index + 1})",
                                     "cells => cells.map(c => Number(c.dataset.sort))")
    assert keys == sorted(keys, reverse=True)


def test_the_comparison_fits_a_phone_in_blocks_scrolling_neither_itself_nor_the_page(browser, synthetic):  # noqa: F811
    _, _, url = synthetic
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(url + "compare-approaches/")
        sizes = page.evaluate("""() => ({page: document.documentElement.scrollWidth,
            view: window.innerWidth, wrapper: document.querySelector('.hub-table-scroll').scrollWidth,
            wrapperBox: document.querySelector('.hub-table-scroll').clientWidth})""")
        assert sizes["page"] <= sizes["view"]
        assert sizes["wrapper"] <= sizes["wrapperBox"]
    finally:
        context.close()


def test_an_entry_prints_without_chrome_and_with_its_address_and_date(page, synthetic):
    _, corpus, url = synthetic
    page.goto(f"{url}case-studies/{corpus.case_studies[0]}/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".hub-header-search", ".md-content__button"):
        assert page.locator(chrome).first.is_hidden(), chrome
    source = page.locator(".hub-print-source")
    assert source.is_visible()
    days = {date.today(), date.today() - timedelta(days=1)}  # the page may have been opened before midnight
    assert source.text_content() in {f"Printed from {page.url} on {day.day} {day:%B %Y}." for day in days}
    page.emulate_media(media="screen")
    assert source.is_hidden()


def first_result(page, url: str, query: str) -> str:
    """The address of the first search result for `query`, relative to the site."""
    page.goto(f"{url}search/?{urlencode({'q': query})}")
    page.wait_for_selector("#hub-search-status:not(:empty)")
    first = page.locator(".hub-search__result a").first
    return page.evaluate("a => new URL(a.href).pathname", first.element_handle()).removeprefix(SITE_PATH)


def test_search_finds_an_approach_first_by_its_name_and_each_alias(page, synthetic):
    _, corpus, url = synthetic
    slug = corpus.approaches[0]
    names = corpus.names[slug]
    for query in (names["title"].split()[0], names["aliases"][0], names["aliases"][1]):
        assert first_result(page, url, query) == f"approaches/{slug}/", query


def test_search_finds_a_case_study_by_its_organisation_type_label(page, synthetic):
    loaded, _, url = synthetic
    hospices = {f"case-studies/{s.slug}/" for s in loaded.of("case_study") if "hospice" in s.data["organisation_types"]}
    assert hospices, "the corpus should hold a hospice case study"
    assert first_result(page, url, "hospice") in hospices


def result_addresses(page) -> list[str]:
    return page.eval_on_selector_all(".hub-search__result a", "links => links.map(a => new URL(a.href).pathname)")


def test_search_shows_one_kind_of_page_and_keeps_the_choice_through_a_reload(page, synthetic):
    loaded, corpus, url = synthetic
    query = corpus.names[corpus.approaches[0]]["title"].split()[0]
    page.goto(f"{url}search/?{urlencode({'q': query})}")
    page.wait_for_selector("#hub-search-status:not(:empty)")
    everything = result_addresses(page)
    assert any("/approaches/" in a for a in everything) and any("/case-studies/" in a for a in everything)
    case_study = loaded.of("case_study")[0].kind.label
    page.locator(f'input[name="kind"][value="{case_study}"]').check()
    page.wait_for_function("""() => {
        const links = [...document.querySelectorAll('.hub-search__result a')];
        return links.length > 0 && links.every(a => a.pathname.includes('/case-studies/'));
    }""")
    only = result_addresses(page)
    assert only and all("/case-studies/" in a for a in only)
    assert parse_qs(page.evaluate("location.search.slice(1)")) == {"q": [query], "kind": [case_study]}
    page.reload()
    page.wait_for_selector("#hub-search-status:not(:empty)")
    assert page.locator(f'input[name="kind"][value="{case_study}"]').is_checked()
    assert result_addresses(page)[:len(only)] == only


def test_a_search_with_no_result_says_so_and_what_to_try(page, synthetic):
    _, _, url = synthetic
    page.goto(f"{url}search/?q=zzqxv")
    status = page.locator("#hub-search-status")
    status.filter(has_text="No results").wait_for()
    assert "zzqxv" in status.inner_text() and page.locator(".hub-search__result").count() == 0
    assert page.locator("#hub-search-more").is_hidden()


def test_a_result_links_to_its_sections_and_the_page_marks_the_words_searched_for(page, synthetic):
    _, corpus, url = synthetic
    query = corpus.names[corpus.approaches[0]]["title"].split()[0]
    page.goto(f"{url}search/?{urlencode({'q': query})}")
    result = page.locator(".hub-search__result").first
    result.wait_for()
    sections = result.locator(".hub-search__sections a")
    assert sections.count() >= 1
    assert all("#" in href for href in sections.evaluate_all("links => links.map(a => a.href)"))
    result.locator("a").first.click()
    page.wait_for_url(re.compile(rf"\?highlight={query}$", re.IGNORECASE))
    marked = page.locator("article mark.pagefind-highlight").first
    marked.wait_for()
    assert marked.inner_text().lower().startswith(query.lower())


PNA_PAGES = {"approaches/restorative-supervision/"} | {
    f"case-studies/{s.slug}/" for s in REAL.case_studies_using("restorative-supervision")}
"""Professional Nurse Advocates give restorative clinical supervision: its page, or a case study of it."""
REAL_SEARCHES = {"PNA": PNA_PAGES, "A-EQUIP": {"approaches/restorative-supervision/"},
                 "Schwartz": {"approaches/schwartz-rounds/"}}


@pytest.mark.parametrize("query", REAL_SEARCHES)
def test_real_site_search_finds_first_what_a_name_people_type_stands_for(page, real_site, query):
    with tools.serve(real_site) as url:
        assert first_result(page, url, query) in REAL_SEARCHES[query]


def test_real_site_search_for_hospice_finds_a_hospice_case_study_first(page, real_site):
    hospices = {f"case-studies/{s.slug}/" for s in REAL.of("case_study")
                if "hospice" in s.data["organisation_types"] or "hospice" in s.data["organisation"].lower()}
    with tools.serve(real_site) as url:
        assert first_result(page, url, "hospice") in hospices
