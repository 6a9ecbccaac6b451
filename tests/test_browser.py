"""The built site in a real browser: accessible to axe, keyboard usable, and private.

Runs Debian's Chromium through Playwright. Without Chromium these tests are skipped with a
reason, except on CI (`CI=true`), where a missing browser is a failure.
"""

from __future__ import annotations

import functools
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import tools
from conftest import REAL
from tab_walk import Focus, walk_with_tab

from hooks.pages.policies import FOOTER

tools.require_chromium()

SLUGS = {slug for entries in REAL.entries.values() for slug in entries}


@pytest.fixture(scope="module")
def site_url(real_site):
    """The real site, served locally under the same path as in production (404 links rely on it)."""
    with tools.serve(real_site) as url:
        yield url


SEARCH = "search/?q=care"
"""The search page with results, where the search from every page's header goes."""


def _page_types() -> dict[str, str]:
    types = {"home": "", "approaches": "approaches/", "case studies": "case-studies/",
             "evidence levels": "evidence-levels/", "lcav commitments": "lcav-commitments/", "about": "about/",
             "contributing": "contributing/",
             "not found": "404.html", "comparison": "compare-approaches/", "gap map": "evidence-and-gap-map/",
             "readiness": "readiness/",
             "assessment": "readiness/organisational/", "results": "readiness/organisational/results/",
             "team": "readiness/organisational/team/", "share form": "contributing/share/",
             "field reference": "contributing/fields/", "search": SEARCH, "privacy": "privacy/",
             "accessibility": "accessibility/", "contact": "contact/", "licence": "licence/"}
    if REAL.of("approach"):
        types["approach"] = f"approaches/{REAL.of('approach')[0].slug}/"
        types["checklist"] = f"readiness/checklists/{REAL.of('approach')[0].slug}/"
    if REAL.of("case_study"):
        types["case study"] = f"case-studies/{REAL.of('case_study')[0].slug}/"
    return types


PAGE_TYPES = _page_types()
"""A page of each type the site has, by name, with its address in the site: the search page with results."""


def type_of(path: str) -> str:
    """A page's type, from its address in the site: itself, but a page named for an entry (an approach's, a case
    study's, a checklist) or a numbered page of a listing stands for its folder."""
    path = path.partition("?")[0]
    folder, _, name = path.rstrip("/").rpartition("/")
    return f"{folder}/*" if name in SLUGS or name.isdigit() else path


WATCH_POLICY = """window.__violations = [];
    document.addEventListener('securitypolicyviolation',
                              e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));"""
"""Keeps what the page's Content-Security-Policy blocked, from the start of each page the browser opens."""


SEARCHED = "**/search/?q=*"
"""Where a search from a page's header asks to go."""


def search_from_the_header(page, query: str) -> str:
    """Search as a reader does from any page: type in the header's box and press Enter. The address the browser
    asks for, which is the same search page from every page (`test_the_search_page_answers_from_its_index`
    opens it): the request is answered there with no content, which leaves the page where it was, as loading the
    search page again from each page proves nothing."""
    page.route(SEARCHED, lambda route: route.fulfill(status=204))
    with page.expect_request(SEARCHED) as asked:
        page.fill("#hub-header-query", query)
        page.press("#hub-header-query", "Enter")
    page.unroute(SEARCHED)
    return asked.value.url


FOOTER_LINKS = """links => links.map(a => [
    a.innerText, a.checkVisibility({visibilityProperty: true, opacityProperty: true}), a.href])"""
"""Each link of a footer, as the reader sees it: its text, whether it shows, and the address it leads to."""


@functools.cache
def found(address: str) -> bool:
    """Whether following a link to the address finds a page: asked once for an address, which the footers of
    all the pages share."""
    try:
        with urllib.request.urlopen(address) as answer:
            return answer.status == 200
    except urllib.error.HTTPError:
        return False


@dataclass
class Visit:
    """What a reader's visit did: the page opened and was looked at, then a search from its header."""
    requests: list[str]
    policies: int
    """How many Content-Security-Policy elements the page has."""
    blocked_on_the_page: list[str]
    footer: list[tuple[str, bool]]
    """The footer's links to the pages about the site: each one's text, and whether following it found a page."""
    violations: str
    """Axe's report of the page's violations of WCAG, empty when there are none."""
    violations_in_the_dark: str
    """The same in the dark colour scheme, which a reader's system setting chooses, on axe's rules about colour."""
    focus: Focus
    searched: str
    """The address a search from the page's header went to."""


