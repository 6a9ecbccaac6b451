"""The build: generated pages, cross-links and edit links; a bad entry stops it with every problem."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from conftest import FIXTURES, ROOT, SITE_PATH, build, lay_out, make_repo, write_entry

from hooks.checks import loader
from hooks.pages.render import escape

REPO_URL = "https://github.com/shared-learning-hub/hub"


class Tags(HTMLParser):
    """The start tags of a page with their attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def hrefs(self) -> list[str]:
        return [attrs["href"] for tag, attrs in self.tags if tag == "a" and "href" in attrs]


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_each_entry_gets_a_page_with_an_edit_link_to_its_source(base_site):
    approach = Tags(page(base_site, "approaches/peer-huddles"))
    study = Tags(page(base_site, "case-studies/huddles-on-ward-7"))
    assert f"{REPO_URL}/edit/main/approaches/peer-huddles.md" in approach.hrefs()
    assert f"{REPO_URL}/edit/main/case_studies/huddles-on-ward-7.md" in study.hrefs()


def test_hand_written_pages_edit_their_file_in_content(base_site):
    assert f"{REPO_URL}/edit/main/content/about.md" in Tags(page(base_site, "about")).hrefs()


def test_generated_listings_have_no_edit_link(base_site):
    assert not any("/edit/" in href for href in Tags(page(base_site, "approaches")).hrefs())


def test_case_study_links_its_approaches_and_approach_lists_its_case_studies(base_site):
    assert "../../approaches/peer-huddles/" in Tags(page(base_site, "case-studies/huddles-on-ward-7")).hrefs()
    assert "../../case-studies/huddles-on-ward-7/" in Tags(page(base_site, "approaches/peer-huddles")).hrefs()


def test_links_in_a_body_are_repointed_from_the_source_tree_to_the_site(base_site):
    study = Tags(page(base_site, "case-studies/huddles-on-ward-7")).hrefs()
    assert "../../approaches/peer-huddles/#what-it-is" in study
    assert "../../about/" in Tags(page(base_site, "approaches/peer-huddles")).hrefs()


def test_indexes_list_every_entry(base_site):
    assert "peer-huddles/" in Tags(page(base_site, "approaches")).hrefs()
    assert "huddles-on-ward-7/" in Tags(page(base_site, "case-studies")).hrefs()


def test_fields_are_shown_with_their_labels(base_site):
    html = page(base_site, "case-studies/huddles-on-ward-7")
    for text in ("Example Hospital NHS Trust", "NHS acute trust", "Acute hospital wards", "London",
                 "Commitment 6: Actively respond to what matters most to our staff and colleagues",
                 "1 March 2024", "updated 15 January 2025", "mailto:a.person@example.nhs.uk"):
        assert text in html
    assert "Peer-led. Leads take a half-day course" in page(base_site, "approaches/peer-huddles")


def test_readiness_page_lists_each_approach_with_its_prerequisites(base_site):
    html = page(base_site, "readiness")
    assert "../approaches/peer-huddles/" in Tags(html).hrefs()
    assert "<strong>Essential:</strong> Fifteen minutes a week are protected for the huddle." in html


def test_nav_lists_sections_not_entries(base_site):
    nav = page(base_site, "")
    start = nav.index('<nav class="md-nav md-nav--primary"')
    nav = nav[start:nav.index("md-sidebar--secondary", start)]
    assert "Case studies" in nav and "peer-huddles" not in nav and "huddles-on-ward-7" not in nav


def test_no_page_asks_a_third_party_for_anything(base_site):
    for html_file in base_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html, "Material would fetch repository facts from GitHub"
        for tag, attrs in Tags(html).tags:
            loaded = attrs.get("src") if tag in ("script", "img", "iframe") else \
                attrs.get("href") if tag == "link" and attrs.get("rel") != "canonical" else None
            assert not loaded or not re.match(r"^(https?:)?//", loaded), f"{html_file}: {tag} loads {loaded}"


