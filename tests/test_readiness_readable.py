"""The readiness pages readable everywhere, in the browser: the profile chart's text at least 12 pixels on a
390 px phone, with a legend, and a domain scored from too few statements never ranked as the strongest; the
action plan's owners and dates kept and printed; links to each domain on the assessment page; a blank copy to
print and fill in. Runs Debian's Chromium on the real site; expectations come from the instrument's data."""

from __future__ import annotations

import json

import pytest
import tools
from test_readiness_over_time import answer
from test_readiness_round_trip import pdf_text

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402

OWNER = 'Head of HR <b>"Jo"</b>'


@pytest.fixture(scope="module")
def site(real_site):
    data = json.loads((real_site / "readiness/organisational/instrument.json").read_text(encoding="utf-8"))
    with tools.serve(real_site) as url:
        yield data, url


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_chart_reads_on_a_phone_has_a_legend_and_never_ranks_a_thin_domain_first(page, site, tmp_path):
    data, url = site
    thin, full = [domain for domain in data["domains"] if len(domain["items"]) >= 2][:2]
    half = len(thin["items"]) // 2
    answers = {item["id"]: 5 for item in thin["items"][:half]} | {item["id"]: 3 for item in full["items"]}
    answer(page, url, answers)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url + "readiness/organisational/results/")
    figure = page.locator(".hub-readiness-figure")
    figure.scroll_into_view_if_needed()
    sizes = page.evaluate("""() => [...document.querySelectorAll('.hub-readiness-chart text')]
        .map(text => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)""")
    assert sizes and min(sizes) >= 12, sizes
    legend = figure.locator(".hub-chart-legend li")
    assert [words(text).split(":")[0] for text in legend.all_inner_texts()] == \
        ["Filled bar", "Hollow bar", "Dashed line", "Dashed bar"]
    starts = [f"{band['label']} from {band['from']}" for band in data["bands"][1:]]
    assert all(start in legend.nth(2).inner_text() for start in starts)

    labels = page.locator(".hub-readiness-chart .hub-chart-label:not(.hub-chart-note)").all_text_contents()
    assert labels[0] == full["title"], "the domain with the highest score rests on half its statements"
    assert labels[1] == thin["title"]
    note = page.locator(".hub-chart-note")
    expect(note).to_have_text(f"too few answers to rank ({half} of {len(thin['items'])})")
    assert page.locator(".hub-readiness-chart .hub-chart-bar--partial").count() == 1
    row = page.locator("table").first.locator("tbody tr").filter(has_text=thin["title"])
    expect(row).to_contain_text("too few to rank")
    assert tools.violations(page) == ""

    owner = page.get_by_role("group", name="Who and when: Step 1").get_by_label("Owner")
    owner.fill(OWNER)
    page.get_by_role("group", name="Who and when: Step 1").get_by_label("Target date").fill("27/11/2026")
    page.get_by_role("group", name="Who and when: Step 1").get_by_label("Review date").fill("27 February 2027")
    assert "hub-readiness:actions:organisational" in page.evaluate("Object.keys(localStorage)")
    page.reload()
    step = page.get_by_role("group", name="Who and when: Step 1")
    expect(step.get_by_label("Owner")).to_have_value(OWNER)
    expect(step.get_by_label("Target date")).to_have_value("27/11/2026")
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="Print the action plan").click()
    page.emulate_media(media="print")
    text = words(pdf_text(page, tmp_path))
    page.emulate_media(media="screen")
    assert f"Owner: {OWNER}. Target date: 27 November 2026. Review date: 27 February 2027" in text
    assert "Owner: ____________ Target date: ____________ Review date: ____________" in text, "step 2, blank"
    assert "Your profile" not in text


def test_the_assessment_links_to_each_domain_and_prints_a_blank_copy(page, site, tmp_path):
    data, url = site
    page.goto(url + "readiness/organisational/")
    jump = page.get_by_role("navigation", name="The statements")
    for domain in data["domains"]:
        jump.get_by_role("link", name=domain["title"]).click()
        expect(page).to_have_url(f"{url}readiness/organisational/#domain-{domain['id']}")
        expect(page.locator(f"#domain-{domain['id']}")).to_be_in_viewport()
        page.locator("#hub-readiness-jump-title").scroll_into_view_if_needed()

    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Print a blank copy").click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    text = words(pdf_text(page, tmp_path))
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    statements = [item for domain in data["domains"] for item in domain["items"]]
    missing = [item["text"] for item in statements if words(item["text"]) not in text]
    assert missing == []
    assert f"{len(statements)}. {words(statements[-1]['text'])}" in text
    assert data["title"] in text and "Your role or name: ____" in text
    assert "Import answers" not in text and "Where the statements come from" not in text
    expect(page.locator(".hub-readiness-blank")).to_be_hidden()
