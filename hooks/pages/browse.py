"""What readers browse by: the finder's facets, the comparison's columns and related entries.

Which fields the case study finder filters by (`x-facet`) and which fields the comparison of
approaches shows (`x-compare`) is declared in the schemas. This module turns those declarations
into data for the templates and for `entries.json`, so neither the pages nor the browser script
keep a list of fields or values of their own.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from hooks.checks import names
from hooks.model import fields
from hooks.model.catalogue import Catalogue, Entry
from hooks.model.schema import kinds, vocabularies

FINDER_PAGE = f"{kinds()['case_study'].site_directory}/index.md"
"""The case studies index is the finder: without JavaScript it is the first of its pages of cards (`finder`)."""
COMPARISON_PAGE = "compare-approaches.md"
"""At the site root, so that no approach slug can take its address."""
RELATED = 5
"""How many related entries a page shows: enough to go on from, few enough to read."""
POOL = 200
"""How many of the newest case studies sharing one approach or setting `related_case_studies` weighs."""


@dataclass(frozen=True)
class Facet:
    """A case study field the finder filters by, with the key it has in a shared URL."""

    field: str
    key: str
    """The name in the URL's query string, like `setting` in `?setting=maternity`."""
    label: str
    vocabulary: str | None
    """The vocabulary naming its values; None when they are years or entries of another kind."""
    year: bool
    """A date field, filtered by its year."""
    also: tuple[str, ...] = ()
    """Other fields whose values count too, as dotted paths: a partner's `partners.type` is an organisation type."""
    year_of: str | None = None
    """For a group of fields, the date in it whose year counts: `date` of `first_published`."""
    otherwise: str | None = None
    """The date whose year counts for a case study without this field: the hub's own `published`."""
    unlisted: str | None = None
    """A field of names without a page (`other_approaches`), counted as values of this facet too."""
    phrase: str = "with {}"
    """How a chosen value reads in "No case studies <phrase> yet", `{}` standing for its label."""

    def values_of(self, entry: Entry) -> list[str]:
        """The entry's values for this facet, each once, as strings, the form they take in a URL.

        The one place that decides them: `entries.json`, and through it the finder in the browser,
        and the spreadsheet's year column take them from here.
        """
        if self.field in entry.data:
            values = _values_at(entry.data[self.field], self.year_of)
        else:
            values = _values_at(entry.data.get(self.otherwise)) if self.otherwise else []
        for path in self.also:
            values += _values_at(entry.data, path)
        values = [str(value)[:4] if self.year else str(value) for value in values]
        if self.unlisted:
            values += [unlisted_value(name) for name in entry.data.get(self.unlisted, ())]
        return list(dict.fromkeys(values))

    def query(self, value) -> str:
        """The query string that opens the finder filtered by one value."""
        return urlencode({self.key: str(value)})

    def options(self, catalogue: Catalogue) -> list[tuple[str, str]]:
        """Every value some case study has, with its label, in the order readers expect."""
        used = {value for entry in catalogue.of("case_study") for value in self.values_of(entry)}
        return [(value, text) for value, text in self.known(catalogue) if value in used]

    def known(self, catalogue: Catalogue) -> list[tuple[str, str]]:
        """Every value a case study could have today, with its label, in the order readers expect: a link to the
        finder may name one that no case study has yet. Years are only those some case study has."""
        if self.year:
            used = {value for entry in catalogue.of("case_study") for value in self.values_of(entry)}
            return [(year, year) for year in sorted(used, reverse=True)]
        if self.vocabulary:
            vocabulary = vocabularies()[self.vocabulary]
            return [(str(value), label(self.vocabulary, value)) for value in vocabulary.values]
        named = _named_kind(self.field)
        # Names that read the same are one value, labelled as the first case study (by file name) writes it.
        unlisted = {unlisted_value(name): f"{name} ({NO_PAGE})" for entry in reversed(catalogue.of("case_study"))
                    for name in entry.data.get(self.unlisted, ())}
        return sorted([(entry.slug, entry.title) for entry in catalogue.of(named)]
                      + list(unlisted.items()), key=lambda option: option[1].lower())


NO_PAGE = "no page on the hub yet"
"""How a name without a page is marked, wherever it is shown."""


def unlisted_value(name: str) -> str:
    """The finder's value for an approach named without a page: the name as a reader sees it (`names.same`),
    hyphens for spaces, after a prefix no slug of a page can have (a slug has no `:`)."""
    return "other:" + "-".join(names.same(name).split())


def label(name: str, value) -> str:
    """A value's label in the vocabulary `name`."""
    return vocabularies()[name].label(value)


def _named_kind(field: str) -> str:
    """The kind whose entries a list field names by slug: the one whose plural is the field's name."""
    for kind in kinds().values():
        if kind.plural == field:
            return kind.name
    raise ValueError(f"the facet {field!r} has no vocabulary, is not a date and names no kind of entry")


@cache
def facets() -> tuple[Facet, ...]:
    """The finder's facets, in the order their fields are declared."""
    result = []
    for field in filter(lambda field: field.facet, fields.of("case_study")):
        vocabulary = field.vocabulary and field.vocabulary.name
        marks = field.facet
        year = field.format == "date" or "year-of" in marks
        result.append(Facet(field.name, marks["key"], marks["label"], vocabulary, year, tuple(marks.get("also", ())),
                            marks.get("year-of"), marks.get("otherwise"), marks.get("unlisted"),
                            marks.get("phrase", Facet.phrase)))
    return tuple(result)


