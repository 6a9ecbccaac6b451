"""Where pages are published: an entry's page in the site's source tree, and the address any page
gets, so that links, feeds and data files all agree with the engine."""

from __future__ import annotations

from hooks.catalogue import Entry
from hooks.schema import kinds


def site_path(entry: Entry) -> str:
    return f"{entry.kind.site_directory}/{entry.slug}.md"


def index_path(kind_name: str) -> str:
    return f"{kinds()[kind_name].site_directory}/index.md"


def address(src_uri: str) -> str:
    """The address a page source gets, relative to the site's root (a folder per page, the engine's default)."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"
