"""No page replaces another: entry names that are the site's own addresses are problems, and the
build fails, naming both files, if a generated page would take a page's address anyway."""

from __future__ import annotations

import pytest
from conftest import build, make_repo, write_entry

from hooks.checks import loader
from hooks.pages.page import Page
from hooks.pages.site import clashes


@pytest.mark.parametrize("path", ["case_studies/index.md", "approaches/index.md", "readiness/checklists.yml"])
def test_entry_names_that_are_the_sites_own_addresses_are_problems(repo, path):
    write_entry(repo, path, "---\ntitle: X\n---\n")
    found = [(problem.path, problem.rule) for problem in loader.load(repo).problems]
    assert (path, "reserved-slug") in found


def test_a_generated_page_that_would_take_an_address_is_named_with_the_file_that_has_it():
    pages = [Page("case-studies/index.md", "", None), Page("readiness/checklists/x.md", "", "approaches/x.md"),
             Page("readiness/checklists/x/index.md", "", "readiness/checklists.yml")]
    assert clashes(pages, {"case-studies.md": "content/case-studies.md"}, directory_urls=True) == [
        "the generated page case-studies/index.md and content/case-studies.md would both be published at "
        "/case-studies/; rename one of them",
        "readiness/checklists.yml and approaches/x.md would both be published at /readiness/checklists/x/; "
        "rename one of them"]


@pytest.mark.parametrize("page", ["case-studies/index.md", "readiness.md"])
def test_a_hand_written_page_at_a_generated_address_fails_the_build_naming_both(tmp_path, page):
    root = make_repo(tmp_path / "repo")
    write_entry(root, f"content/{page}", "# Mine\n")
    result = build(root, tmp_path / "site")
    assert result.returncode != 0
    assert f"and content/{page} would both be published at" in result.stderr