def test_entry_text_cannot_inject_markup(tmp_path):
    root = make_repo(tmp_path / "repo")
    study = root / "case_studies/huddles-on-ward-7.md"
    study.write_text(study.read_text().replace(
        "organisation: Example Hospital NHS Trust",
        'organisation: "Trust <script>alert(1)</script> & *Partners* [x](javascript:alert(1))"'))
    site = tmp_path / "site"
    assert build(root, site).returncode == 0
    html = page(site, "case-studies/huddles-on-ward-7")
    assert "<script>alert(1)" not in html
    assert "Trust &lt;script&gt;alert(1)&lt;/script&gt; &amp; *Partners* [x](javascript:alert(1))" in html


def test_escape_keeps_text_as_written():
    assert escape("A <b> & *c* [d](e) #1") == r"A &lt;b&gt; &amp; \*c\* \[d\]\(e\) \#1"


def test_a_bad_entry_fails_the_build_with_every_problem_and_publishes_nothing(tmp_path):
    root = make_repo(tmp_path / "repo", FIXTURES / "rules/bad-value", FIXTURES / "rules/duplicate-title")
    write_entry(root, "case_studies/second.md", "no front matter\n")
    site = tmp_path / "site"
    result = build(root, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    expected = [str(p) for p in loader.load(root).problems]
    assert len(expected) == 3
    for line in expected:
        assert line in result.stderr
    assert not list(site.rglob("*.html"))


def test_the_real_site_builds_strictly_with_a_page_per_entry(real_site):
    site = real_site
    real = loader.load(ROOT)
    for entry in real.of("approach") + real.of("case_study"):
        html = page(site, f"{entry.kind.site_directory}/{entry.slug}")
        assert f"{REPO_URL}/edit/main/{entry.path}" in Tags(html).hrefs()
    for entry in real.of("case_study"):
        hrefs = Tags(page(site, f"case-studies/{entry.slug}")).hrefs()
        assert all(f"../../approaches/{slug}/" in hrefs for slug in entry.data.get("approaches", ()))


def run_check(root: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hooks", "check", "--root", str(root)], capture_output=True,
                          text=True, env={**os.environ, "GITHUB_ACTIONS": "", **env}, check=False)


def test_check_lists_every_problem_and_exits_1(tmp_path):
    root = make_repo(tmp_path / "repo", FIXTURES / "rules/bad-value", FIXTURES / "rules/duplicate-title")
    result = run_check(root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        *(FIXTURES / "rules/duplicate-title/expected.txt").read_text().splitlines(),
        *(FIXTURES / "rules/bad-value/expected.txt").read_text().splitlines()]
    assert "2 problems in 2 files" in result.stderr


def test_check_on_github_actions_adds_annotations(tmp_path):
    root = make_repo(tmp_path / "repo", FIXTURES / "rules/bad-value")
    result = run_check(root, GITHUB_ACTIONS="true")
    assert result.stdout.splitlines()[-1] == (
        "::error file=case_studies/huddles-on-ward-7.md,line=6::settings[1]: 'maternty' is not a known "
        "setting; did you mean 'maternity'? [bad-value]")


def test_check_passes_on_a_valid_repository(repo):
    result = run_check(repo)
    assert result.returncode == 0 and result.stdout == ""
    assert "1 approach, 1 case study" in result.stderr


def test_an_entry_with_bom_crlf_and_non_ascii_text_is_accepted_and_published(tmp_path):
    root = make_repo(tmp_path / "repo")
    study = root / "case_studies/huddles-on-ward-7.md"
    text = study.read_text().replace("Example Hospital NHS Trust", "Hôpital Zürich — “Ward 7”")
    study.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert loader.load(root).problems == []
    site = tmp_path / "site"
    assert build(root, site).returncode == 0
    assert "Hôpital Zürich — “Ward 7”" in page(site, "case-studies/huddles-on-ward-7")


def test_serve_rebuilds_when_an_entry_changes(tmp_path):
    root = make_repo(tmp_path / "repo")
    lay_out(root)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"),
                               "--dev-addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}{SITE_PATH}case-studies/huddles-on-ward-7/"

    def wait_for(text: str) -> bool:
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if text in response.read().decode():
                        return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    try:
        assert wait_for("Example Hospital NHS Trust")
        study = root / "case_studies/huddles-on-ward-7.md"
        study.write_text(study.read_text().replace("Example Hospital NHS Trust", "Renamed Hospital NHS Trust"))
        assert wait_for("Renamed Hospital NHS Trust")
    finally:
        server.terminate()
        server.wait(timeout=10)
