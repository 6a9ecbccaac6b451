"""Re-assessment over time on the results page, in a real browser on the fixture instrument's site: a record
saved before history existed still loads; two dated assessments give each domain's score then and now with the
change in words; one is deleted after a confirmation; the history travels in the JSON export and comes back on
import in a fresh browser."""

from __future__ import annotations

import json
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import tools

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402

KEY = "hub-readiness:organisational"
DOMAINS = {"Money": ["funding", "room"], "Time": ["protected-time", "cover", "no-other-change"]}
"""The fixture instrument's domains and their statements."""
SPRING = {"funding": 1, "room": 2, "protected-time": 4, "cover": 4, "no-other-change": 4}
SUMMER = {"funding": 4, "room": 5, "protected-time": 4, "cover": 2, "no-other-change": 4}


@pytest.fixture(scope="module")
def site_url(readiness_site):
    with tools.serve(readiness_site) as url:
        yield url


def score(answers: dict, domain: str) -> Decimal:
    values = [answers[item] for item in DOMAINS[domain]]
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def change(then: Decimal, now: Decimal) -> str:
    return "no change" if then == now else f"{'up' if now > then else 'down'} {abs(now - then)}"


def answer(page, site_url, answers: dict) -> None:
    """Open the assessment and choose the answers, `{statement id: value}`."""
    page.goto(site_url + "readiness/organisational/")
    tools.answer(page, answers)


def results(page, site_url):
    page.goto(site_url + "readiness/organisational/results/")
    page.locator("#history").wait_for()
    return page.locator(".hub-readiness-history")


def rows(section) -> list[list[str]]:
    return [row.inner_text().split("\t") for row in section.locator("tbody tr").all()]


def test_two_dated_assessments_show_the_change_and_travel_in_the_export(page, site_url, tmp_path):
    page.goto(site_url)
    old = {"format": "shared-learning-hub/readiness-answers", "version": 1, "instrument": "organisational",
           "instrumentVersion": 2, "respondent": "", "answers": SPRING, "saved": "2026-08-20T10:00:00.000Z"}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(old)])
    history = results(page, site_url)
    expect(history.locator("table")).to_have_count(0)
    history.get_by_role("button", name="Save this assessment as of 20 August 2026").click()
    expect(history.get_by_role("status")).to_have_text("This assessment is saved as of 20 August 2026.")

    answer(page, site_url, SUMMER)
    history = results(page, site_url)
    expected = [[domain, str(score(SPRING, domain)), str(score(SUMMER, domain)),
                 change(score(SPRING, domain), score(SUMMER, domain))] for domain in DOMAINS]
    assert rows(history) == expected
    history.get_by_role("button", name=re.compile("^Save this assessment as of")).click()
    expect(history.locator(".hub-readiness-kept li")).to_have_count(2)
    assert rows(history) == expected, "the change is since the previous assessment, not the one just saved"
    assert tools.violations(page) == ""

    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("JSON")).click()
    exported = tmp_path / "answers.json"
    shutil.copy(Path(download.value.path()), exported)
    kept = json.loads(exported.read_text(encoding="utf-8"))["history"]
    assert [entry["answers"] for entry in kept] == [SPRING, SUMMER]
    assert kept[0]["saved"] == old["saved"]

    history.get_by_role("button", name="Delete the assessment of 20 August 2026").click()
    page.get_by_role("dialog").get_by_role("button", name="Keep it").click()
    expect(history.locator(".hub-readiness-kept li")).to_have_count(2)
    history.get_by_role("button", name="Delete the assessment of 20 August 2026").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete it").click()
    expect(history.locator(".hub-readiness-kept li")).to_have_count(1)
    expect(history.locator("table")).to_have_count(0)
    assert len(json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["history"]) == 1

    page.evaluate("localStorage.clear()")
    page.goto(site_url + "readiness/organisational/")
    page.locator("fieldset").first.wait_for()
    page.set_input_files("#hub-readiness-import", str(exported))
    expect(page.get_by_role("status").filter(has_text="Imported")).to_be_visible()
    history = results(page, site_url)
    expect(history.locator(".hub-readiness-kept li")).to_have_count(2)
    assert rows(history) == expected


def test_named_assessments_are_compared_two_at_a_time_with_the_plans_steps_closed_between(page, site_url):
    page.goto(site_url)
    old = {"format": "shared-learning-hub/readiness-answers", "version": 1, "instrument": "organisational",
           "instrumentVersion": 2, "respondent": "", "answers": SPRING, "saved": "2026-08-20T10:00:00.000Z"}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(old)])
    history = results(page, site_url)
    page.fill("#hub-readiness-snapshot-name", "Spring review")
    history.get_by_role("button", name=re.compile("^Save this assessment as of")).click()
    expect(history.locator(".hub-readiness-kept li")).to_have_text([re.compile(r"^Spring review \(20 August 2026\)")])
    answer(page, site_url, SUMMER)
    history = results(page, site_url)
    page.fill("#hub-readiness-snapshot-name", "Summer review")
    history.get_by_role("button", name=re.compile("^Save this assessment as of")).click()

    chart = history.locator(".hub-readiness-change-chart")
    for domain in DOMAINS:
        expect(chart).to_contain_text(f"{domain}: {score(SPRING, domain)} to {score(SUMMER, domain)}")
    expected = [[domain, str(score(SPRING, domain)), str(score(SUMMER, domain)),
                 change(score(SPRING, domain), score(SUMMER, domain))] for domain in DOMAINS]
    assert rows(history) == expected
    closed = ["Essential met: There is a room for sessions.", "Money is no longer among the weakest areas"]
    expect(history.locator(".hub-readiness-closed li")).to_have_text(closed)

    summer = page.locator("#hub-readiness-compare-to option", has_text="Summer review").inner_text()
    page.focus("#hub-readiness-compare-to")
    page.select_option("#hub-readiness-compare-to", label=summer)
    assert page.evaluate("document.activeElement.id") == "hub-readiness-compare-to"
    assert rows(history) == expected
    page.select_option("#hub-readiness-compare-from", label=summer)
    expect(history.locator(".hub-readiness-closed")).to_have_count(0)
    assert all(row[3] == "no change" for row in rows(history))
    assert tools.violations_in_each_scheme(page) == {}
