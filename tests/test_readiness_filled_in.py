"""The readiness pages filled in, in either colour scheme: accessible to axe as they are when they open, which
`test_browser.py` checks for a page of every type in both schemes."""

from __future__ import annotations

import pytest
import tools

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402


@pytest.fixture(scope="module")
def site_url(real_site):
    with tools.serve(real_site) as url:
        yield url


@pytest.mark.parametrize("path", ["readiness/organisational/results/", "readiness/checklists/schwartz-rounds/"],
                         ids=["results", "checklist"])
def test_axe_finds_no_violation_in_either_scheme_with_answers_owners_and_dates(page, site_url, path):
    """The results and a checklist filled in: the chart and its legend, a statement answered "don't know", the
    plan's and the checklist's fields, a date that cannot be read and its message, and what the answers say of each
    essential."""
    page.goto(site_url + "readiness/organisational/")
    tools.answer(page, {"senior-sponsor": 5, "funding": 1, "protected-time": 2, "administration": 4,
                        "shared-need": "dont-know"})
    page.goto(site_url + path)
    tools.wait_until_built(page)
    group = page.locator(".hub-task-fields").first
    group.locator("input").first.fill("Ward manager")
    group.locator("input").nth(1).fill("31/11/2026")
    expect(page.locator(".hub-task-problem:not(:empty)")).to_contain_text("not a date we can read")
    assert tools.violations_in_each_scheme(page) == {}
