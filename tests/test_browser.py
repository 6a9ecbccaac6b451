"""The built site in a real browser: accessible to axe, keyboard usable, and private.

Runs Debian's Chromium through Playwright. Without Chromium these tests are skipped with a
reason, except on CI (`CI=true`), where a missing browser is a failure.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import tools
from conftest import ROOT
from hooks import catalogue

tools.require_chromium()

from axe_playwright_python.sync_playwright import Axe  # noqa: E402  (after the Chromium check)

REAL = catalogue.load(ROOT)


@pytest.fixture(scope="module")
def site_url(real_site):
    """The real site, served locally under the same path as in production (404 links rely on it)."""
    with tools.serve(real_site) as url:
        yield url


def _page_types() -> dict[str, str]:
    types = {"home": "", "approaches": "approaches/", "case studies": "case-studies/",
             "evidence levels": "evidence-levels/", "about": "about/", "contributing": "contributing/",
             "not found": "404.html"}
    if REAL.of("approach"):
        types["approach"] = f"approaches/{REAL.of('approach')[0].slug}/"
    if REAL.of("case_study"):
        types["case study"] = f"case-studies/{REAL.of('case_study')[0].slug}/"
    return types


PAGE_TYPES = _page_types()


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_axe_finds_no_violation(page, site_url, path):
    page.goto(site_url + path)
    results = Axe().run(page, options=tools.AXE_WCAG)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_request_leaves_the_site(page, site_url, path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # opens search, which loads the index
    page.keyboard.type("care")
    page.wait_for_load_state("networkidle")
    outside = [url for url in requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")]
    assert outside == []
    assert len(requests) > 1


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_the_content_security_policy_blocks_nothing_the_site_needs(page, site_url, path):
    page.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));""")
    page.goto(site_url + path)
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    page.keyboard.press("/")
    page.keyboard.type("care")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []


def test_search_finds_an_entry_with_the_keyboard_alone(page, site_url):
    entry = (REAL.of("approach") or REAL.of("case_study"))[0] if REAL.of("approach") + REAL.of("case_study") \
        else None
    if entry is None:
        pytest.skip("no entries to search for yet")
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type(entry.title)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    assert entry.title.split()[0] in first.inner_text()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{entry.kind.site_directory}/{entry.slug}/**")


def test_keyboard_focus_is_visible_on_the_first_link(page, site_url):
    page.goto(site_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el);
        return {tag: el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
                shadow: style.boxShadow, visible: el.getBoundingClientRect().height > 0};
    }""")
    assert focused["tag"] == "A" and focused["visible"]
    assert (focused["outline"] != "none" and focused["width"] > 0) or focused["shadow"] != "none"
