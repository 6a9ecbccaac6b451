"""Schema validation in plain words: each JSON Schema error as a message a contributor can act on.

The model (`hooks.model.schema`) declares the fields; this module checks values against them and
explains each error on the line where the value was written. Explanations are a table keyed by the
JSON Schema keyword that failed, so a keyword the schemas start to use gets its words in one place.
A subschema may give its own words for its errors with `x-message` (and the rule id with `x-rule`):
rules JSON Schema can state but not explain, such as an instrument's "an essential statement needs
an action".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource

from hooks.checks import characters
from hooks.checks.suggest import did_you_mean
from hooks.model.schema import DATE, PARTIAL_DATE, WHOLE_VALUE_FORMATS, Kind, common, data_kinds, kinds, vocabularies
from hooks.read.problems import Problem, field_path, quote

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
def validator(kind_name: str) -> Draft202012Validator:
    """The validator of a kind's schema, with `common.yml` to resolve its `$ref`s and the hub's formats."""
    registry = Registry().with_resource("common.yml", Resource.from_contents(common()))
    schema = (kinds().get(kind_name) or data_kinds()[kind_name]).schema
    return _Validator(schema, registry=registry, format_checker=FORMATS)


def validate(kind: Kind, data: dict, *, path: str, line_of) -> list[Problem]:
    """Every schema problem of one entry's fields, each on the line where it was written.

    A value holding a character no field may hold gets that problem alone instead of "not an email
    address" or "not in the expected form", which would not say what is wrong with what looks right.
    """
    refused = characters.field_problems(data, path=path, line_of=line_of)
    problems: dict[Problem, None] = dict.fromkeys(refused)
    unreadable = {problem.field for problem in refused}
    for error in validator(kind.name).iter_errors(data):
        if error.validator in ("format", "pattern") and field_path(tuple(error.absolute_path)) in unreadable:
            continue
        parts = tuple(error.absolute_path)
        for where, message, rule in _explain(error, kind):
            problems[Problem(path, line_of(parts + where), field_path(parts + where) or "front matter",
                             message, rule)] = None
    return list(problems)


Explanation = list[tuple[tuple, str, str]]
"""Each problem an error makes: the keys below the error's value it is about, the message and the rule id."""

_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a group of fields",
               "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "null": "nothing"}
_FORMAT_RULES = {
    "date": ("bad-date", "{value} is not a date; write it as YYYY-MM-DD, for example 2026-11-25"),
    "partial-date": ("bad-date", "{value} is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2025-12"),
    "email": ("bad-email", "{value} is not an email address; write it as name@organisation.nhs.uk"),
    "url": ("bad-url", "{value} is not a web address; give the full address, starting with https://"),
}
_TEMPLATES = {
    "minItems": ("needs at least {limit} item{s}, but has {length}{example}", "too-short"),
    "minLength": ("needs at least {limit} character{s}, but has {length}{example}", "too-short"),
    "maxItems": ("has {length} items; the most allowed is {limit}. Shorten it", "too-long"),
    "maxLength": ("has {length} characters; the most allowed is {limit}. Shorten it", "too-long"),
    "minimum": ("{value} is too small; the smallest allowed is {limit}", "bad-value"),
    "maximum": ("{value} is too large; the largest allowed is {limit}", "bad-value"),
    "pattern": ("{value} is not in the expected form: {form}", "bad-value"),
}
"""Keywords explained by a message alone, as a template of the value, the keyword's limit and the field."""


def _explain(error: ValidationError, kind: Kind) -> Explanation:
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "x-message" in schema:
        return [((), _words(schema["x-message"]).format_map(_facts(error, schema)), schema.get("x-rule", "bad-value"))]
    if error.validator in _TEMPLATES:
        template, rule = _TEMPLATES[error.validator]
        return [((), template.format_map(_facts(error, schema)), rule)]
    explain = _EXPLAINERS.get(error.validator)
    return explain(error, schema, kind) if explain else [((), error.message, "bad-value")]


def _facts(error: ValidationError, schema: dict) -> dict:
    """What a message template may name: the value as quoted, the keyword's limit, the value's length."""
    value, limit = error.instance, error.validator_value
    return {"value": quote(value), "limit": limit, "s": "s" if limit != 1 else "",
            "length": len(value) if isinstance(value, (str, list, dict)) else "", "example": _example(schema),
            "form": schema.get("description", "see the field reference")}


