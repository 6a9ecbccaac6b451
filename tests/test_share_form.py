"""The "Share your case study" form in a real browser: it writes a file the check accepts.

Builds the base fixture repository (so the approaches it offers are known), serves it under the
site's path, and drives Debian's Chromium with Playwright. Without Chromium these tests skip with
a reason, except on CI (`CI=true`), where a missing browser is a failure.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import tools
from conftest import make_repo

from hooks import cli
from hooks.checks import loader
from hooks.model.fields import of as fields_of
from hooks.model.fields import walk

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402

REPO_URL = tools.MKDOCS_YML["repo_url"]
DRAFT_KEY = "hub-share-form:v1:case_study"
SECTION_TEXT = "We saw it on the ward: staff said \"no time\" — and #7 was the worst.\n\nA second paragraph."


@pytest.fixture(scope="module")
def form_url(base_site):
    """The base fixture built like the real site and served under the site's path."""
    with tools.serve(base_site) as url:
        yield f"{url}contributing/share/"


@pytest.fixture
def page(page, form_url):
    """A fresh page at the form, once the form is built."""
    page.goto(form_url)
    page.locator("#hub-share-form").wait_for()
    return page


VALID_CASE_STUDY = [
    ("#hub-field-title", "Peer support huddles in a hospice"),
    ("#hub-field-summary", "The ward sister at a hospice started weekly huddles where staff talk about the emotional "
                           "side of their work, and sickness absence fell."),
    ("#hub-field-organisation", "St Example's Hospice: \"Care\" & more"),
    ("#hub-field-organisation_types input[value='hospice']", True),
    ("#hub-field-settings input[value='palliative-care']", True),
    ("#hub-field-regions input[value='london']", True),
    ("#hub-field-approaches input[value='peer-huddles']", True),
    ("#hub-field-lcav_commitments input[value='6']", True),
    ("#hub-field-contact-name", "A Person"),
    ("#hub-field-contact-role", "Ward sister"),
    ("#hub-field-contact-email", "a.person@example.nhs.uk"),
    ("#hub-field-references-0-citation", "Example A. Huddles in hospices: a study"),
    ("#hub-field-references-0-year", "2024"),
    ("#hub-field-references-0-url", "https://example.org/huddles"),
    ("textarea[id^='hub-section-'][required]", SECTION_TEXT),
    ("#hub-section-0", SECTION_TEXT + " As a study found (Example A 2024)."),
]
"""A case study the check accepts, as the form's controls take it: the text of each box a selector finds, or
`True` for a box to tick."""


def fill_valid_case_study(page) -> None:
    """Fill in the form as VALID_CASE_STUDY says, in one request (`tools.fill`). Typing into the form key by key is
    shown by the tests of its checks, draft and dates."""
    tools.fill(page, VALID_CASE_STUDY)


def test_there_is_a_control_for_every_field_and_section(page, form_url):
    spec = json.loads(page.request.get(form_url + "../share-form.json").text())
    assert [field["name"] for field in spec["fields"]] == [field.name for field in fields_of("case_study")]
    asked = [field for field in fields_of("case_study") if field.default != "today"]
    assert len(asked) < len(fields_of("case_study"))
    for path, _field in walk(asked):
        control_id = "hub-field-" + path.replace("[].", "-0-").replace(".", "-")
        assert page.locator(f"#{control_id}").count() == 1, path
    for index in range(8):
        assert page.locator(f"#hub-section-{index}").count() == 1
    assert page.locator("#hub-share-fallback").is_hidden()
    assert page.get_by_label("Palliative and end of life care").count() == 1
    assert "(required)" in page.locator("label[for='hub-field-title']").inner_text()
    assert "(optional)" in page.locator("label[for='hub-field-updated']").inner_text()
    assert "The problem you saw" in page.locator("#hub-section-0-hint").inner_text()
    assert "write only: The source does not report this." in page.locator("#hub-section-0-hint").inner_text()
    assert "(this, Approaches not listed, or both)" in page.locator("#hub-field-approaches legend").inner_text()
    assert "(this, Approaches, or both)" in page.locator("label[for='hub-field-other_approaches']").inner_text()


