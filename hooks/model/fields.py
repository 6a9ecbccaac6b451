"""Each kind's fields as a tree of plain records: the one reader of the schemas for every other module.

The template, `make new`, the field reference page, the share form, the placeholder check, the case
study finder, the comparison of approaches, the open data and the readiness pages all need the
fields of a kind. Reading them here once, with `$ref`s followed, vocabularies attached and the hub's
own marks (`x-facet`, `x-compare`, `x-unit`, ...) as attributes, keeps each of them from
interpreting the JSON Schema in its own way; `tests/test_layers.py` fails if one starts to.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hooks.model.schema import Kind, Vocabulary, data_kinds, kinds, schema_source, vocabularies

FORMAT_WORDS = {"date": "date, written YYYY-MM-DD", "partial-date": "date, written YYYY, YYYY-MM or YYYY-MM-DD",
                "email": "email address", "url": "web address, starting with https://"}
"""How a value of each format is written in an entry file. The descriptions in the schemas say what a value
means, not how it is written, so each place that shows a file's fields (the field reference, the templates)
adds these words, and the share form its own way of asking for a date."""


@dataclass(frozen=True)
class Field:
    """One field of an entry, or of a group of fields inside one."""

    name: str
    title: str
    description: str
    example: object
    required: bool
    type: str
    """JSON Schema type of the value: string, integer, boolean, object or array."""
    item_type: str | None = None
    """For a list, the type of each item."""
    vocabulary: Vocabulary | None = None
    """The controlled values the field (or each item of a list) must come from."""
    entries: str | None = None
    """For a field naming other entries (`x-entries`), the kind they are."""
    format: str | None = None
    pattern: str | None = None
    pattern_description: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_items: int = 0
    fields: tuple[Field, ...] = ()
    """For a group (or a list of groups), the fields inside it."""
    alternatives: tuple[str, ...] = ()
    """The other fields of a set of which at least one must be given (`approaches`, `other_approaches`)."""
    default: str | None = None
    """What a new entry holds without asking (`x-default`): `today` is the day it is made."""
    not_in: str | None = None
    """For names of what has no entry yet (`x-not-in`), the field naming the entries they must not be."""
    facet: dict | None = None
    """For a field the case study finder filters by (`x-facet`), its URL key, label and how its values count."""
    compare: bool = False
    """The comparison of approaches shows the field as a column (`x-compare`)."""
    unit: str = ""
    """The unit of a number range (`x-unit`): `people`, `minutes`."""

    @property
    def many(self) -> bool:
        return self.type == "array"

    @property
    def group(self) -> bool:
        return bool(self.fields)

    @property
    def one_of(self) -> tuple[str, ...]:
        """For a group, the names of its fields of which at least one must be given: those with alternatives."""
        return tuple(field.name for field in self.fields if field.alternatives)

    @property
    def needs(self) -> str:
        """What a group needs of its fields beyond their own rules, in words: `at least one of name and team`."""
        return f"at least one of {' and '.join(self.one_of)}" if self.one_of else ""

    def child(self, name: str) -> Field | None:
        return next((field for field in self.fields if field.name == name), None)


def _resolved(spec: dict) -> dict:
    """The property's schema with a `$ref` to common.yml merged under the property's own keys."""
    ref = spec.get("$ref")
    if not ref:
        return spec
    file_name, _, pointer = ref.partition("#")
    target = schema_source(file_name)
    for part in pointer.strip("/").split("/"):
        target = target[part]
    return {**_resolved(target), **{k: v for k, v in spec.items() if k != "$ref"}}


def _field(name: str, spec: dict, required: bool, alternatives: tuple[str, ...] = ()) -> Field:
    spec = _resolved(spec)
    items = _resolved(spec.get("items", {}))
    group = spec if spec.get("type") == "object" else items if items.get("type") == "object" else {}
    vocabulary_name = spec.get("x-vocabulary") or items.get("x-vocabulary")
    vocabulary = vocabularies()[vocabulary_name] if vocabulary_name else None
    value_type = spec.get("type") or _type_of(vocabulary)
    constrained = items if value_type == "array" else spec
    return Field(
        name=name, title=spec["title"], description=" ".join(spec["description"].split()),
        example=spec["example"], required=required, type=value_type,
        item_type=(items.get("type") or _type_of(vocabulary)) if value_type == "array" else None,
        vocabulary=vocabulary, entries=items.get("x-entries") or spec.get("x-entries"),
        format=constrained.get("format"), pattern=constrained.get("pattern"),
        pattern_description=constrained.get("description") if constrained.get("pattern") else None,
        min_length=constrained.get("minLength"), max_length=constrained.get("maxLength"),
        minimum=constrained.get("minimum"), maximum=constrained.get("maximum"),
        min_items=spec.get("minItems", 0),
        fields=_fields(group) if group else (), alternatives=alternatives,
        default=spec.get("x-default"), not_in=spec.get("x-not-in"), facet=spec.get("x-facet"),
        compare=bool(spec.get("x-compare")), unit=spec.get("x-unit", ""))


def _one_of(group: dict) -> tuple[str, ...]:
    """The fields a group needs at least one of: each alternative of its `anyOf` requires one field."""
    return tuple(name for alternative in group.get("anyOf", ()) for name in alternative["required"])


def _type_of(vocabulary: Vocabulary | None) -> str:
    """A vocabulary's value type: the LCAV commitments are numbers, the rest are slugs."""
    if vocabulary and all(isinstance(value, int) for value in vocabulary.values):
        return "integer"
    return "string"


def _fields(schema: dict) -> tuple[Field, ...]:
    required = set(schema.get("required", ()))
    one_of = _one_of(schema)
    return tuple(_field(name, spec, name in required, tuple(other for other in one_of if other != name)
                        if name in one_of else ())
                 for name, spec in schema.get("properties", {}).items())


@cache
def of(kind_name: str) -> tuple[Field, ...]:
    """The top-level fields of a kind (of entry or of data), in the order the schema declares them."""
    return _fields({**kinds(), **data_kinds()}[kind_name].schema)


def at(kind: Kind, parts: tuple) -> tuple[Field, ...] | None:
    """The fields along a path of keys and list indexes (`("references", 0, "url")`), outermost first."""
    chain: list[Field] = []
    children = of(kind.name)
    for part in parts:
        if isinstance(part, int):
            if not chain or not chain[-1].many:
                return None
            children = chain[-1].fields
            continue
        field = next((f for f in children if f.name == part), None)
        if field is None:
            return None
        chain.append(field)
        children = field.fields
    return tuple(chain)


def walk(fields: tuple[Field, ...], prefix: str = ""):
    """Every field with its dotted path (`references[].url`), parents before their children."""
    for field in fields:
        path = f"{prefix}{field.name}"
        yield path, field
        yield from walk(field.fields, f"{path}[]." if field.many else f"{path}.")
