"""An approach's readiness checklist in the browser: reached from its approach page, each essential a tick box
with an owner and a target date while it is not in place, kept across a reload, shown as met or not from the
assessment's saved answers, downloaded as JSON and CSV, and printed. Runs Debian's Chromium on the real site."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import tools
from test_readiness_round_trip import pdf_text

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402

APPROACH = "schwartz-rounds"
OWNER = '=SUM(A1) "Ward 7" <b>lead</b>'
"""An owner's name a spreadsheet would run and HTML would parse: it must come back as the same text."""


@pytest.fixture(scope="module")
def site(real_site):
    with tools.serve(real_site) as url:
        yield real_site, url


def instrument(real_site: Path) -> dict:
    return json.loads((real_site / "readiness/organisational/instrument.json").read_text(encoding="utf-8"))


def overlaps(data: dict) -> list[dict]:
    """The approach's essentials that statements answer, as the instrument gives them."""
    return [overlap for overlap in data["essentials"] if overlap["approach"] == APPROACH]


def download(page, name: str) -> Path:
    with page.expect_download() as started:
        page.get_by_role("button", name=name).click()
    return Path(started.value.path())


def test_a_checklist_is_ticked_given_owners_and_dates_kept_downloaded_and_printed(page, site, tmp_path):
    real_site, url = site
    data = instrument(real_site)
    met, not_met, unknown, *_ = overlaps(data)
    essentials = data["checklists"][APPROACH]["essentials"]
    gap = next(essential for essential in essentials if essential["id"] == not_met["essential"])
    ticked = next(essential for essential in essentials if essential["id"] not in (met["essential"], gap["id"]))
    page.goto(url + "readiness/organisational/")
    page.locator(f'input[name="item-{met["item"]}"][value="5"]').check()
    page.locator(f'input[name="item-{not_met["item"]}"][value="2"]').check()

    page.goto(url + f"approaches/{APPROACH}/")
    page.get_by_role("link", name=f"Checklist for {data['checklists'][APPROACH]['title']}").click()
    tools.wait_until_built(page)
    for overlap, words in ((met, "From your assessment: met."), (not_met, "From your assessment: not met."),
                           (unknown, "From your assessment: not known.")):
        item = page.locator(".hub-checklist-item").filter(has=page.locator(f"#essential-{overlap['essential']}"))
        expect(item.locator(".hub-checklist-status")).to_contain_text(words)
    assert page.locator(".hub-checklist input[type=checkbox]").count() == len(essentials)

    page.check(f"#essential-{ticked['id']}")
    expect(page.locator(f"#task-{ticked['id']}-owner")).to_be_hidden()
    page.fill(f"#task-{gap['id']}-owner", OWNER)
    page.fill(f"#task-{gap['id']}-due", "31/11/2026")
    expect(page.locator(f"#task-{gap['id']}-due-problem")).to_contain_text("not a date we can read")
    page.fill(f"#task-{gap['id']}-due", "27/11/2026")
    expect(page.locator(f"#task-{gap['id']}-due-problem")).to_be_empty()
    assert f"hub-readiness:checklist:{APPROACH}" in page.evaluate("Object.keys(localStorage)")

    page.reload()
    tools.wait_until_built(page)
    assert page.is_checked(f"#essential-{ticked['id']}")
    assert page.input_value(f"#task-{gap['id']}-owner") == OWNER
    assert page.input_value(f"#task-{gap['id']}-due") == "27/11/2026"
    assert tools.violations(page) == ""

    exported = json.loads(download(page, "Download the checklist (JSON)").read_text(encoding="utf-8"))
    rows = {row["id"]: row for row in exported["essentials"]}
    assert list(rows) == [essential["id"] for essential in essentials]
    assert rows[ticked["id"]]["in_place"] is True
    assert rows[gap["id"]] | {"text": None} == {"id": gap["id"], "text": None, "in_place": False, "owner": OWNER,
                                                "target_date": "2026-11-27", "from_assessment": "not met"}
    assert rows[met["essential"]]["from_assessment"] == "met"
    table = list(csv.DictReader(io.StringIO(download(page, "Download for a spreadsheet (CSV)")
                                            .read_text(encoding="utf-8-sig"))))
    row = next(row for row in table if row["Essential id"] == gap["id"])
    assert (row["Owner"], row["Target date"], row["In place"]) == ("'" + OWNER, "2026-11-27", "no")

    page.emulate_media(media="print")
    text = " ".join(pdf_text(page, tmp_path).split())
    page.emulate_media(media="screen")
    assert f"[x] In place: {' '.join(ticked['text'].split()[:4])}" in text
    assert f"[ ] Not yet: {' '.join(gap['text'].split()[:4])}" in text
    assert f"Owner: {OWNER}. Target date: 27 November 2026" in text
    assert "Download the checklist" not in text

    page.get_by_role("button", name="Clear", exact=True).click()
    page.get_by_role("dialog").get_by_role("button", name="Clear the checklist").click()
    expect(page.locator(f"#essential-{ticked['id']}")).not_to_be_checked()
    assert page.input_value(f"#task-{gap['id']}-owner") == ""
    assert f"hub-readiness:checklist:{APPROACH}" not in page.evaluate("Object.keys(localStorage)")


def test_a_checklist_whose_data_cannot_load_keeps_its_list_under_the_message(page, site):
    real_site, url = site
    essentials = instrument(real_site)["checklists"][APPROACH]["essentials"]
    page.route("**/instrument.json", lambda route: route.fulfill(status=404, body="Not found"))
    page.goto(url + f"readiness/checklists/{APPROACH}/")
    expect(page.get_by_role("alert")).to_contain_text("The assessment could not be loaded")
    expect(page.locator("#hub-readiness li")).to_have_text([f"Essential: {item['text']}" for item in essentials])