def test_an_approach_not_listed_is_named_in_its_own_box_and_one_with_a_page_is_pointed_to(page):
    fill_valid_case_study(page)
    page.locator("#hub-field-approaches").get_by_label("Peer huddles").uncheck()
    page.fill("#hub-field-other_approaches", "Balint groups")
    expect(page.locator("#hub-share-todo h3")).to_have_text("The file is ready")
    assert 'other_approaches: ["Balint groups"]' in page.locator("#hub-share-output").input_value()
    page.fill("#hub-field-other_approaches", "Balint groups\nstaff huddles")
    page.locator("#hub-field-other_approaches").blur()
    expect(page.locator("#hub-field-other_approaches-error")).to_have_text(
        'the hub has a page for "staff huddles": choose "Peer huddles" under Approaches instead')


def test_the_hubs_date_is_not_asked_but_written_as_today_and_a_team_can_be_the_contact(page):
    assert page.locator("#hub-field-published").count() == 0
    assert f'published: "{date.today().isoformat()}"' in page.locator("#hub-share-output").input_value()
    page.fill("#hub-field-contact-role", "Ward sister")
    page.click("#hub-share-fix")
    expect(page.locator("#hub-field-contact-error")).to_have_text("fill in at least one of Name and Team")
    page.fill("#hub-field-contact-team", "Staff Wellbeing Team")
    expect(page.locator("#hub-field-contact-error")).to_be_hidden()
    assert 'contact:\n  role: "Ward sister"\n  team: "Staff Wellbeing Team"\n' in \
        page.locator("#hub-share-output").input_value()


def test_a_file_the_form_downloads_passes_the_check(page, tmp_path):
    fill_valid_case_study(page)
    expect(page.locator("#hub-share-todo h3")).to_have_text("The file is ready")
    with page.expect_download() as download:
        page.click("#hub-share-download")
    assert download.value.suggested_filename == "peer-support-huddles-in-a-hospice.md"
    root = make_repo(tmp_path / "repo")
    target = root / "case_studies" / download.value.suggested_filename
    download.value.save_as(target)
    out = io.StringIO()
    assert cli.check(root, out=out) == 0, out.getvalue()
    entry = loader.load(root).entries["case_study"]["peer-support-huddles-in-a-hospice"]
    assert entry.data["organisation"] == "St Example's Hospice: \"Care\" & more"
    assert entry.data["lcav_commitments"] == [6] and entry.data["references"][0]["year"] == 2024
    assert "#7 was the worst" in entry.body


def test_propose_on_github_opens_the_new_file_page_with_the_file(page):
    fill_valid_case_study(page)
    href = page.locator("#hub-share-propose").get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/new/main/case_studies"
    query = parse_qs(parts.query)
    assert query["filename"] == ["peer-support-huddles-in-a-hospice.md"]
    assert query["value"] == [page.locator("#hub-share-output").input_value()]


def test_a_file_too_long_for_a_link_is_proposed_by_pasting(page):
    fill_valid_case_study(page)
    page.fill("#hub-section-0", "Long text. " * 900)
    href = page.locator("#hub-share-propose").get_attribute("href")
    assert "value=" not in href and "filename=peer-support-huddles-in-a-hospice.md" in href
    assert "paste" in page.locator("#hub-share-url-note").inner_text()


def test_the_draft_survives_a_reload(page):
    page.fill("#hub-field-title", "A draft I will finish later")
    page.locator("#hub-field-settings").get_by_label("Maternity").check()
    page.fill("#hub-section-2", "Half written")
    page.reload()
    page.locator("#hub-share-form").wait_for()
    assert page.locator("#hub-field-title").input_value() == "A draft I will finish later"
    assert page.locator("#hub-field-settings").get_by_label("Maternity").is_checked()
    assert page.locator("#hub-section-2").input_value() == "Half written"
    assert "draft" in page.locator(".hub-share__draft").inner_text()