@pytest.fixture(scope="module")
def tab(shared_context):
    """The browser tab every visit opens its page in, as a reader goes from page to page: a new tab for each
    costs more than the page. It watches each page's policy."""
    page = shared_context.new_page()
    page.add_init_script(WATCH_POLICY)
    yield page
    page.close()


@pytest.fixture(scope="module", params=PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def visit(tab, site_url, request) -> Visit:
    """One visit to a page of each type, shared by the tests that read what it did: opening a page costs more
    than anything a test then asks of it. The footer is read first, then Tab walks the page, then axe checks it in
    either scheme with a control still focused (a focused link must read as well as the rest), then the search.
    (A request answered from the browser's cache is still a request the page makes, and is seen.)"""
    page = tab
    requests: list[str] = []
    page.on("request", note := lambda sent: requests.append(sent.url))
    page.goto(site_url + request.param)
    tools.wait_until_built(page)
    policies = page.locator('meta[http-equiv="Content-Security-Policy"]').count()
    blocked_on_the_page = page.evaluate("window.__violations")
    footer = [(text, shown and found(address))
              for text, shown, address in page.locator("nav.hub-site-pages a").evaluate_all(FOOTER_LINKS)]
    focus = walk_with_tab(page)
    in_each_scheme = tools.violations_in_each_scheme(page)
    tools.forget(page)  # so the next visit opens as a new reader's would
    searched = search_from_the_header(page, "care")
    page.remove_listener("request", note)
    return Visit(requests, policies, blocked_on_the_page, footer, in_each_scheme.get("light", ""),
                 in_each_scheme.get("dark", ""), focus, searched)


def test_a_page_of_every_type_the_built_site_has_is_visited(real_site):
    built = {type_of(file.relative_to(real_site).as_posix().removesuffix("index.html"))
             for file in real_site.rglob("*.html")}
    assert built == {type_of(path) for path in PAGE_TYPES.values()}


def test_axe_finds_no_violation(visit):
    assert not visit.violations, visit.violations


def test_axe_finds_no_violation_in_the_dark_scheme(visit):
    """Material draws its outline buttons in the primary colour, which on the dark background is far below the
    contrast WCAG asks for; the hub's styles must give them a readable colour there."""
    assert not visit.violations_in_the_dark, visit.violations_in_the_dark


def test_tab_reaches_every_control_in_order_with_a_visible_focus(visit):
    """Every control on the page as it loads is reached by Tab, in order, and looks different when focused."""
    assert visit.focus.count > 3
    assert visit.focus.unchanged == [], "these controls show no change when focused"
    assert visit.focus.reached == visit.focus.remaining
    assert len(visit.focus.remaining) > visit.focus.count / 2


def test_no_request_leaves_the_site(visit):
    outside = [url for url in visit.requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")]
    assert outside == []


def test_every_page_shows_the_links_to_the_pages_about_the_site_and_each_finds_its_page(visit):
    assert visit.footer == [(text, True) for text in FOOTER]


def test_the_content_security_policy_blocks_nothing_the_site_needs(visit):
    assert visit.policies == 1
    assert visit.blocked_on_the_page == []


def test_the_header_search_of_every_page_goes_to_the_search_page(visit, site_url):
    assert visit.searched == site_url + SEARCH


def test_the_search_page_answers_from_its_index(page, site_url):
    """The page every header's search goes to loads its index and shows results, within its policy."""
    requests: list[str] = []
    page.on("request", lambda sent: requests.append(sent.url))
    page.add_init_script(WATCH_POLICY)
    page.goto(site_url + SEARCH)
    tools.wait_until_built(page)
    assert page.locator(".hub-search__result").count() > 0
    assert any("/pagefind/" in url for url in requests)
    assert page.evaluate("window.__violations") == []


def test_search_finds_an_entry_with_the_keyboard_alone(page, site_url):
    entry = (REAL.of("approach") or REAL.of("case_study"))[0] if REAL.of("approach") + REAL.of("case_study") \
        else None
    if entry is None:
        pytest.skip("no entries to search for yet")
    page.goto(site_url)
    for _ in range(12):  # the skip link, the logo, the menu and the colour toggle come first
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "hub-header-query":
            break
    else:
        pytest.fail("Tab never reached the header's search box")
    page.keyboard.type(entry.title)
    page.keyboard.press("Enter")
    first = page.locator(".hub-search__result a").first
    first.wait_for()
    assert entry.title == first.inner_text()
    for _ in range(20):  # the header again, the page's box, its button and the kinds of page, then the first result
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.hub-search__result') !== null"):
            break
    else:
        pytest.fail("Tab never reached the first result")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{entry.kind.site_directory}/{entry.slug}/\?highlight="))
