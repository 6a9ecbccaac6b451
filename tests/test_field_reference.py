"""The field reference page shows every field the schema declares, and the guide links to it."""

from __future__ import annotations

import html
import json
import re

import pytest

from hooks.checks import sections
from hooks.model.fields import of as fields_of
from hooks.model.fields import walk
from hooks.model.schema import kinds
from hooks.pages import contribute
from hooks.read.problems import RULES

FIELDS = [(kind, path, field) for kind in kinds().values() for path, field in walk(fields_of(kind.name))]


@pytest.fixture(scope="module")
def reference(base_site) -> str:
    return (base_site / "contributing/fields/index.html").read_text(encoding="utf-8")


def section_of(page: str, anchor: str) -> str:
    """The HTML from a field's heading to the next heading."""
    start = page.index(f'id="{anchor}"')
    following = re.search(r"<h[23] ", page[start:])
    return page[start:start + following.start()] if following else page[start:]


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("kind,path,field", FIELDS, ids=[f"{k.name}:{p}" for k, p, _ in FIELDS])
def test_every_field_is_on_the_reference_page_with_all_it_needs(reference, kind, path, field):
    assert field.title and field.description and field.example not in (None, "", [], {}), \
        f"{kind.name}.{path} lacks a title, description or example in its schema"
    shown = text(section_of(reference, contribute.anchor(kind, path)))
    assert field.title in shown and field.description in " ".join(shown.split())
    needed = "Yes" if field.required else f"Yes, unless you give {' or '.join(field.alternatives)}" \
        if field.alternatives else "No"
    assert f"Required\n{needed}" in shown
    assert contribute.describe_type(field) in " ".join(shown.split())
    assert path in shown
    first_line = contribute.example_yaml(field).splitlines()[0]
    assert first_line in shown
    if field.vocabulary:
        for value in field.vocabulary.values:
            assert f"{value} ({field.vocabulary.label(value)})" in shown


def test_the_example_shown_is_written_as_the_file_needs_it():
    field = next(f for f in fields_of("case_study") if f.name == "references")
    assert contribute.example_yaml(field).splitlines()[:2] == [
        "references:", f"  - citation: {json.dumps(field.example[0]['citation'])}"]


def test_every_section_and_rule_is_listed(reference):
    plain = text(reference)
    for kind in kinds().values():
        for section in kind.sections:
            assert f"## {section.title}" in plain and section.guidance in plain
    for rule in RULES:
        assert rule in plain
    assert sections.NOT_REPORTED in plain


def test_the_contributing_guide_links_to_the_reference_and_the_form(base_site):
    guide = (base_site / "contributing/index.html").read_text(encoding="utf-8")
    assert 'href="fields/"' in guide and 'href="share/"' in guide


def test_the_reference_and_form_are_generated_not_written_into_the_source_tree(base_repo, base_site):
    assert not (base_repo / "content/contributing").exists()
    assert (base_site / "contributing/share-form.json").exists()
