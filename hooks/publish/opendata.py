"""The hub's entries as data: `entries.json`, `case-studies.csv`, an Atom feed and a JSON Feed.

Feeds are read by other programs, away from the site, so every link in them is absolute: the
site's address is passed in by whoever builds the site (it lives in the engine's config), and each
page's address takes the form the catalogue's settings give (`about/` or `about.html`). Each
file is made with a standard serialiser (json, csv, xml.etree), never by pasting strings, so a
title with `<`, `&` or quotes comes out escaped for its format.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from xml.etree import ElementTree

from hooks.model import fields as schema_fields
from hooks.model.addresses import address, index_path, site_path
from hooks.model.catalogue import Catalogue, Entry
from hooks.model.fields import Field
from hooks.model.schema import kinds, vocabularies
from hooks.pages import provenance
from hooks.pages.browse import facets
from hooks.pages.page import Page

ENTRIES_JSON = "entries.json"
CASE_STUDIES_CSV = "case-studies.csv"
ATOM_FEED = "feed.xml"
JSON_FEED = "feed.json"
_ATOM = "http://www.w3.org/2005/Atom"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (CSV injection)."""


def absolute_url(src_uri: str, catalogue: Catalogue, site_url: str) -> str:
    """A page's absolute address, as the site publishes it (`Settings.directory_urls`)."""
    return f"{site_url.rstrip('/')}/{address(src_uri, directory_urls=catalogue.settings.directory_urls)}"


def page_url(entry: Entry, catalogue: Catalogue, site_url: str) -> str:
    return absolute_url(site_path(entry), catalogue, site_url)


def newest_first(catalogue: Catalogue) -> list[Entry]:
    return sorted(catalogue.of("case_study"), key=lambda e: (e.data["published"], e.slug), reverse=True)


def entries_json(catalogue: Catalogue, *, site_url: str) -> str:
    """Every entry's fields, the finder's facets and every vocabulary's labels, in one document.

    The finder reads its facets, their labels and each case study's facet values from here, so
    the browser never keeps a copy of the schema. It is written compact: the finder downloads it.
    """
    document = {
        "facets": [{"key": f.key, "field": f.field, "label": f.label,
                    "options": [{"value": value, "label": text} for value, text in f.options(catalogue)]}
                   for f in facets()],
        "vocabularies": {name: {str(value): spec["label"] for value, spec in vocabulary.values.items()}
                         for name, vocabulary in vocabularies().items()},
    }
    for kind in kinds().values():
        document[kind.directory] = [
            {"slug": entry.slug, "url": page_url(entry, catalogue, site_url), **entry.data,
             **({"facets": {f.key: f.values_of(entry) for f in facets()}} if kind.name == "case_study" else {})}
            for entry in catalogue.of(kind.name)]
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def case_studies_csv(catalogue: Catalogue, *, site_url: str) -> str:
    """One row per case study, labels rather than codes: for a spreadsheet.

    A column per field, and per field of a group (`First published: Publisher`), so each can be
    sorted and filtered; then the year the finder files the case study under. A byte-order mark
    tells spreadsheets the file is UTF-8; every cell is quoted; a cell that would start a formula
    is prefixed with an apostrophe, as spreadsheets themselves do.
    """
    columns = list(_columns())
    years = [facet for facet in facets() if facet.year]
    approaches = {entry.slug: entry.title for entry in catalogue.of("approach")}
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(["Address"] + [heading for heading, _path, _field in columns] + [year.label for year in years])
    for entry in newest_first(catalogue):
        row = [page_url(entry, catalogue, site_url)]
        for _heading, path, field in columns:
            value = entry.data
            for name in path:
                value = (value or {}).get(name)
            row.append(_cell(value, field, approaches))
        row += ["; ".join(year.values_of(entry)) for year in years]
        writer.writerow([_no_formula(cell) for cell in row])
    return "\ufeff" + out.getvalue()


def _columns():
    """Each column's heading, the keys to its value in a case study, and the field it shows."""
    for field in schema_fields.of("case_study"):
        if field.group and not field.many:
            for child in field.fields:
                yield f"{field.title}: {child.title}", (field.name, child.name), child
        else:
            yield field.title, (field.name,), field