def stored(page):
    return page.evaluate(f"localStorage.getItem('{DRAFT_KEY}')")


def reload_with_draft(page, draft: str, full: bool = False) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [DRAFT_KEY, draft])
    if full:
        page.evaluate(tools.FILL_STORAGE)
    page.reload()
    page.locator("#hub-share-form").wait_for()


@pytest.mark.parametrize("draft,full,first", [("{not json", False, True), ("{not json", True, False),
                                              ('{"version": 2, "saved": "2026-11-25T10:00:00Z", "state": {}}', False,
                                               False)],
                         ids=["corrupt", "corrupt-storage-full", "newer"])
def test_an_unreadable_draft_is_kept_and_offered_as_a_download_before_anything_replaces_it(page, draft, full, first):
    reload_with_draft(page, draft, full)
    notice = page.locator(".hub-share__draft")
    expect(notice).to_contain_text("could not be read")
    expect(page.locator("#hub-field-title")).to_be_disabled()
    expect(page.locator("#hub-section-0")).to_be_disabled()
    if first:  # the notice and the locked form are the same whatever made the draft unreadable: axe reads them once
        assert tools.violations(page) == ""
    with page.expect_download() as download:
        notice.get_by_role("button", name="Download the unreadable draft").click()
    assert download.value.suggested_filename == "unreadable-case-study-draft.json"
    assert Path(download.value.path()).read_text(encoding="utf-8") == draft
    page.reload()
    page.locator("#hub-share-form").wait_for()
    expect(notice).to_contain_text("could not be read")
    assert stored(page) == draft, "nothing replaces it, however often the page is opened"

    notice.get_by_role("button", name="Start afresh").click()
    expect(notice).to_have_text(re.compile("is deleted"))
    assert page.evaluate("document.activeElement.id") == "hub-field-title"
    assert stored(page) is None
    page.keyboard.type("A new start")
    if full:
        assert stored(page) is None
        expect(notice).to_contain_text("would not save the draft")
    else:
        assert json.loads(stored(page))["state"]["fields"]["title"] == "A new start"


@pytest.mark.parametrize("saved", [{"saved": "not a date"}, {"saved": None}, {}], ids=["invalid", "null", "missing"])
def test_a_draft_without_a_valid_date_comes_back_without_one(page, saved):
    reload_with_draft(page, json.dumps({"version": 1, **saved, "state": {"fields": {"title": "Kept"}}}))
    assert page.locator("#hub-field-title").input_value() == "Kept"
    expect(page.locator(".hub-share__draft")).to_have_text("Your draft is back. It is kept in this browser only.")


def test_live_checks_name_the_problem_at_the_field(page):
    page.fill("#hub-field-contact-email", "someone at nhs")
    page.locator("#hub-field-contact-email").blur()
    error = page.locator("#hub-field-contact-email-error")
    expect(error).to_be_visible()
    assert "email address" in error.inner_text()
    assert page.locator("#hub-field-contact-email").get_attribute("aria-invalid") == "true"
    page.fill("#hub-section-0", "## My own heading")
    page.locator("#hub-section-0").blur()
    assert "headings are added for you" in page.locator("#hub-section-0-error").inner_text()
    summary = page.locator("#hub-share-todo")
    assert "Still to do" in summary.inner_text()
    summary.get_by_role("link", name="Title").first.click()
    assert page.evaluate("document.activeElement.id") == "hub-field-title"


def test_references_can_be_added_and_removed_with_the_keyboard(page):
    page.locator("#hub-field-references-add").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hub-field-references-1-citation"
    assert page.locator("#hub-field-references-1").count() == 1
    page.get_by_role("button", name="Remove References 2").click()
    assert page.locator("#hub-field-references-1").count() == 0


