"""The contributing guides: both routes, the consent rules, and commands that really work as described."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from hooks.model.slugs import name_for
from hooks.pages import contribute
from hooks.write import scaffold

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
HUB_PAGE = (ROOT / "content/contributing.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("words", ["Share your case study", "GitHub's editor", "_template.md", "make new",
                                   "make serve", "make check", "Propose on GitHub", "Download", "pull request"])
def test_the_guide_describes_both_routes(words):
    assert words in GUIDE


@pytest.mark.parametrize("words", ["patient", "permission", "work email|work address", "personal"])
def test_both_guides_state_the_consent_and_confidentiality_rules(words):
    assert re.search(words, GUIDE) and re.search(words, HUB_PAGE)


def test_every_make_target_the_guide_names_exists():
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    named = set(re.findall(r"(?:^|`)make ([a-z]+)", GUIDE, re.MULTILINE))
    assert {"new", "serve", "check"} <= named <= targets


def test_the_make_new_example_writes_the_file_the_guide_names():
    kind, title = re.search(r'make new KIND=([a-z-]+) TITLE="([^"]+)"', GUIDE).groups()
    path = f"{scaffold.kind_named(kind).directory}/{name_for(title).slug}.md"
    assert f"`{path}`" in GUIDE


def test_the_hub_page_links_to_the_form_and_the_field_reference():
    assert f"]({contribute.SHARE_PAGE})" in HUB_PAGE
    assert f"]({contribute.FIELD_REFERENCE_PAGE})" in HUB_PAGE
