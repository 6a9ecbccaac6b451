"""The comparison of approaches and the evidence and gap map in a real browser, on the real site.

Every expectation comes from the built site's `entries.json`: which approaches there are, which case studies
name which approach, setting and staff group, and the finder's keys for them.
"""

from __future__ import annotations

import json
import re
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest
import tools

tools.require_chromium()

COMPARE = "compare-approaches/"
GAP_MAP = "evidence-and-gap-map/"
SHARE = "contributing/share/"
WORDS_CUT = """table => {
    const cut = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/[^\\s,;()]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
            if (lines.size > 1 && !match[0].includes("-")) cut.push(match[0]);
        }
    }
    return cut;
}"""
"""The words of a table that are drawn on more than one line: cut mid-word (a hyphen is a fair place to break)."""


@pytest.fixture(scope="module")
def real(real_site):
    with tools.serve(real_site) as url:
        yield url, json.loads((real_site / "entries.json").read_text(encoding="utf-8"))


def shown_rows(page) -> list[str]:
    return page.eval_on_selector_all("table.hub-compare tbody tr:not([hidden])",
                                     "rows => rows.map(row => row.id.replace('hub-compare-', ''))")


def test_choosing_approaches_keeps_them_in_the_address_and_a_reload_restores_them(page, real):
    url, data = real
    slugs = [approach["slug"] for approach in data["approaches"]]
    assert len(slugs) >= 3, "the real site should have approaches enough to choose from"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url + COMPARE)
    page.locator("#hub-compare-choose fieldset").wait_for(state="attached")
    assert shown_rows(page) == slugs

    chosen = [slugs[-1], slugs[0]]
    page.locator("#hub-compare-choose summary").click()
    for slug in chosen:
        page.locator(f"#hub-choose-{slug}").check()
    in_order = [slug for slug in slugs if slug in chosen]
    assert page.evaluate("location.search") == f"?approaches={','.join(in_order)}"
    assert shown_rows(page) == in_order
    status = page.locator("#hub-compare-status")
    assert status.text_content() == f"Comparing 2 of {len(slugs)} approaches."
    assert status.get_attribute("role") == "status"
    assert tools.violations_in_each_scheme(page) == {}  # as it opens, test_browser checks it with every type of page

    page.reload()
    page.locator("#hub-compare-choose fieldset").wait_for(state="attached")
    assert shown_rows(page) == in_order
    assert all(page.locator(f"#hub-choose-{slug}").is_checked() for slug in chosen)
    assert page.locator(".hub-compare-choose__chosen").text_content() == " (2 chosen)"
    page.locator("#hub-compare-choose summary").click()
    page.get_by_role("button", name="Show all approaches").click()
    assert shown_rows(page) == slugs and page.evaluate("location.search") == ""
    assert page.evaluate("document.activeElement.id") == f"hub-choose-{slugs[0]}"


def test_at_1280_px_every_column_is_in_view_the_header_and_names_stick_and_no_word_is_cut(page, real):
    url, data = real
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url + COMPARE)
    table = page.locator("table.hub-compare")
    sizes = page.evaluate("""() => { const box = document.querySelector('.hub-table-scroll');
        return {scroll: box.scrollWidth, client: box.clientWidth, page: document.documentElement.scrollWidth,
                view: innerWidth}; }""")
    assert sizes["scroll"] <= sizes["client"] and sizes["page"] <= sizes["view"], sizes
    headings = table.locator("thead th")
    assert headings.last.text_content().strip().startswith("Case studies")
    assert "Providers" in [text.strip() for text in headings.all_text_contents()]
    box, last = page.locator(".hub-table-scroll").bounding_box(), headings.last.bounding_box()
    assert last["x"] + last["width"] <= box["x"] + box["width"] + 1
    sticky = page.evaluate("""() => [document.querySelector('.hub-compare thead th:last-child'),
        document.querySelector('.hub-compare tbody th[scope=row]')].map(cell => getComputedStyle(cell).position)""")
    assert sticky == ["sticky", "sticky"]
    assert table.evaluate(WORDS_CUT) == []
    assert table.locator("tbody tr").count() == len(data["approaches"])
    page.set_viewport_size({"width": 800, "height": 900})  # narrower still, a word is not cut: the table scrolls
    assert table.evaluate(WORDS_CUT) == []


def test_on_a_phone_each_approach_is_a_block_of_labelled_values(browser, real):
    url, data = real
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        slug = data["approaches"][0]["slug"]
        page.goto(f"{url}{COMPARE}?approaches={slug}")
        page.locator("#hub-compare-choose fieldset").wait_for(state="attached")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        layout = page.evaluate("""() => ({row: getComputedStyle(document.querySelector('.hub-compare tbody tr')).display,
            head: getComputedStyle(document.querySelector('.hub-compare thead')).display})""")
        assert layout == {"row": "block", "head": "none"}
        row = page.locator(f"#hub-compare-{slug}")
        labels = row.locator(".hub-compare__label")
        headings = [text.strip() for text in page.locator("table.hub-compare thead th").all_text_contents()][1:]
        assert [text.strip() for text in labels.all_text_contents()] == headings
        assert all(label.is_visible() for label in labels.all())
        first, second = (row.locator("td").nth(index).bounding_box() for index in (0, 1))
        assert second["y"] >= first["y"] + first["height"] - 1  # one value under the other, not beside it
        assert tools.violations(page) == ""
    finally:
        context.close()


