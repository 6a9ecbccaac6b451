"""The share form's preview and its pasting of rich text, in a real browser.

The preview draws the case study as the hub will publish it while the writer types; text pasted from Word or a
web page arrives in a section as Markdown, and the file the form then writes passes the check. Nothing the writer
types or pastes reaches the preview as markup of its own. Uses the form served by tests/test_share_form.py's
fixtures.
"""

from __future__ import annotations

import io

import tools
from conftest import make_repo
from test_share_form import fill_valid_case_study, form_url, page  # noqa: F401  (fixtures)

from hooks import cli
from hooks.checks import loader

tools.require_chromium()

from playwright.sync_api import expect  # noqa: E402

PREVIEW = "#hub-share-page"


def word_item(text: str, marker: str, level: int = 1) -> str:
    """A list item as Word puts it on the clipboard: a paragraph with its typed marker and its level in a style."""
    return (f"<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level{level} lfo1'>"
            "<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>"
            f"{marker}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span></span>"
            f"<![endif]>{text}<o:p></o:p></p>\n")


WORD = ("<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><style>p.MsoNormal {margin:0}</style></head>"
        "<body lang=EN-GB><!--StartFragment--><p class=MsoNormal>Staff told us:<o:p></o:p></p>\n"
        + word_item("Huddles <b>every week</b>", "·") + word_item("Led by a nurse", "o", 2)
        + word_item('See <a href="https://example.org/huddles">the guide</a>', "·")
        + "<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal><b>Measure</b></p></td>"
        "<td><p class=MsoNormal><b>Change</b></p></td></tr>\n<tr><td><p class=MsoNormal>Sickness</p></td>"
        "<td><p class=MsoNormal>Fell</p></td></tr></table><!--EndFragment--></body></html>")
WORD_MARKDOWN = ("Staff told us:\n\n-   Huddles **every week**\n    -   Led by a nurse\n"
                 "-   See [the guide](https://example.org/huddles)\n\n"
                 "| **Measure** | **Change** |\n| --- | --- |\n| Sickness | Fell |")


def paste(page, selector: str, html: str, plain: str = "") -> None:
    """Paste into a box as the browser does, through the system clipboard, with the keyboard."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("""([html, plain]) => navigator.clipboard.write([new ClipboardItem({
        ...(html ? {'text/html': new Blob([html], {type: 'text/html'})} : {}),
        'text/plain': new Blob([plain], {type: 'text/plain'})})])""", [html, plain])
    page.fill(selector, "")
    page.focus(selector)
    page.keyboard.press("Control+V")


def test_the_preview_follows_what_is_typed(page):
    preview = page.locator(PREVIEW)
    page.fill("#hub-field-title", "Peer support huddles")
    page.locator("#hub-section-0").press_sequentially("We looked at:\n\n- rotas\n- [a survey](https://example.org/s)")
    expect(preview.locator("h1")).to_have_text("Peer support huddles")
    expect(preview.locator("h2").first).to_have_text(page.locator("label[for='hub-section-0']").inner_text()
                                                    .removesuffix(" (required)"))
    expect(preview.locator("ul > li")).to_have_text(["rotas", "a survey"])
    expect(preview.locator("a", has_text="a survey")).to_have_attribute("href", "https://example.org/s")
    page.fill("#hub-field-title", "Huddles, renamed")
    page.locator("#hub-field-organisation_types").get_by_label("Hospice", exact=True).check()
    expect(preview.locator("h1")).to_have_text("Huddles, renamed")
    expect(preview.locator("dt", has_text="Organisations taking part").locator("+ dd")).to_have_text("Hospice")


def test_a_word_list_and_table_pasted_arrive_as_markdown_and_the_file_passes_the_check(page, tmp_path):
    fill_valid_case_study(page)
    paste(page, "#hub-section-1", WORD, "Staff told us: Huddles every week Led by a nurse")
    expect(page.locator("#hub-section-1")).to_have_value(WORD_MARKDOWN)
    section = page.locator(PREVIEW).locator("h2").nth(1).locator("xpath=following-sibling::*")
    expect(section.locator("li > ul > li")).to_have_text(["Led by a nurse"])
    expect(page.locator(PREVIEW).locator(".md-typeset__table th")).to_have_text(["Measure", "Change"])
    paste(page, "#hub-section-2", "", "Plain text, *as typed*")
    expect(page.locator("#hub-section-2")).to_have_value("Plain text, *as typed*")
    expect(page.locator("#hub-share-todo h3")).to_have_text("The file is ready")
    with page.expect_download() as download:
        page.click("#hub-share-download")
    root = make_repo(tmp_path / "repo")
    download.value.save_as(root / "case_studies" / download.value.suggested_filename)
    out = io.StringIO()
    assert cli.check(root, out=out) == 0, out.getvalue()
    entry = loader.load(root).entries["case_study"]["peer-support-huddles-in-a-hospice"]
    assert WORD_MARKDOWN in entry.body and "Plain text, *as typed*" in entry.body


HOSTILE = ('<img src=x onerror="window.__hostile=1"> <script>window.__hostile=1</script> '
           '[click](javascript:window.__hostile=1) <a href="javascript:window.__hostile=1">link</a>')


def test_nothing_typed_or_pasted_reaches_the_preview_as_markup(page):
    page.fill("#hub-field-title", '<img src=x onerror="window.__hostile=1">')
    page.fill("#hub-field-references-0-citation", "<script>window.__hostile=1</script>")
    page.fill("#hub-field-references-0-url", "javascript:window.__hostile=1")
    page.fill("#hub-section-0", HOSTILE)
    paste(page, "#hub-section-1", f"<ul><li>{HOSTILE}</li></ul><iframe src='javascript:window.__hostile=1'></iframe>",
          "plain")
    preview = page.locator(PREVIEW)
    expect(preview.locator("h2").nth(1).locator("+ ul > li")).to_contain_text("link")
    expect(preview.locator("h1")).to_have_text('<img src=x onerror="window.__hostile=1">')
    expect(preview.locator("p", has_text="<script>").first).to_be_visible()
    assert preview.locator("img, script, iframe, [onerror]").count() == 0
    hrefs = preview.locator("a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert [href for href in hrefs if not href.startswith(("https:", "http:", "mailto:"))] == []
    assert page.evaluate("window.__hostile") is None


def test_the_form_with_its_preview_and_a_problem_at_a_field_is_accessible_in_either_colour_scheme(page):  # noqa: F811
    fill_valid_case_study(page)
    page.fill("#hub-section-1", WORD_MARKDOWN)
    expect(page.locator(PREVIEW).locator("table")).to_be_visible()
    page.locator("#hub-section-0 ~ details summary").click()
    page.fill("#hub-field-contact-email", "not an email")
    page.locator("#hub-field-contact-email").blur()
    expect(page.locator("#hub-field-contact-email-error")).to_be_visible()
    assert tools.violations_in_each_scheme(page) == {}
