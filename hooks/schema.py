"""The schemas and vocabularies, loaded once, and schema validation in plain words.

Every field is declared in `schemas/<kind>.yml` and every allowed value in `vocabularies.yml`.
A schema names a vocabulary with `x-vocabulary`; its enum is filled in here, so a value is
never listed twice. Validation is JSON Schema; what this module adds is turning each error
into a message a contributor can act on, on the line where they wrote the value.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource

from hooks import characters
from hooks.frontmatter import StrictLoader
from hooks.problems import Problem, field_path, quote

HERE = Path(__file__).parent
KINDS = ("approach", "case_study")
"""Entry kinds, in the order they are loaded: case studies refer to approaches."""
DATA_KINDS = ("instrument",)
"""Kinds kept as plain YAML files rather than Markdown entries: readiness instruments."""

DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
"""The shape of a `date`, which must also be a day of the calendar (from the year 1)."""
PARTIAL_DATE = r"[0-9]{4}(-(0[1-9]|1[0-2]))?"
"""A `partial-date` shorter than a day: a year, or a year and a month. One as long as a day must be a `date`.
Both patterns are written so that Python and JavaScript (the share form) read them alike."""
WHOLE_VALUE_FORMATS = {
    "email": r"[A-Za-z0-9.!#$%&'*+/=?^_~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
    "url": r"https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\xa0"
           r'"<>\\^`{|}\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]*)?',
}
"""Formats given as a pattern the whole value must match, written so that Python and JavaScript (the share
form) read them alike. Each leaves out what would end or break the Markdown link it is printed in: spaces,
quotes, angle brackets, backslashes, backticks and braces."""


@dataclass(frozen=True)
class Vocabulary:
    """A controlled list of values, each with the label readers see."""

    name: str
    noun: str
    values: dict

    def label(self, value) -> str:
        return self.values[value]["label"]

    def description(self, value) -> str:
        return self.values[value].get("description", "")

    def names(self) -> dict[str, object]:
        """Every name a value is known by besides itself, its label and its synonyms, to the value."""
        return {name: value for value, spec in self.values.items()
                for name in (spec["label"], *spec.get("synonyms", ()))}


@dataclass(frozen=True)
class Section:
    """A required Markdown section of an entry's body, with guidance for the writer."""

    title: str
    guidance: str
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Kind:
    """A kind of entry: its schema, where its files live and the sections its body needs."""

    name: str
    schema: dict
    directory: str
    """Folder of the source files, relative to the repository root."""
    site_directory: str
    """Folder of the generated pages, relative to the site root."""
    sections: tuple[Section, ...]
    suffix: str = ".md"
    """File name ending of the source files."""

    @property
    def label(self) -> str:
        return self.schema["title"]

    @property
    def plural(self) -> str:
        return self.schema["x-plural"]

    @property
    def reserved_slugs(self) -> frozenset[str]:
        """Slugs whose page address is one the site gives a page of its own."""
        return frozenset(self.schema.get("x-reserved-slugs", ()))

    def validator(self) -> Draft202012Validator:
        return _validator(self.name)


@cache
def vocabularies() -> dict[str, Vocabulary]:
    raw = _yaml(HERE / "vocabularies.yml")
    return {name: Vocabulary(name, spec["noun"], spec["values"]) for name, spec in raw.items()}


@cache
def kinds() -> dict[str, Kind]:
    return {name: _kind(name) for name in KINDS}


@cache
def data_kinds() -> dict[str, Kind]:
    """The YAML-only kinds, checked by the same schema machinery as entries."""
    return {name: _kind(name) for name in DATA_KINDS}


def _kind(name: str) -> Kind:
    schema = _expanded(_schema_file(f"{name}.yml"))
    return Kind(name, schema, schema["x-directory"], schema["x-site-directory"],
                tuple(_section(spec) for spec in schema.get("x-sections", ())),
                ".yml" if name in DATA_KINDS else ".md")


def _schema_file(file_name: str) -> dict:
    return _yaml(HERE / "schemas" / file_name)


