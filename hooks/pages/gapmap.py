"""The evidence and gap map: approaches against settings, and against staff groups, by the case studies of each pair.

Evidence and gap maps (3ie, the Campbell Collaboration) show at a glance where the studies are and where
they are missing. Here a cell counts the case studies that name both the approach and the setting (or the
staff group). A case study counts for every approach, setting and staff group it names, and the values
are the finder's own (`Facet.values_of`), so a cell's number is the number of case studies the finder
shows when it opens filtered by that pair from the cell's link.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import product
from urllib.parse import urlencode

from hooks.model.catalogue import Catalogue, Entry
from hooks.model.schema import vocabularies
from hooks.pages import browse, contribute
from hooks.pages.page import Page
from hooks.pages.render import GAP_MAP_PAGE, render

VIEWS = ("settings", "staff_groups")
"""The case study fields the map has a table for, in the order the page shows them: where, then who."""


@dataclass(frozen=True)
class Cell:
    """One approach and one value of a view's field: how many case studies name both, and the finder's query for them."""

    value: str
    label: str
    count: int
    query: str
    """The finder's query string for the pair, like `approach=schwartz-rounds&setting=maternity`."""


@dataclass(frozen=True)
class Row:
    approach: Entry
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class View:
    """One table of the map: a row per approach, a column per value of a case study field's vocabulary."""

    field: str
    label: str
    """What a column is, in the singular: `Setting`, `Staff group`."""
    anchor: str
    """The id of the table's heading, for the links between the views."""
    columns: tuple[tuple[str, str], ...]
    """Every value of the vocabulary with its label, used or not: a value no case study has is a gap too."""
    rows: tuple[Row, ...]


def counts(catalogue: Catalogue, field: str) -> Counter[tuple[str, str]]:
    """How many case studies name each (approach, value of `field`) pair."""
    approaches, by = browse.facet("approaches"), browse.facet(field)
    found: Counter[tuple[str, str]] = Counter()
    for study in catalogue.of("case_study"):
        found.update(product(approaches.values_of(study), by.values_of(study)))
    return found


def view(catalogue: Catalogue, field: str) -> View:
    """The map of approaches against one case study field, every value of its vocabulary a column."""
    approach_key, by = browse.facet("approaches").key, browse.facet(field)
    columns = tuple((str(value), browse.label(by.vocabulary, value)) for value in vocabularies()[by.vocabulary].values)
    found = counts(catalogue, field)
    rows = tuple(Row(entry, tuple(Cell(value, text, found[entry.slug, value],
                                       urlencode({approach_key: entry.slug, by.key: value}))
                                  for value, text in columns))
                 for entry in catalogue.of("approach"))
    return View(field, by.label, f"by-{by.key}", columns, rows)


def page(catalogue: Catalogue) -> Page:
    """The map's page. Search holds its explanation, not its tables, which only count what other pages say."""
    return Page(GAP_MAP_PAGE, render("gap_map.md.j2", GAP_MAP_PAGE, views=[view(catalogue, field) for field in VIEWS],
                                     share_page=contribute.SHARE_PAGE))