def test_without_javascript_every_approach_is_compared_and_no_chooser_shows(browser, real):
    url, data = real
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{url}{COMPARE}?approaches={data['approaches'][0]['slug']}")
        assert page.locator("table.hub-compare tbody tr:visible").count() == len(data["approaches"])
        assert page.locator("#hub-compare-choose").is_hidden()
    finally:
        context.close()


def printed(page, tmp_path) -> tuple[str, bytes]:
    """The page printed to PDF by its own @page rules, as text laid out as printed, and the PDF itself."""
    tools.require_pdftotext()
    pdf = tmp_path / "printed.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    page.emulate_media(media="screen")
    text = subprocess.run([tools.PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text, pdf.read_bytes()


def landscape_a4(pdf: bytes) -> bool:
    boxes = {tuple(float(n) for n in box) for box in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)}
    return bool(boxes) and all(round(width) == 842 and round(height) == 595 for width, height in boxes)


def test_the_comparison_prints_on_a4_landscape_with_every_column(page, real, tmp_path):
    url, data = real
    page.goto(url + COMPARE)
    headings = [text.strip() for text in page.locator("table.hub-compare thead th").all_text_contents()]
    text, pdf = printed(page, tmp_path)
    assert landscape_a4(pdf)
    header = next(line for line in text.splitlines() if line.strip().startswith(headings[0]))
    assert all(heading.split()[0] in header for heading in headings), header
    flat = " ".join(text.split())
    assert all(approach["title"].split()[0] in flat for approach in data["approaches"])


def expected_counts(data: dict, key: str) -> dict[tuple[str, str], int]:
    """How many case studies the finder shows for each approach and value of the facet `key`."""
    counts: dict[tuple[str, str], int] = {}
    for study in data["case_studies"]:
        for slug in study["facets"]["approach"]:
            for value in study["facets"][key]:
                counts[slug, value] = counts.get((slug, value), 0) + 1
    return counts


def test_the_gap_map_counts_and_links_agree_with_entries_json(page, real):
    url, data = real
    facets = {facet["field"]: facet["key"] for facet in data["facets"]}
    page.goto(url + GAP_MAP)
    tables = page.locator("table.hub-gap-map")
    assert tables.count() == 2
    followed = None
    for index, field in enumerate(("settings", "staff_groups")):
        table, key = tables.nth(index), facets[field]
        values = list(data["vocabularies"][field])
        assert [t.strip() for t in table.locator("thead th").all_text_contents()] == (
            ["Approach"] + [data["vocabularies"][field][value] for value in values])
        assert table.locator("caption").count() == 1
        assert table.locator("tbody th[scope=row]").count() == len(data["approaches"])
        counts = expected_counts(data, key)
        cells = table.evaluate("""table => Array.from(table.tBodies[0].rows, row => Array.from(row.cells).slice(1)
            .map(cell => ({text: cell.textContent, links: Array.from(cell.querySelectorAll('a'), a => a.href)})))""")
        for approach, row in zip(data["approaches"], cells):
            level = data["vocabularies"]["evidence_levels"][approach["evidence_level"]]
            for value, cell in zip(values, row):
                count = counts.get((approach["slug"], value), 0)
                if count:
                    assert cell["text"].startswith(f"{count} case stud") and f"{level} evidence" in cell["text"]
                    query = parse_qs(urlsplit(cell["links"][0]).query)
                    assert query == {"approach": [approach["slug"]], key: [value]}
                    followed = followed or (cell["links"][0], count)
                else:
                    assert cell["text"].startswith("None yet")
                    assert [urlsplit(link).path for link in cell["links"]] == [urlsplit(url + SHARE).path]
    assert followed, "the real site should have at least one case study in the map"
    page.goto(followed[0])
    page.locator("#hub-finder form").wait_for()
    assert page.locator(".hub-card:not([hidden])").count() == followed[1]


def test_the_gap_map_is_linked_from_home_and_both_indexes_and_prints_on_a4_landscape(page, real, tmp_path):
    url, data = real
    for path in ("", "approaches/", "case-studies/"):
        page.goto(url + path)
        links = page.eval_on_selector_all("article a", "links => links.map(a => new URL(a.href).pathname)")
        assert urlsplit(url + GAP_MAP).path in links, path
    page.goto(url + GAP_MAP)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    text, pdf = printed(page, tmp_path)
    assert landscape_a4(pdf)
    flat = " ".join(text.split())
    assert all(re.split(r"[\s-]", label)[0] in flat for label in data["vocabularies"]["settings"].values())
