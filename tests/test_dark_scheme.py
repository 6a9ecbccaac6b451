"""The readiness pages filled in, in the dark colour scheme, which a reader's system setting chooses: accessible to
axe as in the light one. A page of every type, as it opens, is checked in both schemes by `test_browser.py`."""

from __future__ import annotations

import pytest
import tools

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402


@pytest.fixture(scope="module")
def dark(browser, real_site):
    """A page in a browser whose reader asked for the dark scheme, and the real site's address."""
    context = browser.new_context(color_scheme="dark")
    with tools.serve(real_site) as url:
        yield context.new_page(), url
    context.close()


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
    assert tools.violations(page) == ""
    tools.forget(page)
