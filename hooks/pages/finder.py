"""The case study finder: its pages of cards, readable without JavaScript, and the data its script filters.

The finder's first page is the case studies index. The build writes every further page of `PAGE_SIZE` cards
at `case-studies/page/<n>/`, linked by a pager, so that without JavaScript every case study can be reached and
no page grows with the hub. The script filters `DATA`: each case study's facet values and what its card shows,
worked out by the same `Cards` the build's pages are drawn from, so a card reads the same whoever draws it.
"""

from __future__ import annotations

import json

from hooks.model.addresses import address, site_path
from hooks.model.catalogue import Catalogue, Entry
from hooks.model.schema import kinds
from hooks.pages import browse, contribute
from hooks.pages.page import Page
from hooks.pages.provenance import long_date
from hooks.pages.render import render

PAGE_SIZE = 20
"""Cards per page: about ten screens of a phone, few enough that a page stays light at any size of the hub."""
FOLDER = kinds()["case_study"].site_directory
DATA = f"{FOLDER}/finder.json"
CARD_LISTS = (("Settings", "settings", True), ("Approaches", "approaches", False))
"""What a card lists under its summary: a heading, the field whose facet values it lists, and whether each
value links to the finder filtered by it (else to the value's own page, where it has one)."""


def newest_first(catalogue: Catalogue) -> list[Entry]:
    """The case studies in the order the finder lists them: newest on the hub first."""
    studies = sorted(catalogue.of("case_study"), key=lambda entry: entry.slug)
    return sorted(studies, key=lambda entry: entry.data["published"], reverse=True)


def page_path(number: int) -> str:
    """The source of the finder's page `number`, counting from 1, the case studies index."""
    return browse.FINDER_PAGE if number == 1 else f"{FOLDER}/page/{number}.md"


def page_count(studies: int) -> int:
    return max(1, -(-studies // PAGE_SIZE))


def pager(number: int, count: int) -> list[int | None]:
    """The pages a pager links to from page `number` of `count`: the first, the last and the neighbours of this
    one, None where others are left out between them. The script's `pagerItems` gives the same."""
    shown = sorted({page for page in (1, number - 1, number, number + 1, count) if 1 <= page <= count})
    items: list[int | None] = []
    for page in shown:
        if items and page - items[-1] == 2:
            items.append(page - 1)
        elif items and page - items[-1] > 2:
            items.append(None)
        items.append(page)
    return items


def byline(entry: Entry) -> str:
    """Who led the work and when it was published: first elsewhere, or on the hub."""
    source = entry.data.get("first_published") or {}
    when = (f"first published {long_date(source['date'])}" if source.get("date")
            else f"published on the hub {long_date(entry.data['published'])}")
    return f"{entry.data['organisation']} · {when}"


def _note(label: str) -> tuple[str, str | None]:
    """A value's label apart from the note that it has no page on the hub, which a card sets in italics."""
    name = label.removesuffix(f" ({browse.NO_PAGE})")
    return (name, browse.NO_PAGE) if name != label else (label, None)


class Cards:
    """What the cards show of each case study, worked out once for the whole catalogue: the values' labels and
    their own pages, where they have one (an approach)."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.labels = {facet.key: dict(facet.known(catalogue)) for facet in browse.facets()}
        self.sources: dict[str, dict[str, str]] = {}
        for facet in browse.facets():
            kind = next((k.name for k in kinds().values() if k.plural == facet.field), None)
            self.sources[facet.key] = {entry.slug: site_path(entry) for entry in catalogue.of(kind)} if kind else {}

    def address(self, src_uri: str) -> str:
        return address(src_uri, directory_urls=self.catalogue.settings.directory_urls)

    def own_names(self, entry: Entry) -> dict[str, str]:
        """The names this case study writes for values without a page, where another case study's spelling
        labels the value (names that read the same are one value): its card shows its own."""
        names = {}
        for _, field, _ in CARD_LISTS:
            facet = browse.facet(field)
            own = {browse.unlisted_value(name): name for name in entry.data.get(facet.unlisted, ())} \
                if facet.unlisted else {}
            names |= {value: name for value, name in own.items() if _note(self.labels[facet.key][value])[0] != name}
        return names

    def lists(self, entry: Entry) -> list[tuple[str, list[tuple]]]:
        """A card's lists for the page template: each heading with its items as (label, note, page source,
        finder query)."""
        own = self.own_names(entry)
        result = []
        for heading, field, filters in CARD_LISTS:
            facet = browse.facet(field)
            labels, sources = self.labels[facet.key], self.sources[facet.key]
            result.append((heading, [(own.get(value) or _note(labels[value])[0], _note(labels[value])[1],
                                      None if filters else sources.get(value), facet.query(value) if filters else None)
                                     for value in facet.values_of(entry)]))
        return result

    def option(self, facet: browse.Facet, value: str) -> dict:
        """A facet's value for the script: its label, and for a card its own page's address or the note it has none."""
        name, note = _note(self.labels[facet.key][value])
        source = self.sources[facet.key].get(value)
        return {"value": value, "label": self.labels[facet.key][value],
                **({"url": self.address(source)} if source else {}), **({"name": name, "note": note} if note else {})}

    def study(self, entry: Entry) -> dict:
        """A case study for the script: what its card shows and its values of each facet."""
        own = self.own_names(entry)
        return {"slug": entry.slug, "url": self.address(site_path(entry)), "title": entry.title,
                "byline": byline(entry), "summary": entry.data["summary"],
                "facets": {f.key: f.values_of(entry) for f in browse.facets()}, **({"names": own} if own else {})}


def data(catalogue: Catalogue, cards: Cards) -> str:
    """What the script filters and draws cards from, compact: it is the one file the finder downloads."""
    document = {
        "page_size": PAGE_SIZE,
        "lists": [{"label": heading, "key": browse.facet(field).key, "filters": filters}
                  for heading, field, filters in CARD_LISTS],
        "facets": [{"key": f.key, "label": f.label, "phrase": f.phrase,
                    "options": [cards.option(f, value) for value in cards.labels[f.key]]} for f in browse.facets()],
        "studies": [cards.study(entry) for entry in newest_first(catalogue)],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def pages(catalogue: Catalogue) -> list[Page]:
    """The finder's pages, left out of search as every listing is, and its data."""
    studies = newest_first(catalogue)
    count = page_count(len(studies))
    cards = Cards(catalogue)
    result = [Page(DATA, data(catalogue, cards), indexed=False)]
    for number in range(1, count + 1):
        path = page_path(number)
        shown = studies[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
        result.append(Page(path, render("case_study_index.md.j2", path, entries=shown, catalogue=catalogue,
                                        number=number, count=count, total=len(studies), pager=pager(number, count),
                                        page_path=page_path, byline=byline, share_page=contribute.SHARE_PAGE,
                                        card_lists=cards.lists), indexed=False))
    return result
