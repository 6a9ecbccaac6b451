"""The pages a public site owes its readers: licence, privacy, accessibility and contact, linked from every page,
saying what the site's configuration and its scripts make true."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import html5lib
import pytest
import tools
from conftest import ROOT

from hooks.checks import loader
from hooks.model import settings
from hooks.model.addresses import address
from hooks.pages import contribute, policies


def _dom(file: Path):
    return html5lib.parse(file.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def test_every_page_links_to_each_page_about_the_site_from_its_footer(real_site):
    pages = sorted(real_site.rglob("*.html"))
    for file in pages:
        footer = _dom(file).find(".//nav[@class='hub-site-pages']")
        assert footer is not None, file.relative_to(real_site)
        links = [(a.text, a.get("href")) for a in footer.iter("a")]
        assert [text for text, _ in links] == list(policies.FOOTER), file.relative_to(real_site)
        for (_, href), page in zip(links, policies.FOOTER.values()):
            target = (file.parent / href) if not href.startswith("/") else real_site / href.removeprefix(tools.SITE_PATH)
            assert (target.resolve() / "index.html").is_file(), (file.relative_to(real_site), href)
            assert target.resolve() == (real_site / address(page, directory_urls=True)).resolve()
    assert len(pages) > len(policies.FOOTER)


def test_the_licence_file_and_page_name_the_same_licences():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    page = _page(policies.LICENCE_PAGE, settings.read(ROOT))
    for named in (policies.CONTENT_LICENCE, policies.CODE_LICENCE):
        assert named.url in page
    assert policies.CONTENT_LICENCE.url in licence and "MIT License" in licence and "CC BY 4.0" in licence


def _page(path: str, site_settings: settings.Settings) -> str:
    return next(page.markdown for page in policies.pages(site_settings) if page.src_uri == path)


def test_the_contact_page_gives_the_teams_address_only_when_the_configuration_names_one():
    configured = settings.read(ROOT)
    assert configured.contact == ""
    without = _page(policies.CONTACT_PAGE, configured)
    assert "mailto:" not in without and f"{configured.repo_url}/issues/new" in without
    given = _page(policies.CONTACT_PAGE, replace(configured, contact="hub.team@example.nhs.uk"))
    assert "[hub.team@example.nhs.uk](<mailto:hub.team@example.nhs.uk>)" in given
    assert "you can also [open an issue]" in given
    nothing = _page(policies.CONTACT_PAGE, replace(configured, repo_url=""))
    assert "gives no contact address" in nothing and "issues/new" not in nothing


def test_the_contact_address_is_read_from_the_configurations_extra_settings(tmp_path):
    assert settings.from_config({"extra": {"contact": " team@example.org "}}, tmp_path).contact == "team@example.org"
    assert settings.from_config({"extra": "not a mapping"}, tmp_path).contact == ""
    assert settings.from_config({}, tmp_path).contact == ""


def test_the_privacy_page_names_the_host_the_site_says_it_is_published_on():
    configured = settings.read(ROOT)
    assert "GitHub Pages" in _page(policies.PRIVACY_PAGE, replace(configured, site_url="https://a.github.io/hub/"))
    assert "GitHub Pages" not in _page(policies.PRIVACY_PAGE, replace(configured, site_url="https://hub.example.org/"))


def test_the_accessibility_statement_lists_every_known_gap(real_site):
    text = "".join(_dom(real_site / "accessibility/index.html").find(".//article").itertext())
    for gap in policies.KNOWN_GAPS:
        assert " ".join(gap.split()) in " ".join(text.split())


def test_everything_the_site_keeps_in_a_browser_is_declared_on_the_privacy_page(browser, real_site):
    """Typing in the share form, answering an assessment, loading a file on its team page, ticking a checklist and
    switching the colour scheme keep exactly what the privacy page lists, and nothing it does not."""
    tools.require_chromium()
    privacy = "".join(_dom(real_site / "privacy/index.html").find(".//article").itertext())
    context = browser.new_context()
    try:
        page = context.new_page()
        with tools.serve(real_site) as url:
            page.goto(url + "contributing/share/")
            page.fill("#hub-field-title", "A draft")
            page.goto(url + "readiness/organisational/")
            page.locator("fieldset input[type=radio]").first.check()
            answers = page.evaluate("() => localStorage.getItem('hub-readiness:organisational')")
            page.goto(url + "readiness/organisational/team/")
            page.set_input_files("#hub-readiness-team-files", files=[
                {"name": "answers.json", "mimeType": "application/json", "buffer": answers.encode()}])
            page.locator(".hub-readiness-people li").wait_for()
            page.goto(url + "readiness/checklists/schwartz-rounds/")
            page.locator(".hub-checklist input[type=checkbox]").first.check()
            page.locator("label[for='__palette_1']").first.click()
            page.wait_for_function("() => localStorage.length >= 4")
            keys = page.evaluate("() => Object.keys(localStorage)")
    finally:
        context.close()
    declared = [stored.key for stored in policies.BROWSER_STORAGE]
    assert all(any(key_part in key for key_part in declared) for key in keys), keys
    assert all(any(key_part in key for key in keys) for key_part in declared), keys
    assert all(key_part in privacy for key_part in declared)


@pytest.mark.parametrize("path", [policies.LICENCE_PAGE, policies.PRIVACY_PAGE, policies.ACCESSIBILITY_PAGE,
                                  policies.CONTACT_PAGE])
def test_each_page_about_the_site_is_published_with_a_description(real_site, path):
    dom = _dom(real_site / address(path, directory_urls=True) / "index.html")
    assert dom.find(".//h1") is not None and dom.find(".//meta[@name='description']").get("content")


def test_the_share_form_is_given_the_teams_address_from_the_settings(base_repo):
    given = replace(settings.read(base_repo), contact="hub.team@example.nhs.uk")
    assert contribute.form_spec(loader.load(base_repo, given))["contact"] == "hub.team@example.nhs.uk"
    assert contribute.form_spec(loader.load(base_repo))["contact"] == ""


def test_the_licence_page_links_the_licence_of_every_library_the_site_ships(real_site):
    shipped = sorted(file for file in real_site.rglob(f"*{policies.LICENCE_SUFFIX}"))
    page = real_site / address(policies.LICENCE_PAGE, directory_urls=True) / "index.html"
    linked = sorted((page.parent / a.get("href")).resolve() for a in _dom(page).iter("a")
                    if a.get("href", "").endswith(policies.LICENCE_SUFFIX))
    assert shipped and linked == [file.resolve() for file in shipped]
