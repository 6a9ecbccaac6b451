"""The built site in a real browser: accessible to axe, keyboard usable, and private.

Runs Debian's Chromium through Playwright. Without Chromium these tests are skipped with a
reason, except on CI (`CI=true`), where a missing browser is a failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import tools
from conftest import ROOT

from hooks.checks import loader
from hooks.pages.policies import FOOTER

tools.require_chromium()

from axe_playwright_python.sync_playwright import Axe  # noqa: E402  (after the Chromium check)

REAL = loader.load(ROOT)


@pytest.fixture(scope="module")
def site_url(real_site):
    """The real site, served locally under the same path as in production (404 links rely on it)."""
    with tools.serve(real_site) as url:
        yield url


def _page_types() -> dict[str, str]:
    types = {"home": "", "approaches": "approaches/", "case studies": "case-studies/",
             "evidence levels": "evidence-levels/", "lcav commitments": "lcav-commitments/", "about": "about/",
             "contributing": "contributing/",
             "not found": "404.html", "comparison": "compare-approaches/", "gap map": "evidence-and-gap-map/",
             "readiness": "readiness/",
             "assessment": "readiness/organisational/", "results": "readiness/organisational/results/",
             "team": "readiness/organisational/team/", "share form": "contributing/share/",
             "field reference": "contributing/fields/", "search": "search/?q=care", "privacy": "privacy/"}
    if REAL.of("approach"):
        types["approach"] = f"approaches/{REAL.of('approach')[0].slug}/"
        types["checklist"] = f"readiness/checklists/{REAL.of('approach')[0].slug}/"
    if REAL.of("case_study"):
        types["case study"] = f"case-studies/{REAL.of('case_study')[0].slug}/"
    return types


PAGE_TYPES = _page_types()


@pytest.fixture(scope="module")
def reader(shared_context):
    """One page for the tests that only look: each opens its page afresh and changes nothing a page keeps (no
    storage, no cookie), so a page of their own each would only add its start-up."""
    page = shared_context.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_axe_finds_no_violation(reader, site_url, path):
    reader.goto(site_url + path)
    results = Axe().run(reader, options=tools.AXE_WCAG)
    assert results.violations_count == 0, results.generate_report()


def search_from_the_header(page, query: str) -> None:
    """Search as a reader does from any page: type in the header's box, press Enter, wait for the answer."""
    page.fill("#hub-header-query", query)
    page.press("#hub-header-query", "Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_selector("#hub-search-status:not(:empty)")  # said once the results on screen have loaded


@dataclass
class Visit:
    """What a reader's visit did: the page opened, then a search from its header."""
    requests: list[str]
    policies: int
    """How many Content-Security-Policy elements the page has."""
    blocked_on_the_page: list[str]
    footer: list[tuple[str, bool]]
    """The footer's links to the pages about the site: each one's text, and whether following it found a page."""
    results: int
    blocked_on_the_search_page: list[str]


@pytest.fixture(scope="module", params=PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def visit(shared_context, site_url, request) -> Visit:
    """One visit to a page of each type, shared by the tests that read what it did: the page and the search
    make the same requests and meet the same policy whichever test looks. (A request answered from the
    browser's cache is still a request the page makes, and is seen.)"""
    page = shared_context.new_page()
    requests: list[str] = []
    page.on("request", lambda sent: requests.append(sent.url))
    page.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation',
                                  e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));""")
    page.goto(site_url + request.param)
    tools.wait_until_built(page)
    policies = page.locator('meta[http-equiv="Content-Security-Policy"]').count()
    blocked_on_the_page = page.evaluate("window.__violations")
    footer = [(link.inner_text(), link.is_visible() and page.request.get(link.evaluate("a => a.href")).ok)
              for link in page.locator("nav.hub-site-pages a").all()]
    search_from_the_header(page, "care")
    done = Visit(requests, policies, blocked_on_the_page, footer, page.locator(".hub-search__result").count(),
                 page.evaluate("window.__violations"))
    tools.forget(page)
    page.close()
    return done


def test_no_request_leaves_the_site(visit):
    outside = [url for url in visit.requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")]
    assert outside == []
    assert any("/pagefind/" in url for url in visit.requests), "the search should have loaded its index"


def test_every_page_shows_the_links_to_the_pages_about_the_site_and_each_finds_its_page(visit):
    assert visit.footer == [(text, True) for text in FOOTER]


def test_the_content_security_policy_blocks_nothing_the_site_needs(visit):
    assert visit.policies == 1
    assert visit.blocked_on_the_page == []
    assert visit.results > 0
    assert visit.blocked_on_the_search_page == []


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


TABBABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(el => !el.disabled && el.tabIndex >= 0 && !el.closest('[hidden]')
                  && (!el.closest('.md-header') || el.closest('.hub-header-search'))
                  && el.checkVisibility({visibilityProperty: true}))
    .filter((el, i, all) => {
        if (el.type !== 'radio') return true;
        const group = all.filter(other => other.type === 'radio' && other.name === el.name);
        return el === (group.find(radio => radio.checked) || group[0]);
    })"""
"""Every control a keyboard user can reach on the page with Tab, in document order (one radio button
per group: arrow keys move within it). Of the theme's header only the search form counts: the
colour toggle and the links before it are the theme's own."""

LOOKS = """el => [el, ...(el.labels || []), ...(el.nextElementSibling?.tagName === 'LABEL' ? [el.nextElementSibling] : [])]
  .map(part => {
    const s = getComputedStyle(part);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor,
            s.textDecorationLine, s.color].join(' ');
}).join('|')"""
"""How a control and its labels look (Material draws a hidden radio's focus on the label after it):
focus is visible when this changes as the control takes focus."""


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_tab_reaches_every_control_in_order_with_a_visible_focus(reader, site_url, path):
    """Every control on the page as it loads is reached by Tab, in order, and looks different when
    focused. Controls that appear on the way (a refreshed to-do list) are
    passed over; controls that a script replaced on the way are not expected."""
    reader.goto(site_url + path)
    tools.wait_until_built(reader)
    count = reader.evaluate(f"""() => ({TABBABLE})().map((el, i) => {{
        el.dataset.hubTab = i;
        el.dataset.hubLooks = ({LOOKS})(el);
    }}).length""")
    assert count > 3
    reached = []
    for _ in range(count + 40):  # the header's controls take Tab presses too
        reader.keyboard.press("Tab")
        focus = reader.evaluate(f"""() => {{
            const el = document.activeElement;
            return el.dataset.hubTab === undefined ? null
                : {{index: Number(el.dataset.hubTab), changed: ({LOOKS})(el) !== el.dataset.hubLooks}};
        }}""")
        if focus is None or reached[-1:] == [focus["index"]]:
            continue  # not a control of the page as loaded, or the next part of one (a date's day, month, year)
        if reached and focus["index"] < reached[-1]:
            break  # round again from the top
        assert focus["changed"], f"control {focus['index']} of {path or 'home'} shows no change when focused"
        reached.append(focus["index"])
    remaining = reader.evaluate(f"() => ({TABBABLE})().filter(el => el.dataset.hubTab !== undefined)"
                              ".map(el => Number(el.dataset.hubTab))")
    assert reached == remaining
    assert len(remaining) > count / 2