def _cell(value, field: Field, approaches: dict[str, str]) -> str:
    """A value as text: a list's items with `; `, a group's fields with `, `, a vocabulary's values by label."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(item, field, approaches) for item in value)
    if isinstance(value, dict):
        return ", ".join(_cell(value[child.name], child, approaches) for child in field.fields if child.name in value)
    if field.vocabulary:
        return field.vocabulary.label(value)
    if field.entries:
        return approaches.get(value, value)
    return str(value)


def _no_formula(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def atom_feed(catalogue: Catalogue, *, site_url: str, site_name: str) -> str:
    """Every case study, newest first, as an Atom feed (RFC 4287): its summary rather than its text, and where it
    was first published, with a `via` link to that page."""
    ElementTree.register_namespace("", _ATOM)
    entries = newest_first(catalogue)

    def sub(parent, tag: str, text: str | None = None, **attributes) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{_ATOM}}}{tag}",
                                         {name: _xml_text(value) for name, value in attributes.items()})
        element.text = _xml_text(text) if text is not None else None
        return element

    feed = ElementTree.Element(f"{{{_ATOM}}}feed")
    index = absolute_url(index_path("case_study"), catalogue, site_url)
    sub(feed, "id", index)
    sub(feed, "title", f"{site_name}: {kinds()['case_study'].plural}")
    sub(feed, "updated", _timestamp(max((_changed(e) for e in entries), default="2000-01-01")))
    sub(sub(feed, "author"), "name", site_name)
    sub(feed, "link", href=posixpath.join(site_url, ATOM_FEED), rel="self", type="application/atom+xml")
    sub(feed, "link", href=index, rel="alternate", type="text/html")
    for entry in entries:
        item, url = sub(feed, "entry"), page_url(entry, catalogue, site_url)
        sub(item, "id", url)
        sub(item, "title", entry.title, type="text")
        sub(item, "link", href=url, rel="alternate", type="text/html")
        sub(item, "published", _timestamp(entry.data["published"]))
        sub(item, "updated", _timestamp(_changed(entry)))
        sub(sub(item, "author"), "name", entry.data["organisation"])
        sub(item, "summary", entry.data["summary"], type="text")
        sub(item, "content", _content(entry), type="text")
        if (entry.data.get("first_published") or {}).get("url"):
            sub(item, "link", href=entry.data["first_published"]["url"], rel="via", type="text/html")
        for setting in entry.data["settings"]:
            sub(item, "category", term=setting, label=vocabularies()["settings"].label(setting))
    return ElementTree.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold, even escaped: one of them makes the whole feed unreadable."""


def _xml_text(text: str) -> str:
    """Text that XML can hold: ElementTree escapes markup but writes such characters as they are."""
    return _NOT_XML.sub("\ufffd", text)


def _content(entry: Entry) -> str:
    """An entry's text in a feed: its summary, then where it was first published, if it was elsewhere.

    The entry's date in a feed stays the day the hub published it, when it became news to the
    feed's readers; the sentence tells them it was published before, and where.
    """
    source = entry.data.get("first_published")
    if not source:
        return entry.data["summary"]
    address = f" {source['url']}" if source.get("url") else ""
    return f"{entry.data['summary']}\n\n{provenance.first_published(source)}.{address}"


def _changed(entry: Entry) -> str:
    """When the case study last changed: its update date, or its publication if that is later."""
    return max(entry.data["published"], entry.data.get("updated") or "")


def json_feed(catalogue: Catalogue, *, site_url: str, site_name: str) -> str:
    """Every case study, newest first, as a JSON Feed (version 1.1)."""
    index = absolute_url(index_path("case_study"), catalogue, site_url)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{site_name}: {kinds()['case_study'].plural}",
        "home_page_url": index,
        "feed_url": posixpath.join(site_url, JSON_FEED),
        "language": "en-GB",
        "items": [{"id": page_url(entry, catalogue, site_url), "url": page_url(entry, catalogue, site_url),
                   "title": entry.title,
                   "summary": entry.data["summary"], "content_text": _content(entry),
                   **_external_url(entry),
                   "date_published": _timestamp(entry.data["published"]),
                   "date_modified": _timestamp(_changed(entry)),
                   "authors": [{"name": entry.data["organisation"]}],
                   "tags": [vocabularies()["settings"].label(s) for s in entry.data["settings"]]}
                  for entry in newest_first(catalogue)],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def _external_url(entry: Entry) -> dict:
    """JSON Feed's `external_url`, the page an item is about elsewhere: where the case study was first published."""
    url = (entry.data.get("first_published") or {}).get("url")
    return {"external_url": url} if url else {}


def pages(catalogue: Catalogue, *, site_url: str, site_name: str) -> list[Page]:
    """Every data file of the site as a page, with its path in the site; none without the site's address,
    since feeds and data files link to entries absolutely."""
    if not site_url:
        return []
    return [Page(ENTRIES_JSON, entries_json(catalogue, site_url=site_url)),
            Page(CASE_STUDIES_CSV, case_studies_csv(catalogue, site_url=site_url)),
            Page(ATOM_FEED, atom_feed(catalogue, site_url=site_url, site_name=site_name)),
            Page(JSON_FEED, json_feed(catalogue, site_url=site_url, site_name=site_name))]
