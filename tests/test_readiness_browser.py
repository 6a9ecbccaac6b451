"""The readiness assessment in a real browser, on a site built from the synthetic fixture instrument.

Keyboard-only completion, autosave across reloads, export and re-import in a fresh profile, damaged
files and saved records, the team merge, printing, privacy and axe. Runs Debian's Chromium; without
it the tests are skipped with a reason, except on CI (`CI=true`), where that is a failure.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import tools

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402

KEY = "hub-readiness:organisational"
ITEMS = ["funding", "room", "protected-time", "cover", "no-other-change"]
"""The fixture instrument's statements, in the order the form asks them."""


@pytest.fixture(scope="module")
def site_url(readiness_site):
    with tools.serve(readiness_site) as url:
        yield url


@pytest.fixture
def context(browser):
    """A context of the test's own, for a test that changes the context itself."""
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def page(page):
    """A fresh page that fails the test on any error a script of the page throws."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == []


def form(page, site_url):
    page.goto(site_url + "readiness/organisational/")
    page.locator("fieldset").first.wait_for()


def save(page, site_url, answers: dict, respondent: str = "") -> None:
    """Answer by clicking, as a person with a mouse would, so the page itself writes the record."""
    form(page, site_url)
    page.fill("#hub-readiness-respondent", respondent)
    tools.answer(page, answers)


def export(page, site_url, kind: str = "JSON") -> Path:
    page.goto(site_url + "readiness/organisational/results/")
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile(kind)).click()
    return Path(download.value.path())


def test_the_form_is_completed_with_the_keyboard_alone_and_survives_a_reload(page, site_url):
    form(page, site_url)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "hub-readiness-respondent":
            break
    page.keyboard.type("Ward manager")
    presses = {"funding": 1, "room": 3, "protected-time": 5, "cover": 0, "no-other-change": 2}
    page.keyboard.press("Tab")  # the import control
    page.keyboard.press("Tab")  # start again
    for _ in range(page.locator(".hub-readiness-jump a, .hub-readiness-jump button").count()):
        page.keyboard.press("Tab")  # the links to each domain, and the blank copy's print button
    for item in ITEMS:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == f"item-{item}"
        if presses[item]:
            for _ in range(presses[item]):
                page.keyboard.press("ArrowRight")
        else:
            page.keyboard.press("Space")
    expected = {"funding": "2", "room": "4", "protected-time": "dont-know", "cover": "1", "no-other-change": "3"}
    assert tools.answered(page) == expected
    expect(page.locator("#hub-readiness-progress-text")).to_have_text("5 of 5 statements answered")
    page.reload()
    page.locator("fieldset").first.wait_for()
    assert tools.answered(page) == expected
    assert page.input_value("#hub-readiness-respondent") == "Ward manager"
    page.keyboard.press("End")
    link = page.get_by_role("link", name="See your results and action plan")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/results/")
    expect(page.locator("#action-plan")).to_be_visible()


def test_results_show_the_profile_bands_gaps_fits_and_plan(page, site_url):
    save(page, site_url, {"funding": 1, "room": 2, "protected-time": "dont-know", "cover": 2, "no-other-change": 5})
    page.goto(site_url + "readiness/organisational/results/")
    root = page.locator("#hub-readiness")
    expect(root.locator('svg[role="img"] title')).to_have_text("Domain profile")
    rows = root.locator("table").first.locator("tbody tr")
    assert [rows.nth(i).locator("th").inner_text() for i in range(2)] == ["Money", "Time"]
    assert rows.nth(0).inner_text().split("\t")[1:3] == ["1.5", "Not yet ready"]
    assert rows.nth(1).inner_text().split("\t")[1:3] == ["3.5", "Ready"], "don't know is left out, not a zero"
    essentials = root.locator("#essentials + ul").inner_text()
    assert "There is a room for sessions. Your answer: 2 (Disagree)." in essentials
    assert "Staff have protected time to take part. Your answer: Don't know." in essentials
    fits = root.locator(".hub-readiness-fits").inner_text()
    assert "Peer huddles" in fits and "Little money; these approaches have no licence fee." in fits
    plan = root.locator(".hub-readiness-plan").inner_text()
    assert re.search(r"Made on \d{1,2} [A-Z][a-z]+ \d{4}", plan)
    assert plan.index("Book a room") < plan.index("Money (Not yet ready, 1.5)") < plan.index("Find out:")
    assert "Time (" not in plan, "a domain in a good band gets no recommendations"
    expect(root.locator("#dont-know + ul")).to_contain_text("Staff have protected time to take part.")


def test_unanswered_statements_are_reported_and_not_scored(page, site_url):
    save(page, site_url, {"funding": 5})
    page.goto(site_url + "readiness/organisational/results/")
    root = page.locator("#hub-readiness")
    expect(root.locator("#unanswered + ul li")).to_have_count(4)
    assert "Not scored" in root.locator("table").first.inner_text()


def results_text(page) -> str:
    """The results page's text, but for the day the plan was made on, which is the day it is shown:
    a run that passes midnight would otherwise see two."""
    return re.sub(r"Made on .+? from the", "Made on (today) from the", page.locator("#hub-readiness").inner_text())


def test_export_then_import_in_a_fresh_profile_gives_the_same_results(browser, page, site_url):
    save(page, site_url, {"funding": 2, "room": 4, "protected-time": 1, "cover": "dont-know"}, "Matron")
    exported = export(page, site_url)
    before = results_text(page)
    record = json.loads(exported.read_text(encoding="utf-8"))
    assert record["respondent"] == "Matron" and record["results"]["essentialsNotMet"] == ["protected-time"]
    csv = export(page, site_url, "CSV").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbfRespondent,Domain,") and csv.count(b"\r\n") == 1 + len(ITEMS)

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        form(other, site_url)
        other.set_input_files("#hub-readiness-import", str(exported))
        expect(other.get_by_role("status").filter(has_text="Imported 4 answers")).to_be_visible()
        assert tools.answered(other) == {"funding": "2", "room": "4", "protected-time": "1", "cover": "dont-know"}
        other.goto(site_url + "readiness/organisational/results/")
        other.locator("#action-plan").wait_for()
        assert results_text(other) == before
    finally:
        fresh.close()


def test_a_damaged_file_is_refused_and_the_answers_kept(page, site_url, tmp_path):
    save(page, site_url, {"funding": 3, "room": 5})
    stored = page.evaluate(f"localStorage.getItem('{KEY}')")
    damaged = tmp_path / "answers.json"
    damaged.write_text('{"format": "shared-learning-hub/readiness-answers", "answers": {', encoding="utf-8")
    page.set_input_files("#hub-readiness-import", str(damaged))
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("answers.json could not be imported: it is not a JSON file, or it is damaged")
    expect(alert).to_contain_text("Your answers have not changed.")
    assert tools.answered(page) == {"funding": "3", "room": "5"}
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == stored
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**json.loads(stored), "instrumentVersion": 1}), encoding="utf-8")
    page.set_input_files("#hub-readiness-import", str(other))
    expect(alert).to_contain_text("version 1")
    assert tools.answered(page) == {"funding": "3", "room": "5"}


UNREADABLE = [
    ("{not json", "it is not a JSON file, or it is damaged"),
    ('{"format": "shared-learning-hub/readiness-answers", "version": 1, "instrument": "organisational", '
     '"instrumentVersion": 1, "answers": {}}', "version 1"),
]

def stored(page):
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def store_raw(page, site_url, raw: str, full: bool = False) -> None:
    """Put `raw` where the form keeps its record, as an older page or a damaged disk would leave it."""
    page.goto(site_url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, raw])
    if full:
        page.evaluate(tools.FILL_STORAGE)


@pytest.mark.parametrize("saved,reason", UNREADABLE, ids=["corrupt", "older"])
def test_a_record_that_cannot_be_read_is_kept_as_it_is_until_the_reader_starts_afresh(page, site_url, saved, reason):
    store_raw(page, site_url, saved)
    form(page, site_url)
    notice = page.locator(".hub-readiness-unreadable")
    expect(notice).to_contain_text("could not be read")
    expect(notice).to_contain_text(reason)
    expect(page.locator("fieldset")).to_have_count(len(ITEMS))
    for control in ["#hub-readiness-respondent", "#hub-readiness-import", f'input[name="item-{ITEMS[0]}"] >> nth=0']:
        expect(page.locator(control)).to_be_disabled()
    assert tools.violations(page) == ""
    with page.expect_download() as download:
        notice.get_by_role("button", name="Download the unreadable record").click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == saved
    page.goto(site_url + "readiness/organisational/results/")
    expect(page.locator(".hub-readiness-unreadable")).to_contain_text(reason)
    form(page, site_url)
    assert stored(page) == saved, "nothing is saved over it, in any page, until the reader chooses"

    page.locator(".hub-readiness-unreadable").get_by_role("button", name="Start afresh").click()
    expect(page.get_by_role("status").filter(has_text="are deleted")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "hub-readiness-respondent"
    page.keyboard.type("Matron")
    page.locator('input[name="item-funding"][value="3"]').check()
    assert json.loads(stored(page))["answers"] == {"funding": 3}


def test_with_the_storage_full_neither_the_unreadable_record_nor_new_answers_are_lost(page, site_url):
    store_raw(page, site_url, "{not json", full=True)
    form(page, site_url)
    expect(page.locator(".hub-readiness-unreadable")).to_contain_text("could not be read")
    expect(page.locator('input[name="item-funding"]').first).to_be_disabled()
    assert stored(page) == "{not json"
    page.get_by_role("button", name="Start afresh").click()
    assert stored(page) is None
    page.locator('input[name="item-funding"][value="4"]').check()
    page.locator('input[name="item-room"][value="dont-know"]').check()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("could not be saved in this browser")
    expect(page.locator(".hub-readiness-saved")).to_have_text("Not saved in this browser.")
    assert tools.answered(page) == {"funding": "4", "room": "dont-know"}
    with page.expect_download() as download:
        alert.get_by_role("button", name="Download your answers (JSON)").click()
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["answers"] == {
        "funding": 4, "room": "dont-know"}


def test_where_storage_is_blocked_the_answers_can_still_be_downloaded(context, site_url):
    context.add_init_script("""Object.defineProperty(window, 'localStorage',
        { get() { throw new DOMException('blocked', 'SecurityError'); } });""")
    page = context.new_page()
    form(page, site_url)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("could not be saved in this browser")
    page.fill("#hub-readiness-respondent", "Matron")
    page.locator('input[name="item-cover"][value="5"]').check()
    with page.expect_download() as download:
        alert.get_by_role("button", name="Download your answers (JSON)").click()
    record = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert (record["respondent"], record["answers"]) == ("Matron", {"cover": 5})


def test_a_saved_record_without_a_valid_date_shows_no_date(page, site_url):
    save(page, site_url, {"funding": 2})
    record = {**json.loads(stored(page)), "saved": "yesterday"}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(record)])
    page.goto(site_url + "readiness/organisational/results/")
    summary = page.locator(".hub-readiness-summary")
    expect(summary).to_contain_text("You answered 1 of 5")
    assert "saved on" not in summary.inner_text()


def test_an_import_asks_before_replacing_a_typed_name_and_a_refusal_changes_nothing(page, site_url):
    save(page, site_url, {"funding": 2, "room": 4}, "Matron")
    exported = export(page, site_url)
    page.evaluate(f"localStorage.removeItem('{KEY}')")
    save(page, site_url, {}, "Ward manager")
    before = stored(page)
    page.set_input_files("#hub-readiness-import", str(exported))
    dialog = page.get_by_role("dialog", name="Replace what you have entered?")
    expect(dialog).to_contain_text('This page holds the name "Ward manager" and 0 answers.')
    expect(dialog).to_contain_text('holds the name "Matron" and 2 answers')
    assert page.evaluate("document.activeElement.textContent") == "Keep what I entered"
    assert tools.violations(page) == ""
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="was not imported")).to_be_visible()
    assert page.input_value("#hub-readiness-respondent") == "Ward manager" and tools.answered(page) == {}
    assert stored(page) == before

    page.set_input_files("#hub-readiness-import", str(exported))
    expect(dialog).to_be_visible()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Imported 2 answers")).to_be_visible()
    assert page.input_value("#hub-readiness-respondent") == "Matron"
    assert tools.answered(page) == {"funding": "2", "room": "4"}
    assert json.loads(stored(page))["respondent"] == "Matron"


def test_start_again_asks_before_clearing(page, site_url):
    save(page, site_url, {"funding": 3})
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("dialog").get_by_role("button", name="Keep my answers").click()
    assert tools.answered(page) == {"funding": "3"}
    assert page.evaluate("document.activeElement.textContent") == "Start again", "focus goes back where it was"
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("dialog").get_by_role("button", name="Clear my answers").click()
    expect(page.get_by_role("status").filter(has_text="cleared")).to_be_visible()
    assert tools.answered(page) == {}
    assert stored(page) is None


def test_the_team_page_merges_three_exports_and_flags_disagreements(page, site_url, tmp_path):
    people = {"Senior": {"funding": 1, "room": 4, "protected-time": 4, "cover": 4, "no-other-change": 4},
              "Middle": {"funding": 3, "room": 4, "protected-time": "dont-know", "cover": 5, "no-other-change": 4},
              "Operational": {"funding": 2, "room": 5, "protected-time": 2, "cover": 4}}
    files = []
    for name, answers in people.items():
        page.evaluate(f"localStorage.removeItem('{KEY}')") if files else None
        save(page, site_url, answers, name)
        target = tmp_path / f"{name}.json"
        shutil.copy(export(page, site_url), target)
        files.append(str(target))
    broken = tmp_path / "broken.json"
    broken.write_text("[]", encoding="utf-8")
    page.goto(site_url + "readiness/organisational/team/")
    page.set_input_files("#hub-readiness-team-files", files + [str(broken)])
    expect(page.get_by_role("alert")).to_contain_text("broken.json could not be read")
    root = page.locator("#hub-readiness")
    expect(root.get_by_role("status")).to_have_text(
        "3 people compared. 2 statements where people are 2 or more points apart.")
    statements = root.get_by_role("table", name="Statements, most disagreement first")
    assert statements.locator("thead th").all_inner_texts()[2:6] == ["Senior", "Middle", "Operational", "Team answer"]
    rows = statements.locator("tbody tr")
    assert rows.nth(0).inner_text().split("\t") == [
        "Staff have protected time to take part.", "Time", "4 (Agree)", "Don't know", "2 (Disagree)", "2 (Disagree)",
        "2 points apart", "1"]
    assert rows.nth(1).inner_text().split("\t")[2:] == [
        "1 (Strongly disagree)", "3 (Neither agree nor disagree)", "2 (Disagree)", "2 (Disagree)", "2 points apart",
        "0"]
    assert "Not answered" in rows.filter(has_text="The ward is not in the middle").inner_text()
    assert tools.violations(page) == ""


def test_printing_shows_the_action_plan_without_the_site_chrome(page, site_url):
    save(page, site_url, {"funding": 1, "room": 1})
    page.goto(site_url + "readiness/organisational/results/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".hub-readiness-plan")).to_be_visible()
    assert page.locator(".hub-readiness-actions").count() >= 2, "the plan's own buttons and those to take away"
    for buttons in page.locator(".hub-readiness-actions").all():
        expect(buttons).to_be_hidden()
    expect(page.locator(".hub-readiness-plan")).to_contain_text("Made on")


def test_nothing_is_requested_while_answering_exporting_and_importing(page, site_url):
    form(page, site_url)
    tools.wait_until_built(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.fill("#hub-readiness-respondent", "Private person")
    for item in ITEMS:
        page.locator(f'input[name="item-{item}"][value="4"]').check()
    page.goto(site_url + "readiness/organisational/results/")
    page.locator("#action-plan").wait_for()
    tools.wait_until_built(page)
    requests.clear()
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("JSON")).click()
    with page.expect_download():
        page.get_by_role("button", name=re.compile("CSV")).click()
    exported = Path(download.value.path())
    page.goto(site_url + "readiness/organisational/")
    page.locator("fieldset").first.wait_for()
    tools.wait_until_built(page)
    requests.clear()
    page.set_input_files("#hub-readiness-import", str(exported))
    page.get_by_role("dialog").get_by_role("button", name=re.compile("^Replace with")).click()
    expect(page.get_by_role("status").filter(has_text="Imported")).to_be_visible()
    page.locator(f'input[name="item-{ITEMS[0]}"][value="2"]').check()
    assert [url for url in requests if not url.startswith(("blob:", "data:"))] == []
