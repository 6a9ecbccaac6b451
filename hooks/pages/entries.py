"""An entry's own page, and its body as the site shows it.

An entry's body is written for the repository: its links are relative to its file, and a section its
source does not cover says so in the words the check knows. On the site the links must point at
published pages and that section is shown as a note; both changes are made here, to the body as
written, so the rest of what the contributor wrote reaches the page untouched.
"""

from __future__ import annotations

import posixpath

from hooks.checks import sections
from hooks.model.addresses import resolve, site_path
from hooks.model.catalogue import Catalogue, Entry
from hooks.model.schema import kinds
from hooks.model.settings import Settings
from hooks.pages.page import Page
from hooks.pages.readiness import checklist_page
from hooks.pages.render import relative, render
from hooks.read import outline as markdown


def pages(catalogue: Catalogue) -> list[Page]:
    """One page per entry of every kind, each with the file to edit to change it."""
    return [Page(site_path(entry), render(f"{kind.name}.md.j2", site_path(entry), entry=entry,
                                          body=site_body(entry, catalogue.settings), catalogue=catalogue,
                                          checklist_page=checklist_page),
                 entry.path)
            for kind in kinds().values() for entry in catalogue.of(kind.name)]


def site_body(entry: Entry, settings: Settings) -> str:
    """The entry's body with links written relative to its source file re-pointed at the site's pages, and
    each section its source does not report marked as the note the site shows it as."""
    here = posixpath.dirname(site_path(entry))
    targets = {}
    for link in entry.outline.links:
        target = resolve(entry.path, link.href)
        if not target:
            continue
        fragment = link.href.partition("#")[2]
        targets[link.href] = (relative(_published_as(target, settings), here)
                              + (f"#{fragment}" if fragment else ""))
    body = markdown.rewrite_links(entry.body, targets, entry.outline.destinations)
    spans = sections.not_reported_spans(entry.kind, entry.outline)
    if not spans:
        return body
    lines = body.split("\n")
    for first, end in reversed(spans):
        lines[first:end] = [sections.NOT_REPORTED, f"{{: .{sections.NOT_REPORTED_CLASS} }}"]
    return "\n".join(lines)


def _published_as(source: str, settings: Settings) -> str:
    """The site page a repository file becomes: an entry's page, or a hand-written page."""
    folder, name = posixpath.split(source)
    for kind in kinds().values():
        if folder == kind.directory:
            return f"{kind.site_directory}/{name}"
    return source.removeprefix(f"{settings.pages_folder}/")
