"""The readiness results' files and print in the browser: each export (JSON and CSV) imports back to the same
answers after a fresh start; a bad file is refused in plain words naming its line or field, and the answers
already entered stay exactly as they were; each print button prints what it names, on A4. Runs Debian's
Chromium on the real site."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import tools

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402

KEY = "hub-readiness:organisational"
ANSWERS = {"shared-need": "2", "committed-leads": "2", "senior-sponsor": "5", "clinical-champion": "5", "funding": "1",
           "protected-time": "dont-know", "baseline": "4"}
"""Two domains scored, one weak and one strong, some statements unanswered and one "don't know"."""
RESPONDENT = '=HYPERLINK("x"), "Matron" <b>'
"""A name a spreadsheet would run and HTML would parse: it must come back as the same text."""


@pytest.fixture(scope="module")
def site_url(real_site):
    with tools.serve(real_site) as url:
        yield url


def answer(page, site_url) -> None:
    page.goto(site_url + "readiness/organisational/")
    page.locator("fieldset").first.wait_for()
    page.fill("#hub-readiness-respondent", RESPONDENT)
    tools.answer(page, ANSWERS)


def results_text(page, site_url) -> str:
    page.goto(site_url + "readiness/organisational/results/")
    page.locator("#action-plan").wait_for()
    return page.locator("#hub-readiness").inner_text()


def export(page, kind: str) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile(kind)).click()
    return Path(download.value.path())


@pytest.mark.parametrize("kind", ["JSON", "CSV"])
def test_an_export_imports_back_to_the_same_answers_after_a_fresh_start(page, site_url, kind, tmp_path):
    answer(page, site_url)
    before = results_text(page, site_url)
    exported = tmp_path / f"answers.{kind.lower()}"
    shutil.copy(export(page, kind), exported)
    page.goto(site_url + "readiness/organisational/")
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("dialog").get_by_role("button", name="Clear my answers").click()
    expect(page.get_by_role("status").filter(has_text="cleared")).to_be_visible()
    assert tools.answered(page) == {} and page.input_value("#hub-readiness-respondent") == ""

    page.set_input_files("#hub-readiness-import", str(exported))
    expect(page.get_by_role("status").filter(has_text=f"Imported {len(ANSWERS)} answers")).to_be_visible()
    assert tools.answered(page) == ANSWERS
    assert page.input_value("#hub-readiness-respondent") == RESPONDENT
    assert results_text(page, site_url) == before


BAD_FILES = [
    ("empty.json", "", "empty.json could not be imported: the file is empty."),
    ("notes.txt", "Minutes of the meeting\nNothing here", "neither a JSON nor a CSV file of answers"),
    ("other.json", '{"format": "shared-learning-hub/readiness-answers", "version": 1, "instrument": "other", '
     '"instrumentVersion": 1, "answers": {}}', '"instrument" field says it holds answers to another assessment'),
    ("unknown.json", '{"format": "shared-learning-hub/readiness-answers", "version": 1, "instrument": '
     '"organisational", "instrumentVersion": 1, "answers": {"made-up": 3}}',
     'in "answers": "made-up" is a statement this assessment does not have'),
    ("cut.json", '{"format": "shared-learning-hub/readiness-answers",\n "answers": {',
     "it ends on line 2 before it is complete, so it may be cut short"),
]
"""Bad files, each with the words the reader is shown; the CSV ones are made from a real export below."""


def test_a_bad_file_is_refused_in_plain_words_and_the_answers_kept(page, site_url, tmp_path):
    answer(page, site_url)
    page.goto(site_url + "readiness/organisational/results/")
    csv = export(page, "CSV").read_bytes().decode("utf-8-sig").split("\r\n")
    line = next(number for number, row in enumerate(csv) if ",senior-sponsor," in row)
    off_scale = [row.replace(",5,Strongly agree,", ",7,Strongly agree,") for row in csv]
    bad = [*BAD_FILES,
           ("cut.csv", "\r\n".join(csv[:9]), "cut.csv could not be imported: it stops at line 9 with 8 of the"),
           ("scale.csv", "\r\n".join(off_scale),
            f'line {line + 1}: the answer to "senior-sponsor" is 7, which is not 1 to 5')]
    page.goto(site_url + "readiness/organisational/")
    page.locator("fieldset").first.wait_for()
    stored = page.evaluate(f"localStorage.getItem('{KEY}')")
    alert = page.get_by_role("alert")
    for name, text, words in bad:
        (tmp_path / name).write_text(text, encoding="utf-8")
        page.set_input_files("#hub-readiness-import", str(tmp_path / name))
        expect(alert).to_contain_text(words)
        expect(alert).to_contain_text("Your answers have not changed.")
        expect(alert).not_to_contain_text("JSON at position")
        expect(page.get_by_role("dialog")).to_have_count(0)
        assert tools.answered(page) == ANSWERS
        assert page.evaluate(f"localStorage.getItem('{KEY}')") == stored
    assert tools.violations(page) == ""


def test_an_import_over_answers_asks_first_showing_the_file_date_and_count(page, site_url, tmp_path):
    answer(page, site_url)
    page.goto(site_url + "readiness/organisational/results/")
    exported = tmp_path / "answers.csv"
    shutil.copy(export(page, "CSV"), exported)
    page.goto(site_url + "readiness/organisational/")
    page.locator('input[name="item-funding"][value="3"]').check()
    stored = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.set_input_files("#hub-readiness-import", str(exported))
    dialog = page.get_by_role("dialog")
    saved_on = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    expect(dialog).to_contain_text(f"answers.csv holds the name \"{RESPONDENT}\" and {len(ANSWERS)} answers, "
                                   f"saved on {saved_on}")
    assert tools.violations(page) == ""
    dialog.get_by_role("button", name="Keep what I entered").click()
    assert tools.answered(page)["funding"] == "3"
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == stored


SECTIONS = ["h1", "#profile", "#essentials", "#approaches", "#action-plan", ".hub-readiness-plan ol", "#take-away"]


def printed(page, site_url, button: str) -> dict:
    """Which sections show on paper once `button` has set up the print (window.print stubbed: no dialog)."""
    page.goto(site_url + "readiness/organisational/results/")
    page.locator("#action-plan").wait_for()
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name=button).click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    return {selector: page.locator(selector).first.is_visible() for selector in SECTIONS}


def pdf_text(page, tmp_path) -> str:
    """The text of the page printed to an A4 PDF."""
    tools.require_pdftotext()
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")
    return subprocess.run([tools.PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_print_the_action_plan_prints_the_plan_alone_on_a4(page, site_url, tmp_path):
    answer(page, site_url)
    shown = printed(page, site_url, "Print the action plan")
    assert shown == {"h1": False, "#profile": False, "#essentials": False, "#approaches": False,
                     "#action-plan": True, ".hub-readiness-plan ol": True, "#take-away": False}
    assert page.evaluate("document.documentElement.classList.contains('hub-print-plan')")
    plan = page.locator(".hub-readiness-plan li").first.inner_text()
    text = pdf_text(page, tmp_path)
    assert "Action plan" in text and " ".join(plan.split()[:4]) in " ".join(text.split())
    assert "Your profile" not in text and "Recommended approaches" not in text
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('hub-print-plan')")
    page.emulate_media(media="print")
    expect(page.locator("#profile")).to_be_visible()


def test_print_results_prints_the_full_results_in_black_and_white_within_a4(page, site_url, tmp_path):
    answer(page, site_url)
    page.set_viewport_size({"width": 718, "height": 1000})  # A4's width less 1 cm margins, in CSS pixels
    shown = printed(page, site_url, "Print results")
    assert shown == {"h1": True, "#profile": True, "#essentials": True, "#approaches": True,
                     "#action-plan": True, ".hub-readiness-plan ol": True, "#take-away": False}
    overflowing = page.evaluate("""() => [...document.querySelectorAll('#hub-readiness table')]
        .filter(table => table.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                         || table.scrollWidth > table.parentElement.clientWidth + 1).length""")
    assert overflowing == 0
    colours = page.evaluate("""() => [...document.querySelectorAll('#hub-readiness a, #hub-readiness td, rect')]
        .map(element => { const style = getComputedStyle(element);
                          return [element.outerHTML.slice(0, 60),
                                  element.tagName === 'rect' ? style.fill + ' ' + style.stroke : style.color]; })""")
    black_and_white = {"rgb(0, 0, 0)", "rgb(0, 0, 0) none", "rgb(255, 255, 255) rgb(0, 0, 0)"}
    assert {re.match(r"<\w+", element)[0] for element, _ in colours} == {"<a", "<td", "<rect"}
    assert [(element, colour) for element, colour in colours if colour not in black_and_white] == []
    assert page.evaluate("""() => [...document.querySelectorAll('article a')].filter(link => link.checkVisibility()
        && !getComputedStyle(link).textDecorationLine.includes('underline')).length""") == 0
    text = pdf_text(page, tmp_path)
    assert all(heading in text for heading in ["Your profile", "Recommended approaches", "Action plan"])
    assert "Keep or share your results" not in text
