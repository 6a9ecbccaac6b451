"""The schemas are the one definition of every field: complete, consistent, and self-checking."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from hooks.checks.schema import FORMATS, validator
from hooks.model.schema import data_kinds, kinds, schema_source, vocabularies


def properties(schema: dict, path: str = ""):
    """Every declared property in a schema, nested ones included, as (path, schema)."""
    for name, spec in schema.get("properties", {}).items():
        yield f"{path}{name}", spec
        yield from properties(spec, f"{path}{name}.")
        yield from properties(spec.get("items", {}), f"{path}{name}[].")


SCHEMAS = {name: kind.schema for name, kind in {**kinds(), **data_kinds()}.items()}
SCHEMAS["common"] = schema_source("common.yml")
PROPERTIES = [(f"{kind}:{path}", spec) for kind, schema in SCHEMAS.items()
              for defs in [schema, *schema.get("$defs", {}).values()] for path, spec in properties(defs)]


@pytest.mark.parametrize("schema", SCHEMAS.values(), ids=SCHEMAS.keys())
def test_schema_is_valid_draft_2020_12(schema):
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path,spec", PROPERTIES, ids=[p for p, _ in PROPERTIES])
def test_every_field_has_title_description_and_example(path, spec):
    missing = [key for key in ("title", "description", "example") if not spec.get(key)]
    assert not missing, f"{path} lacks {missing}"


@pytest.mark.parametrize("schema", SCHEMAS.values(), ids=SCHEMAS.keys())
def test_every_object_forbids_undeclared_fields(schema):
    objects = [part for part in walk(schema) if part.get("type") == "object"]
    assert objects and all(obj.get("additionalProperties") is False for obj in objects)


@pytest.mark.parametrize("name", [*kinds(), *data_kinds()])
def test_each_field_example_is_valid_for_its_field(name):
    checker = validator(name)
    for field, spec in {**kinds(), **data_kinds()}[name].schema["properties"].items():
        errors = list(checker.evolve(schema={**spec, "$id": checker.schema["$id"]}).iter_errors(spec["example"]))
        assert not errors, f"{name}.{field}: example {spec['example']!r} fails: {errors[0].message}"


def test_vocabulary_enums_come_from_the_vocabulary_file():
    settings = kinds()["case_study"].schema["properties"]["settings"]["items"]
    assert settings["enum"] == list(vocabularies()["settings"].values)
    raw = schema_source("case_study.yml")["properties"]["settings"]["items"]
    assert "enum" not in raw, "a vocabulary must not be copied into a schema"


def test_every_vocabulary_value_has_a_label_and_every_reference_exists():
    for vocabulary in vocabularies().values():
        assert vocabulary.noun and vocabulary.values
        for value, spec in vocabulary.values.items():
            assert spec.get("label"), f"{vocabulary.name}.{value} has no label"
    referenced = {spec["x-vocabulary"] for schema in SCHEMAS.values() for spec in walk(schema)
                  if "x-vocabulary" in spec}
    assert referenced <= set(vocabularies())
    assert referenced >= set(vocabularies()), "a vocabulary that no field uses"


def test_every_evidence_level_is_explained():
    levels = vocabularies()["evidence_levels"]
    assert all(levels.description(value) for value in levels.values)


def test_a_pilot_trial_belongs_to_one_evidence_level_only():
    """A pilot randomised trial once fitted both 'emerging' (pilot trials) and 'moderate' (a controlled trial):
    the level that counts trials as evidence of effect must leave pilots out."""
    levels = vocabularies()["evidence_levels"]
    described = {value: " ".join(levels.description(value).lower().split()) for value in levels.values}
    assert [value for value, text in described.items() if "pilot" in text] == ["emerging"]
    assert "full-scale randomised controlled trial" in described["moderate"]


def walk(schema):
    """Every object in a schema, however deeply nested."""
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from walk(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from walk(item)


@pytest.mark.parametrize("value,ok", [("2024-02-29", True), ("2023-02-29", False), ("2024-2-1", False),
                                       ("31/01/2024", False), ("2024-02-29\n", False)])
def test_date_format(value, ok):
    assert FORMATS.conforms(value, "date") is ok


@pytest.mark.parametrize("value,ok", [("a.b@nhs.net", True), ("a@b", False), ("a b@nhs.net", False),
                                       ("mailto:a@nhs.net", False), ("a.b@nhs.net\n", False),
                                       ("<a.b@nhs.net>", False), ("a`b@nhs.net", False), ("a\\b@nhs.net", False),
                                       ("o'neil+x@nhs.net", True)])
def test_email_format(value, ok):
    assert FORMATS.conforms(value, "email") is ok


@pytest.mark.parametrize("value,ok", [("https://www.nhs.uk/x?y=1", True), ("http://a.org", True),
                                       ("www.nhs.uk", False), ("javascript:alert(1)", False),
                                       ("https://a.org/with space", False), ("https://a.org/x\n", False),
                                       ("https://a.org/x>y", False), ("https://a.org/<x>", False),
                                       ('https://a.org/"x', False), ("https://a.org/`x`", False),
                                       ("https://a.org/x\u00a0y", False),
                                       ("https://a.org:8443/(x)_y*z?q=1&r=[2]#f", True),
                                       ("https://a.org/caf\u00e9", True)])
def test_url_format(value, ok):
    assert FORMATS.conforms(value, "url") is ok


@pytest.mark.parametrize("value,ok", [("2009", True), ("2025-12", True), ("2025-12-31", True), ("2025-13", False),
                                       ("2025-1", False), ("2025-02-30", False), ("25", False)])
def test_partial_date_format(value, ok):
    assert FORMATS.conforms(value, "partial-date") is ok


def test_a_date_is_shown_as_precisely_as_it_was_written():
    from hooks.pages.provenance import long_date

    assert [long_date(v) for v in ("2009", "2025-12", "2025-12-31")] == ["2009", "December 2025", "31 December 2025"]


@pytest.mark.parametrize("value,ok", [("10.3310/hsdr06370", True), ("10.1016/S0140-6736(13)60000-X", True),
                                       ("10.3310/hsdr06370\n", False), ("10.3310/a>b", False), ('10.3310/a"b', False),
                                       ("10.3310/a b", False), ("10.3310/a`b`", False), ("x10.3310/a", False)])
def test_a_doi_is_matched_whole(value, ok):
    reference = {"citation": "A source of ten characters", "year": 2020, "doi": value}
    errors = list(validator("case_study").iter_errors({"references": [reference]}))
    assert not any(error.validator == "pattern" for error in errors) is ok
