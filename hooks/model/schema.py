"""The kinds of entry and data, their schemas and the vocabularies, each read once.

Every field is declared in `schemas/<kind>.yml` and every allowed value in `vocabularies.yml`.
A schema names a vocabulary with `x-vocabulary`; its enum is filled in here, so a value is
never listed twice. Validating against these schemas is a check, in `hooks.checks.schema`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from hooks.read.frontmatter import StrictLoader

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
    schema = _expanded(schema_source(f"{name}.yml"))
    return Kind(name, schema, schema["x-directory"], schema["x-site-directory"],
                tuple(_section(spec) for spec in schema.get("x-sections", ())),
                ".yml" if name in DATA_KINDS else ".md")


def schema_source(file_name: str) -> dict:
    """A schema file as written, before its vocabularies are filled in."""
    return _yaml(HERE / "schemas" / file_name)


@cache
def common() -> dict:
    """`common.yml`, the definitions the kinds' schemas refer to with `$ref`, its vocabularies filled in."""
    return _expanded(schema_source("common.yml"))


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