def _values_at(value, path: str | None = None) -> list:
    """Every value at a dotted path into a field (`type` of each partner), through lists; none where one is missing."""
    values = [value]
    for name in path.split(".") if path else ():
        values = [item.get(name) for item in _flat(values) if isinstance(item, dict)]
    return [item for item in _flat(values) if item is not None]


def _flat(values: list) -> list:
    return [item for value in values for item in (value if isinstance(value, list) else [value])]


def facet(field: str) -> Facet | None:
    """The facet of a case study field, if the finder filters by it; an approach's field of the same
    name (its settings) shares it."""
    return next((f for f in facets() if f.field == field), None)


def related_case_studies(entry: Entry, catalogue: Catalogue, limit: int = RELATED) -> list[Entry]:
    """Case studies sharing approaches or settings with this one: an approach counts double, newest first on a tie.

    Only the `POOL` newest case studies sharing each approach or setting are weighed, so the work per
    page stays the same as the hub grows instead of growing with the number of case studies.
    """
    scores: Counter[str] = Counter()
    for field_name, weight in (("approaches", 2), ("settings", 1)):
        for value in entry.data.get(field_name, ()):
            scores.update({other.slug: weight for other in catalogue.having("case_study", field_name, value)[:POOL]})
    scores.pop(entry.slug, None)
    if not scores:
        return []
    # Only those scoring at least the `limit`-th best score can be among the best `limit`.
    threshold = min(heapq.nlargest(limit, scores.values()))
    studies = catalogue.entries["case_study"]
    others = [studies[slug] for slug in sorted(slug for slug, score in scores.items() if score >= threshold)]
    return heapq.nlargest(limit, others, key=lambda other: (scores[other.slug], other.data["published"]))


def related_approaches(entry: Entry, catalogue: Catalogue, limit: int = RELATED) -> list[Entry]:
    """Approaches used in the same case studies as this one (each counts double) or in the same settings."""
    used_with: dict[str, int] = {}
    for study in catalogue.case_studies_using(entry.slug):
        for slug in study.data["approaches"]:
            used_with[slug] = used_with.get(slug, 0) + 1

    def score(other: Entry) -> int:
        return 2 * used_with.get(other.slug, 0) + len(set(entry.data["settings"]) & set(other.data["settings"]))

    others = [other for other in catalogue.of("approach") if other.slug != entry.slug and score(other)]
    others.sort(key=lambda other: other.title.lower())
    return sorted(others, key=score, reverse=True)[:limit]


@dataclass(frozen=True)
class Cell:
    """One value of the comparison: the text shown, the key it sorts by, and what it links to."""

    text: str
    sort: str
    values: tuple[tuple[str, str], ...] = ()
    """(value, label) pairs when the cell shows vocabulary values, for linking each one; (name, role) pairs
    when it shows providers."""


@dataclass(frozen=True)
class Column:
    """A column of the comparison: an approach field, its heading, and its vocabulary if it has one."""

    field: str
    label: str
    vocabulary: str | None


@cache
def comparison_columns() -> tuple[Column, ...]:
    """The approach fields the comparison page shows, in the order they are declared."""
    return tuple(Column(field.name, field.title, field.vocabulary and field.vocabulary.name)
                 for field in fields.of("approach") if field.compare)


def comparison_cell(entry: Entry, column: Column) -> Cell:
    """A field of an approach as the comparison shows it. Ordered vocabularies (like evidence
    levels) sort in their declared order; ranges sort by their smallest value; a missing value sorts last."""
    value = entry.data.get(column.field)
    if value is None:
        return Cell("Not given", "")
    if column.field == PROVIDERS:
        return _providers_cell(entry)
    if column.vocabulary:
        items = value if isinstance(value, list) else [value]
        pairs = tuple((str(item), label(column.vocabulary, item)) for item in items)
        order = list(vocabularies()[column.vocabulary].values)
        sort = f"{order.index(value):03d}" if not isinstance(value, list) else ", ".join(p[1] for p in pairs)
        return Cell(", ".join(p[1] for p in pairs), sort, pairs)
    unit = fields.at(kinds()["approach"], (column.field,))[-1].unit
    span = f"{value['min']}" if value["min"] == value["max"] else f"{value['min']}–{value['max']}"
    return Cell(f"{span} {unit}".strip(), f"{value['min']:06d}")


PROVIDERS = "providers"
"""The approach field naming who licenses, develops or trains for it: the comparison shows those still in the role."""


def current_providers(entry: Entry) -> list[dict]:
    """The providers still in their role: the schema asks for a `valid_to` only once a provider gave its role up."""
    return [provider for provider in entry.data.get(PROVIDERS, ()) if "valid_to" not in provider]


def _providers_cell(entry: Entry) -> Cell:
    """Who to contact now, each with the role it plays; sorted by the first one's name."""
    pairs = tuple((provider["name"], label("provider_roles", provider["role"])) for provider in current_providers(entry))
    if not pairs:
        return Cell("No current provider", "")
    return Cell("; ".join(f"{name} ({role})" for name, role in pairs), pairs[0][0].lower(), pairs)
