"""The site in the dark colour scheme, which a reader's system setting chooses: accessible to axe as in the light one.

Material draws its outline buttons in the primary colour, which on the dark background is far below the
contrast WCAG asks for; the hub's styles must give them a readable colour there. Every type of page is checked,
as the built site has them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tools
from conftest import ROOT

from hooks.checks import loader

tools.require_chromium()

from axe_playwright_python.sync_playwright import Axe  # noqa: E402  (after the Chromium check)
from playwright.sync_api import expect  # noqa: E402

SHOWING = {"search/": "search/?q=care"}
"""Pages shown in the state a reader sees most, rather than as they open: the search page with results."""


def page_types(site: Path) -> dict[str, str]:
    """One page of each type the built site has, by its address in the site: every page, but of the pages named
    for an entry (an approach's, a case study's, an approach's checklist) only the first in each folder."""
    slugs = {slug for entries in loader.load(ROOT).entries.values() for slug in entries}
    types: dict[str, str] = {}
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix().removesuffix("index.html")
        folder, _, name = path.rstrip("/").rpartition("/")
        types.setdefault(f"{folder}/*" if name in slugs else path or "home", path)
    return types


@pytest.fixture(scope="module")
def dark(browser, real_site):
    """A page in a browser whose reader asked for the dark scheme, and the real site's address."""
    context = browser.new_context(color_scheme="dark")
    with tools.serve(real_site) as url:
        yield context.new_page(), url
    context.close()


def test_axe_finds_no_violation_on_any_type_of_page_in_the_dark_scheme(dark, real_site):
    page, url = dark
    types = page_types(real_site)
    assert {"approaches/*", "case-studies/*", "404.html", "search/"} <= set(types)
    violations = {}
    for path in types.values():
        page.goto(url + SHOWING.get(path, path))
        tools.wait_until_built(page)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate", path
        results = Axe().run(page, options=tools.AXE_WCAG)
        if results.violations_count:
            violations[path] = results.generate_report()
    assert violations == {}


@pytest.mark.parametrize("path", ["readiness/organisational/results/", "readiness/checklists/schwartz-rounds/"],
                         ids=["results", "checklist"])
def test_axe_finds_no_violation_in_the_dark_scheme_with_answers_owners_and_dates(dark, path):
    """The results and a checklist filled in: the chart and its legend, the plan's and the checklist's fields, a
    date that cannot be read and its message, and what the answers say of each essential."""
    page, url = dark
    page.goto(url + "readiness/organisational/")
    for item, value in (("senior-sponsor", "5"), ("funding", "1"), ("protected-time", "2"), ("administration", "4")):
        page.locator(f'input[name="item-{item}"][value="{value}"]').check()
    page.goto(url + path)
    tools.wait_until_built(page)
    group = page.locator(".hub-task-fields").first
    group.locator("input").first.fill("Ward manager")
    group.locator("input").nth(1).fill("31/11/2026")
    expect(page.locator(".hub-task-problem:not(:empty)")).to_contain_text("not a date we can read")
    results = Axe().run(page, options=tools.AXE_WCAG)
    assert results.violations_count == 0, results.generate_report()
    tools.forget(page)
