"""The vocabularies: each value's other names lead "did you mean" to it, and no name stands for two values."""

from __future__ import annotations

import pytest
from conftest import write_entry

from hooks.checks import loader
from hooks.model.schema import vocabularies


@pytest.mark.parametrize("vocabulary", list(vocabularies().values()), ids=lambda vocabulary: vocabulary.name)
def test_no_label_or_synonym_names_two_values(vocabulary):
    """A name shared by two values (or one that is another value's own slug) would suggest the wrong one."""
    owners: dict[str, set] = {str(value).lower(): {value} for value in vocabulary.values}
    for value, spec in vocabulary.values.items():
        for name in (spec["label"], *spec.get("synonyms", ())):
            assert isinstance(name, str) and name.strip(), f"{vocabulary.name}.{value}: {name!r}"
            owners.setdefault(name.lower(), set()).add(value)
    assert {name: values for name, values in owners.items() if len(values) > 1} == {}


@pytest.mark.parametrize("field,written,meant", [
    ("settings", "A&E", "emergency-department"),
    ("settings", "accident and emergency", "emergency-department"),
    ("settings", "General Practice", "primary-care"),
    ("settings", "care home", "care-homes"),
    ("settings", "PRISON", "health-and-justice"),
    ("organisation_types", "PCN", "primary-care-network"),
    ("organisation_types", "care home", "care-home-provider"),
])
def test_did_you_mean_knows_the_synonyms_in_any_case(repo, field, written, meant):
    path = "case_studies/huddles-on-ward-7.md"
    text = (repo / path).read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(f"{field}:"))
    write_entry(repo, path, text.replace(line, f"{field}: [{written}]"))
    messages = [problem.message for problem in loader.load(repo).problems]
    noun = vocabularies()[field].noun
    assert messages == [f"'{written}' is not a known {noun}; did you mean '{meant}'?"]


def test_a_synonym_with_a_typo_still_finds_its_value(repo):
    path = "case_studies/huddles-on-ward-7.md"
    text = (repo / path).read_text(encoding="utf-8")
    write_entry(repo, path, text.replace("settings: [acute-hospital]", "settings: [acident and emergency]"))
    assert [p.message for p in loader.load(repo).problems] == [
        "'acident and emergency' is not a known setting; did you mean 'emergency-department'?"]
