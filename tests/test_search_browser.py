"""Search on the real site, in a browser: the hub's content first, and no pages for a word no page has.

The expectations are derived from the entries where they can be (each approach's and case study's name finds its
page; each setting and staff group finds the entries tagged with it before any page of the hub's own); the rest
are a table of what a reader types and the page that should come first.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import tools
from conftest import REAL, SITE_PATH

from hooks.model.schema import vocabularies
from playwright.sync_api import Page

tools.require_chromium()


FIRST = {
    "schwarts": "approaches/schwartz-rounds/",
    "mindfulnes": "approaches/mindfulness/",
    "compasion": "approaches/compassion-circles/",
    "Cwtch": "case-studies/care-home-cwtch-peer-support/",
    "Shetland": "case-studies/shetland-staff-support-line/",
    "endoscopy": "case-studies/endoscopy-units-staff-wellbeing-aneurin-bevan/",
    "Thrive": "case-studies/belfast-trust-thrive-psychological-therapy/",
    "professional nurse advocate": "case-studies/royal-wolverhampton-professional-advocates/",
    "readiness": "readiness/organisational/",
    "evidence levels": "evidence-levels/",
    "field reference": "contributing/fields/",
    "share your case study": "contributing/share/",
}
"""What a reader types, and the page that should come first: typos of an approach's name, words only one case study
has, and the names of the hub's own pages, which their own pages answer."""

NO_RESULTS = {"ma": "Type at least 3 letters to search.",
              "asdfgh": "No page has the word “asdfgh”.",
              "Schwartz qwertyuiop": "No page has the word “qwertyuiop”."}
"""Queries answered with a sentence, not pages: too short, or with a word that only the start of some word matches."""


def _by_name() -> dict[str, str]:
    """Each approach's and case study's title, and its page, which the title finds first.

    Not an approach's other names: a case study of a programme by one of them ("Taking Care, Giving Care rounds")
    rightly comes before the approach's page."""
    return {entry.title: f"{entry.kind.site_directory}/{entry.slug}/"
            for entry in REAL.of("approach") + REAL.of("case_study")}


def _by_tag() -> dict[str, set[str]]:
    """Each setting's and staff group's label, and the pages of the entries tagged with it."""
    tagged: dict[str, set[str]] = {}
    for field in ("settings", "staff_groups"):
        vocabulary = vocabularies()[field]
        for entry in REAL.of("approach") + REAL.of("case_study"):
            for value in entry.data.get(field, []):
                tagged.setdefault(vocabulary.label(value), set()).add(f"{entry.kind.site_directory}/{entry.slug}/")
    return tagged


@dataclass
class SearchPage:
    """The real site's search page, open in a browser."""

    page: Page
    said_on_opening: str
    """What the status line said once the page had opened, before anything was typed."""

    def search(self, query: str) -> tuple[str, list[tuple[str, str]]]:
        """Search as a reader does: what the page says, and every result (its address and kind), once all are shown."""
        page = self.page
        page.eval_on_selector("#hub-search-status", "status => { status.textContent = ''; }")
        page.fill("#hub-search-query", query)
        page.press("#hub-search-query", "Enter")
        page.wait_for_selector("#hub-search-status:not(:empty)")
        while page.locator("#hub-search-more").is_visible():
            shown = page.locator(".hub-search__result").count()
            page.click("#hub-search-more")
            page.wait_for_function("shown => document.querySelectorAll('.hub-search__result').length > shown",
                                   arg=shown)
        results = page.eval_on_selector_all(".hub-search__result", """items => items.map(item => [
            new URL(item.querySelector('a').href).pathname,
            item.querySelector('.hub-search__kind')?.textContent || ''])""")
        status = page.locator("#hub-search-status").inner_text()
        return status, [(urlsplit(address).path.removeprefix(SITE_PATH), kind) for address, kind in results]


@pytest.fixture(scope="module")
def searching(shared_context, real_site) -> SearchPage:
    page = shared_context.new_page()
    with tools.serve(real_site) as url:
        page.goto(url + "search/")
        page.wait_for_selector("#hub-search-kinds fieldset")  # the kinds of page, read from the index on opening
        yield SearchPage(page, page.locator("#hub-search-status").inner_text())
    page.close()


def test_each_name_and_each_query_in_the_table_finds_its_page_first(searching):
    expected = {**_by_name(), **FIRST}
    assert len(expected) >= 15
    firsts = {query: (searching.search(query)[1] or [("nothing", "")])[0][0] for query in expected}
    assert {query: first for query, first in firsts.items() if first != expected[query]} == {}


def test_a_setting_or_a_staff_group_finds_every_entry_tagged_with_it_before_any_page_of_the_hubs_own(searching):
    wrong = {}
    for label, pages in _by_tag().items():
        results = searching.search(label)[1]
        hub_pages = [index for index, (_, kind) in enumerate(results) if not kind]
        before_them = {address for address, _ in results[:hub_pages[0] if hub_pages else len(results)]}
        if pages - before_them:
            wrong[label] = [address for address, _ in results]
    assert wrong == {}


def test_a_short_query_or_a_word_no_page_has_is_answered_with_a_sentence_not_with_pages(searching):
    assert searching.said_on_opening == ""
    for query, said in NO_RESULTS.items():
        status, results = searching.search(query)
        assert (status.startswith(said), results) == (True, []), query
    assert tools.violations(searching.page) == ""
    status, results = searching.search("schwarts")
    assert results and status.startswith(f"{len(results)} results"), "a typo still finds pages"