def _words(text: str) -> str:
    return " ".join(text.split())


def _example(schema: dict) -> str:
    if "example" not in schema:
        return ""
    return f"; for example: {json.dumps(schema['example'], ensure_ascii=False)}"


def _kind_of(value) -> str:
    for name, python_type in (("boolean", bool), ("integer", int), ("number", float), ("string", str),
                              ("array", list), ("object", dict)):
        if isinstance(value, python_type):
            return _TYPE_WORDS[name]
    return "nothing"


def _required(error, schema, kind) -> Explanation:
    # jsonschema reports each missing field in its own error; `validate` drops the repeats.
    return [((name,), f"the required field '{name}' is missing; add it{_example(schema['properties'].get(name, {}))}",
             "missing-field") for name in error.validator_value if name not in error.instance]


def _any_of(error, schema, kind) -> Explanation:
    alternatives = error.validator_value
    if "x-any-of-message" in schema:
        return [((alternatives[0]["required"][0],), _words(schema["x-any-of-message"]), "missing-field")]
    if not all(set(alternative) == {"required"} for alternative in alternatives):
        return [((), error.message, "bad-value")]
    names = [name for alternative in alternatives for name in alternative["required"]]
    example = json.dumps(schema["properties"][names[-1]]["example"], ensure_ascii=False)
    return [((), f"has no {' or '.join(quote(name) for name in names)}; give at least one of them, "
                 f"for example: {names[-1]}: {example}", "missing-field")]


def _unknown_fields(error, schema, kind) -> Explanation:
    known = list(schema.get("properties", {}))
    parts = tuple(error.absolute_path)
    where = kind.label.lower() if not parts else f"'{field_path(parts)}'"
    return [((name,), f"'{name}' is not a field of a {where}; "
             + did_you_mean(name, known, otherwise=f"the fields are: {', '.join(known)}"), "unknown-field")
            for name in error.instance if name not in known]


def _wrong_type(error, schema, kind) -> Explanation:
    wanted, value = error.validator_value, error.instance
    wanted_words = " or ".join(_TYPE_WORDS[t] for t in ([wanted] if isinstance(wanted, str) else wanted))
    hint = ""
    if wanted == "boolean" and isinstance(value, str) and value.lower() in ("yes", "no", "y", "n", "on", "off"):
        hint = f"; write true or false instead of {quote(value)}"
    elif wanted == "array" and isinstance(value, (str, int)):
        hint = f"; write it as a list, like [{value}]"
    return [((), f"expected {wanted_words} but found {_kind_of(value)} ({quote(value)}){hint or _example(schema)}",
             "wrong-type")]


def _not_allowed(error, schema, kind) -> Explanation:
    vocabulary = vocabularies().get(schema.get("x-vocabulary", ""))
    noun = vocabulary.noun if vocabulary else "value"
    advice = did_you_mean(error.instance, error.validator_value, names=vocabulary.names() if vocabulary else None,
                          otherwise="use one of: " + ", ".join(str(choice) for choice in error.validator_value))
    return [((), f"{quote(error.instance)} is not a known {noun}; {advice}", "bad-value")]


def _bad_format(error, schema, kind) -> Explanation:
    if error.validator_value not in _FORMAT_RULES:
        return [((), error.message, "bad-value")]
    rule, message = _FORMAT_RULES[error.validator_value]
    return [((), message.format(value=quote(error.instance)), rule)]


def _repeated(error, schema, kind) -> Explanation:
    seen, repeated = [], []
    for item in error.instance:
        (repeated if item in seen else seen).append(item)
    return [((), f"{', '.join(quote(r) for r in repeated)} is listed more than once; keep one", "repeated-value")]


_EXPLAINERS: dict[str, Callable[[ValidationError, dict, Kind], Explanation]] = {
    "required": _required, "anyOf": _any_of, "additionalProperties": _unknown_fields, "type": _wrong_type,
    "enum": _not_allowed, "format": _bad_format, "uniqueItems": _repeated,
}
"""Keywords whose explanation needs more than a template: a problem per missing or unknown field, or a suggestion."""
