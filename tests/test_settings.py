"""The engine's facts (pages folder, branch, URL style, addresses) come from its configuration, and
everything built follows them: a repository set up differently from the hub's own builds as it says."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import FIXTURES, ROOT, build, make_repo, write_entry

from hooks import cli
from hooks.checks import loader
from hooks.model import settings

ATOM = "{http://www.w3.org/2005/Atom}"


def configured(root: Path, **changes: str) -> Path:
    """`root` with the hub's own engine configuration, each `key: value` line given replaced, and its
    hand-written pages moved to the folder the configuration names."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in changes.items():
        lines = [line for line in text.splitlines() if line.startswith(f"{key}:")]
        text = text.replace(lines[0], f"{key}: {value}") if lines else text + f"\n{key}: {value}\n"
    (root / "mkdocs.yml").unlink()
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    pages = settings.read(root).pages_folder
    if pages != "content":
        shutil.move(root / "content", root / pages)
    return root


def test_settings_come_from_the_engine_configuration_with_its_defaults_where_it_is_silent(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Hub\ndocs_dir: pages\nedit_uri: -/edit/trunk/pages/\nuse_directory_urls: false\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "site_url: !ENV [SITE_URL, 'https://example.org/']\n", encoding="utf-8")
    assert settings.read(tmp_path) == settings.Settings(pages_folder="pages", branch="trunk", directory_urls=False,
                                                        site_url="", repo_url="", site_name="Hub")
    (tmp_path / "mkdocs.yml").unlink()
    assert settings.read(tmp_path) == settings.Settings(pages_folder="docs", branch=None, directory_urls=True)


@pytest.mark.parametrize("edit_uri,branch", [("edit/main/content/", "main"), ("blob/release-2/docs", "release-2"),
                                             ("src/default/docs/", "default"), ("?path=/docs/", None), ("", None)])
def test_the_branch_is_the_one_the_edit_address_names(edit_uri, branch):
    assert settings.branch_of(edit_uri) == branch


def test_an_absolute_pages_folder_from_the_running_engine_is_made_relative_to_the_repository(tmp_path):
    found = settings.from_config({"docs_dir": str(tmp_path / "site" / "pages")}, tmp_path)
    assert found.pages_folder == "site/pages"


@pytest.fixture(scope="module")
def trunk_site(tmp_path_factory) -> tuple[Path, Path]:
    root = configured(make_repo(tmp_path_factory.mktemp("trunk") / "repo"),
                      docs_dir="pages", edit_uri="edit/trunk/pages/")
    approach = root / "approaches/peer-huddles.md"
    approach.write_text(approach.read_text(encoding="utf-8").replace("../content/about.md", "../pages/about.md"),
                        encoding="utf-8")
    result = build(root, root.parent / "site")
    assert result.returncode == 0, result.stderr
    return root, root.parent / "site"


def test_links_to_the_configured_pages_folder_are_checked_and_published(trunk_site):
    root, site = trunk_site
    assert '<a href="../../about/">' in (site / "approaches/peer-huddles/index.html").read_text(encoding="utf-8")
    write_entry(root, "case_studies/broken.md", (root / "case_studies/huddles-on-ward-7.md").read_text()
                .replace("title: Huddles on a busy surgical ward", "title: Another ward")
                .replace("../approaches/peer-huddles.md#what-it-is", "../content/about.md"))
    try:
        out = io.StringIO()
        assert cli.check(root, out=out) == 1
    finally:
        (root / "case_studies/broken.md").unlink()
    assert out.getvalue().startswith("case_studies/broken.md:18: body: the link '../content/about.md' points to "
                                     "content/about.md, which does not exist")


def test_the_form_proposes_files_on_the_configured_branch_and_pages_edit_it(trunk_site):
    root, site = trunk_site
    spec = json.loads((site / "contributing/share-form.json").read_text(encoding="utf-8"))
    assert spec["newFileUrl"].endswith("/new/trunk/case_studies")
    about = (site / "about/index.html").read_text(encoding="utf-8")
    assert "/edit/trunk/pages/about.md" in about


def test_without_folder_addresses_feeds_and_data_link_each_page_as_a_file(tmp_path):
    root = configured(make_repo(tmp_path / "repo", FIXTURES / "readiness"), use_directory_urls="false")
    result = build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "case-studies/huddles-on-ward-7.html").is_file()
    base = settings.read(root).site_url.rstrip("/")
    data = json.loads((site / "entries.json").read_text(encoding="utf-8"))
    assert data["case_studies"][0]["url"] == f"{base}/case-studies/huddles-on-ward-7.html"
    feed = ElementTree.parse(site / "feed.xml").getroot()
    assert feed.find(f"{ATOM}entry/{ATOM}id").text == f"{base}/case-studies/huddles-on-ward-7.html"
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == f"{base}/case-studies/index.html"
    instrument = next(iter(loader.load(root).instruments.values()))
    readiness = json.loads((site / instrument.data_file).read_text(encoding="utf-8"))
    links = [*readiness["pages"].values(), *(approach["url"] for approach in readiness["approaches"].values())]
    assert links and all(link.endswith(".html") for link in links)
    assert all((site / instrument.data_file).parent.joinpath(link).resolve().is_file() for link in links)