def _yaml(path: Path):
    """The hub's own YAML, read as strictly as the entries and, on libyaml, as fast: a build reads
    every schema before its first entry."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)


def _section(spec: dict) -> Section:
    return Section(spec["title"], spec["guidance"], tuple(_section(s) for s in spec.get("subsections", ())))


def _expanded(schema):
    """A copy of the schema with each `x-vocabulary` given its enum from the vocabulary file."""
    if isinstance(schema, list):
        return [_expanded(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: _expanded(value) for key, value in schema.items()}
    if "x-vocabulary" in result:
        result["enum"] = list(vocabularies()[result["x-vocabulary"]].values)
    return result


FORMATS = FormatChecker(formats=())


@FORMATS.checks("date")
def _is_date(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return bool(re.fullmatch(DATE, value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False


@FORMATS.checks("partial-date")
def _is_partial_date(value) -> bool:
    if not isinstance(value, str) or len(value) == 10:
        return _is_date(value)
    return bool(re.fullmatch(PARTIAL_DATE, value))


def _whole_value(pattern: str):
    compiled = re.compile(pattern)
    return lambda value: not isinstance(value, str) or compiled.fullmatch(value) is not None


for _name, _pattern in WHOLE_VALUE_FORMATS.items():
    FORMATS.checks(_name)(_whole_value(_pattern))


def _whole_pattern(validator, pattern, instance, schema):
    """`pattern` matched against the whole value, as the share form matches it: JSON Schema's own
    search lets `$` match before a final line break, so `'10.1/x\\n'` would pass `^10\\..*$`."""
    if validator.is_type(instance, "string") and not re.fullmatch(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _whole_pattern})


@cache
def _validator(kind: str) -> Draft202012Validator:
    common = _schema_file("common.yml")
    registry = Registry().with_resource("common.yml", Resource.from_contents(_expanded(common)))
    schema = (kinds().get(kind) or data_kinds()[kind]).schema
    return _Validator(schema, registry=registry, format_checker=FORMATS)


def validate(kind: Kind, data: dict, *, path: str, line_of) -> list[Problem]:
    """Every schema problem of one entry's fields, each on the line where it was written.

    A value holding a character no field may hold gets that problem alone instead of "not an email
    address" or "not in the expected form", which would not say what is wrong with what looks right.
    """
    refused = characters.field_problems(data, path=path, line_of=line_of)
    problems: dict[Problem, None] = dict.fromkeys(refused)
    unreadable = {problem.field for problem in refused}
    for error in kind.validator().iter_errors(data):
        if error.validator in ("format", "pattern") and field_path(tuple(error.absolute_path)) in unreadable:
            continue
        problems.update(dict.fromkeys(_explain(error, path, line_of, kind)))
    return list(problems)


_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a group of fields",
               "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "null": "nothing"}
_FORMAT_RULES = {
    "date": ("bad-date", "{value} is not a date; write it as YYYY-MM-DD, for example 2026-11-25"),
    "partial-date": ("bad-date", "{value} is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2025-12"),
    "email": ("bad-email", "{value} is not an email address; write it as name@organisation.nhs.uk"),
    "url": ("bad-url", "{value} is not a web address; give the full address, starting with https://"),
}


def _kind_of(value) -> str:
    for name, python_type in (("boolean", bool), ("integer", int), ("number", float), ("string", str),
                              ("array", list), ("object", dict)):
        if isinstance(value, python_type):
            return _TYPE_WORDS[name]
    return "nothing"


def _example(schema: dict) -> str:
    if "example" not in schema:
        return ""
    return f"; for example: {json.dumps(schema['example'], ensure_ascii=False)}"


def _suggestion(value, choices: list, names: dict | None = None) -> str | None:
    """The allowed value nearest to what was written, matching the other `names` of each value (a
    vocabulary's labels and synonyms: 'A&E' for 'emergency-department') too, whatever their case."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    by_text = {str(choice).lower(): choice for choice in choices}
    for name, choice in (names or {}).items():
        by_text.setdefault(name.lower(), choice)
    if text in by_text:
        return by_text[text]
    close = difflib.get_close_matches(text, list(by_text), n=1, cutoff=0.6)
    return by_text[close[0]] if close else None


def _explain(error, path: str, line_of, kind: Kind) -> list[Problem]:
    parts = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    value = error.instance
    validator = error.validator

    def problem(message: str, rule: str, where: tuple = parts) -> Problem:
        return Problem(path, line_of(where), field_path(where) or "front matter", message, rule)

    if validator == "required":
        # jsonschema reports each missing field in its own error; `validate` drops the repeats.
        return [problem(f"the required field '{name}' is missing; add it"
                        f"{_example(schema['properties'].get(name, {}))}", "missing-field", parts + (name,))
                for name in error.validator_value if name not in value]
    if validator == "anyOf" and "x-any-of-message" in schema:
        first = error.validator_value[0]["required"][0]
        return [problem(" ".join(schema["x-any-of-message"].split()), "missing-field", parts + (first,))]
    if validator == "anyOf" and all(set(alternative) == {"required"} for alternative in error.validator_value):
        names = [name for alternative in error.validator_value for name in alternative["required"]]
        example = json.dumps(schema["properties"][names[-1]]["example"], ensure_ascii=False)
        return [problem(f"has no {' or '.join(quote(name) for name in names)}; give at least one of them, "
                        f"for example: {names[-1]}: {example}", "missing-field")]
    if validator == "additionalProperties":
        known = list(schema.get("properties", {}))
        where = kind.label.lower() if not parts else f"'{field_path(parts)}'"
        problems = []
        for name in (k for k in value if k not in known):
            near = _suggestion(name, known)
            advice = f"did you mean '{near}'?" if near else f"the fields are: {', '.join(known)}"
            problems.append(problem(f"'{name}' is not a field of a {where}; {advice}",
                                    "unknown-field", parts + (name,)))
        return problems
    if validator == "type":
        wanted = error.validator_value
        wanted_words = " or ".join(_TYPE_WORDS[t] for t in ([wanted] if isinstance(wanted, str) else wanted))
        hint = ""
        if wanted == "boolean" and isinstance(value, str) and value.lower() in ("yes", "no", "y", "n", "on", "off"):
            hint = f"; write true or false instead of {quote(value)}"
        elif wanted == "array" and isinstance(value, (str, int)):
            hint = f"; write it as a list, like [{value}]"
        return [problem(f"expected {wanted_words} but found {_kind_of(value)} ({quote(value)})"
                        f"{hint or _example(schema)}", "wrong-type")]
    if validator == "enum":
        vocabulary = vocabularies().get(schema.get("x-vocabulary", ""))
        noun = vocabulary.noun if vocabulary else "value"
        near = _suggestion(value, error.validator_value, vocabulary.names() if vocabulary else None)
        if near is not None:
            advice = f"did you mean {quote(near)}?"
        else:
            advice = "use one of: " + ", ".join(str(choice) for choice in error.validator_value)
        return [problem(f"{quote(value)} is not a known {noun}; {advice}", "bad-value")]
    if validator == "format" and error.validator_value in _FORMAT_RULES:
        rule, message = _FORMAT_RULES[error.validator_value]
        return [problem(message.format(value=quote(value)), rule)]
    if validator == "pattern":
        form = schema.get("description", "see the field reference")
        return [problem(f"{quote(value)} is not in the expected form: {form}", "bad-value")]
    if validator in ("minItems", "minLength"):
        unit = "item" if validator == "minItems" else "character"
        limit = error.validator_value
        return [problem(f"needs at least {limit} {unit}{'s' if limit != 1 else ''}, "
                        f"but has {len(value)}{_example(schema)}", "too-short")]
    if validator in ("maxItems", "maxLength"):
        unit = "items" if validator == "maxItems" else "characters"
        return [problem(f"has {len(value)} {unit}; the most allowed is {error.validator_value}. Shorten it",
                        "too-long")]
    if validator == "minimum":
        return [problem(f"{quote(value)} is too small; the smallest allowed is {error.validator_value}", "bad-value")]
    if validator == "maximum":
        return [problem(f"{quote(value)} is too large; the largest allowed is {error.validator_value}", "bad-value")]
    if validator == "uniqueItems":
        seen, repeated = [], []
        for item in value:
            (repeated if item in seen else seen).append(item)
        return [problem(f"{', '.join(quote(r) for r in repeated)} is listed more than once; keep one",
                        "repeated-value")]
    return [problem(error.message, "bad-value")]
