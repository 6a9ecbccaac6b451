"""The readiness team page in a real browser, on the fixture instrument's site: three people's files (an old
JSON record, a current one and a CSV the results page exported) combined into a chart with a series per person
and the median, statements ordered by disagreement as worked out here from the same answers, the team's plan,
axe in both colour schemes and print on A4; the loaded answers kept across a reload, the combined view exported
as JSON and CSV and loaded back, a seventh person refused, and everything cleared after a confirmation."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from statistics import median

import pytest
import tools
import yaml

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402

INSTRUMENT = yaml.safe_load((Path(__file__).parent / "fixtures/readiness/readiness/organisational.yml")
                            .read_text(encoding="utf-8"))
TEAM_KEY = "hub-readiness:organisational:team"
PEOPLE = {"Senior": {"funding": 1, "room": 4, "protected-time": 4, "cover": 4, "no-other-change": 4},
          "Middle": {"funding": 3, "room": 4, "protected-time": "dont-know", "cover": 5, "no-other-change": 3},
          "Operational": {"funding": 2, "room": 5, "protected-time": 2, "cover": 4}}
"""Operational's file is the CSV the results page exports; the others are JSON records, Senior's of version 1."""


@pytest.fixture(scope="module")
def site_url(readiness_site):
    with tools.serve(readiness_site) as url:
        yield url


def record(name: str, answers: dict, version: int = 2) -> str:
    return json.dumps({"format": "shared-learning-hub/readiness-answers", "version": version,
                       "instrument": "organisational", "instrumentVersion": INSTRUMENT["version"],
                       "respondent": name, "answers": answers, "saved": "2026-11-20T09:00:00.000Z"})


def team_files(page, site_url, tmp_path) -> list[str]:
    (tmp_path / "Senior.json").write_text(record("Senior", PEOPLE["Senior"], version=1), encoding="utf-8")
    (tmp_path / "Middle.json").write_text(record("Middle", PEOPLE["Middle"]), encoding="utf-8")
    page.goto(site_url + "readiness/organisational/")
    page.locator("fieldset").first.wait_for()
    page.fill("#hub-readiness-respondent", "Operational")
    tools.answer(page, PEOPLE["Operational"])
    page.goto(site_url + "readiness/organisational/results/")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("CSV")).click()
    shutil.copy(download.value.path(), tmp_path / "Operational.csv")
    return [str(tmp_path / name) for name in ("Senior.json", "Middle.json", "Operational.csv")]


def domain_score(answers: dict, items: list) -> float | None:
    values = [answers[item["id"]] for item in items if isinstance(answers.get(item["id"]), int)]
    return round(sum(values) / len(values) + 1e-9, 1) if len(values) >= len(items) / 2 else None


def expected_order() -> list[str]:
    """The statements by disagreement: widest spread of answers, then most "don't know", then as asked."""
    rows = []
    for order, item in enumerate(item for domain in INSTRUMENT["domains"] for item in domain["items"]):
        given = [answers.get(item["id"]) for answers in PEOPLE.values()]
        numbers = [value for value in given if isinstance(value, int)]
        spread = max(numbers) - min(numbers) if len(numbers) >= 2 else -1
        rows.append((-spread, -given.count("dont-know"), order, item["text"]))
    return [text for *_, text in sorted(rows)]


def team_page(page, site_url):
    page.goto(site_url + "readiness/organisational/team/")
    page.locator("#hub-readiness-fallback").wait_for(state="hidden")
    return page.locator("#hub-readiness")


def statement_order(root) -> list[str]:
    table = root.get_by_role("table", name="Statements, most disagreement first")
    return [cell.inner_text() for cell in table.locator("tbody th").all()]


def test_three_files_make_a_team_profile_an_order_to_discuss_and_a_plan(page, site_url, tmp_path):
    files = team_files(page, site_url, tmp_path)
    root = team_page(page, site_url)
    page.set_input_files("#hub-readiness-team-files", files)
    expect(root.get_by_role("status")).to_contain_text("3 people compared.")
    series = root.locator("svg.hub-team-chart .hub-team-series")
    assert [group.get_attribute("data-series") for group in series.all()] == ["Team median", *PEOPLE]
    for domain in INSTRUMENT["domains"]:
        scores = [domain_score(answers, domain["items"]) for answers in PEOPLE.values()]
        drawn = [series.nth(index + 1).locator(f'[data-domain="{domain["id"]}"]') for index in range(len(PEOPLE))]
        assert [float(mark.get_attribute("data-score")) if mark.count() else None for mark in drawn] == scores
        bar = series.nth(0).locator(f'[data-domain="{domain["id"]}"]')
        assert float(bar.get_attribute("data-score")) == median([value for value in scores if value is not None])
    assert statement_order(root) == expected_order()
    discuss = root.locator(".hub-team-discuss li strong")
    assert [text for text in discuss.all_inner_texts()] == expected_order()[:discuss.count()]
    assert 3 <= discuss.count() <= 5
    plan = root.locator(".hub-readiness-plan")
    expect(plan.get_by_role("heading")).to_have_text("The team's action plan")
    assert plan.locator("ol > li").count() > 0
    assert tools.violations_in_each_scheme(page) == {}

    tools.require_pdftotext()
    page.set_viewport_size({"width": 718, "height": 1000})  # A4's width less 1 cm margins, in CSS pixels
    page.emulate_media(media="print")  # still in the dark scheme: the print is black on white all the same
    marks = page.evaluate("""() => [...document.querySelectorAll('.hub-team-chart .hub-team-series > *')]
        .map(mark => { const style = getComputedStyle(mark); return style.fill + ' ' + style.stroke; })""")
    assert set(marks) == {"rgb(0, 0, 0) none", "rgb(255, 255, 255) rgb(0, 0, 0)"}, marks
    overflowing = page.evaluate("""() => [...document.querySelectorAll('#hub-readiness table')]
        .filter(table => table.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(table => table.caption.textContent)""")
    assert overflowing == []
    expect(page.locator(".hub-readiness-team ~ p, .md-content__inner > p").first).to_be_hidden()
    expect(root.locator(".hub-readiness-actions").first).to_be_hidden()
    pdf = tmp_path / "team.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(subprocess.run([tools.PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert all(words in text for words in ["The team's profile", "Statements to discuss first",
                                           "The team's action plan", expected_order()[0]])
    assert "Each leader completes" not in text and "Download the team's answers" not in text


def test_the_team_is_kept_exported_loaded_back_limited_to_six_and_cleared(page, site_url, tmp_path):
    files = team_files(page, site_url, tmp_path)
    root = team_page(page, site_url)
    page.set_input_files("#hub-readiness-team-files", files)
    expect(root.get_by_role("status")).to_contain_text("3 people compared.")
    shown = statement_order(root), root.locator("table").first.inner_text()
    root = team_page(page, site_url)
    expect(root.get_by_role("status")).to_contain_text("3 people compared.")
    assert (statement_order(root), root.locator("table").first.inner_text()) == shown

    exported = {}
    for kind in ("JSON", "CSV"):
        with page.expect_download() as download:
            root.get_by_role("button", name=re.compile(f"\\({kind}\\)")).click()
        exported[kind] = tmp_path / f"team.{kind.lower()}"
        shutil.copy(download.value.path(), exported[kind])
    for kind, path in exported.items():
        root.get_by_role("button", name="Clear the team's answers").click()
        page.get_by_role("dialog").get_by_role("button", name="Clear the team's answers").click()
        expect(root.get_by_role("status").filter(has_text="No files loaded yet.")).to_be_visible()
        assert page.evaluate(f"localStorage.getItem('{TEAM_KEY}')") is None
        page.set_input_files("#hub-readiness-team-files", str(path))
        expect(root.get_by_role("status").filter(has_text="3 people compared.")).to_be_visible()
        assert (statement_order(root), root.locator("table").first.inner_text()) == shown, kind

    more = []
    for index in range(4):
        path = tmp_path / f"Extra {index + 1}.json"
        path.write_text(record(f"Extra {index + 1}", {"funding": index + 1}), encoding="utf-8")
        more.append(str(path))
    page.set_input_files("#hub-readiness-team-files", more)
    expect(root.get_by_role("alert")).to_have_text(
        "Extra 4.json was not loaded: the team view combines up to 6 people's answers. Remove someone to make room.")
    expect(root.get_by_role("status").filter(has_text="people compared")).to_contain_text("6 people compared.")
    root.get_by_role("button", name="Clear the team's answers").click()
    page.get_by_role("dialog").get_by_role("button", name="Keep them").click()
    expect(root.get_by_role("status").filter(has_text="people compared")).to_contain_text("6 people compared.")


def test_on_a_phone_the_table_of_scores_takes_the_charts_place(page, site_url, tmp_path):
    files = team_files(page, site_url, tmp_path)
    page.set_viewport_size({"width": 390, "height": 844})
    root = team_page(page, site_url)
    page.set_input_files("#hub-readiness-team-files", files)
    expect(root.get_by_role("status")).to_contain_text("3 people compared.")
    expect(root.locator("svg.hub-team-chart")).to_be_hidden()
    expect(root.locator(".hub-team-narrow")).to_be_visible()
    expect(root.locator(".hub-team-narrow + * table, .hub-team-narrow + table").first).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert tools.violations(page) == ""
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(root.locator("svg.hub-team-chart")).to_be_visible()
    expect(root.locator(".hub-team-narrow")).to_be_hidden()
