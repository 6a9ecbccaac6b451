"""The site in the dark colour scheme, which a reader's system setting chooses: accessible to axe as in the light one.

Material draws its outline buttons in the primary colour, which on the dark background is far below the
contrast WCAG asks for; the hub's styles must give them a readable colour there.
"""

from __future__ import annotations

import pytest
import tools

tools.require_chromium()

from axe_playwright_python.sync_playwright import Axe  # noqa: E402  (after the Chromium check)

PAGES = {"home": "", "assessment": "readiness/organisational/", "team": "readiness/organisational/team/",
         "share form": "contributing/share/", "case studies": "case-studies/", "search": "search/?q=care"}
"""A page of each kind that has outline buttons or form controls, the parts the dark scheme recolours."""


@pytest.fixture(scope="module")
def dark(browser, real_site):
    """A page in a browser whose reader asked for the dark scheme, and the real site's address."""
    context = browser.new_context(color_scheme="dark")
    with tools.serve(real_site) as url:
        yield context.new_page(), url
    context.close()


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_violation_in_the_dark_scheme(dark, path):
    page, url = dark
    page.goto(url + path)
    tools.wait_until_built(page)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    results = Axe().run(page, options=tools.AXE_WCAG)
    assert results.violations_count == 0, results.generate_report()