def test_the_form_asks_nothing_of_a_third_party(browser, form_url):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(form_url)
    page.locator("#hub-share-form").wait_for()
    fill_valid_case_study(page)
    page.wait_for_function("([key, last]) => (localStorage.getItem(key) || '').includes(last)",
                           arg=[DRAFT_KEY, "(Example A 2024)."])  # the form has taken in the last thing typed
    context.close()
    assert [url for url in requests if urlsplit(url).hostname != "127.0.0.1"] == []


def test_the_content_security_policy_blocks_nothing_the_form_does(browser, form_url):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));""")
    page.goto(form_url)
    page.locator("#hub-share-form").wait_for()
    fill_valid_case_study(page)
    with page.expect_download():
        page.click("#hub-share-download")
    page.click("#hub-share-copy")
    assert page.evaluate("window.__violations") == []
    context.close()


def test_the_file_is_offered_only_when_it_is_ready_and_until_then_the_button_leads_to_the_first_problem(page):
    offers = ["#hub-share-copy", "#hub-share-download", "#hub-share-propose"]
    assert all(page.locator(offer).is_hidden() for offer in offers)
    gate = page.locator("#hub-share-fix")
    left = page.locator("#hub-share-todo li").count()
    expect(gate).to_have_text(f"Fix {left} problems to get your file: go to the first")
    first = page.locator("#hub-share-todo li a").first.get_attribute("href").removeprefix("#")
    gate.click()
    assert page.evaluate("""(id) => { const target = document.getElementById(id);
        return document.activeElement === target || target.contains(document.activeElement); }""", first)
    expect(page.locator(f"#{first}-error")).to_be_visible()
    fill_valid_case_study(page)
    expect(gate).to_be_hidden()
    assert all(page.locator(offer).is_visible() for offer in offers)


def test_a_date_is_typed_day_first_as_in_the_uk_and_written_as_the_schema_wants(page):
    updated = page.locator("#hub-field-updated")
    assert updated.get_attribute("type") == "text"
    assert "like 27/11/2026" in page.locator("#hub-field-updated-hint").inner_text()
    updated.fill("27112026")
    assert 'updated: "2026-11-27"' in page.locator("#hub-share-output").input_value()
    updated.fill("31/11/2026")
    updated.blur()
    expect(page.locator("#hub-field-updated-error")).to_have_text("write the day, month and year, like 27/11/2026")
    assert "YYYY" not in page.locator("#hub-share-form").inner_text()


@pytest.mark.parametrize("contact", ["", "hub.team@example.nhs.uk"], ids=["no address", "an address"])
def test_the_email_route_is_offered_only_where_the_site_gives_an_address(page, form_url, contact):
    spec = json.loads(page.request.get(form_url + "../share-form.json").text())
    page.route("**/share-form.json", lambda route: route.fulfill(json={**spec, "contact": contact}))
    page.goto(form_url)
    page.locator("#hub-share-form").wait_for()
    fill_valid_case_study(page)
    expect(page.locator("#hub-share-todo h3")).to_have_text("The file is ready")
    route = page.locator("#hub-share-email-route")
    if not contact:
        assert route.count() == 0
        return
    expect(route).to_be_visible()
    href = page.locator("#hub-share-email").get_attribute("href")
    assert href.startswith(f"mailto:{contact}?subject=")
    assert parse_qs(urlsplit(href).query)["subject"] == ["Case study for the hub: Peer support huddles in a hospice"]
    page.fill("#hub-field-title", "")
    expect(route).to_be_hidden()


def test_the_form_fits_a_phone_without_scrolling_sideways_and_passes_axe_in_either_colour_scheme(browser, form_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(form_url)
        page.locator("#hub-share-form").wait_for()
        fill_valid_case_study(page)
        page.click("#hub-field-references-add")
        page.fill("#hub-field-contact-email", "not an email")
        page.locator("#hub-field-contact-email").blur()
        expect(page.locator("#hub-field-contact-email-error")).to_be_visible()
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
        assert tools.violations_in_each_scheme(page) == {}  # a scheme changes only colours, not widths
    finally:
        context.close()
