"""Where pages are published: an entry's page in the site's source tree, and the address any page
gets, so that links, feeds and data files all agree with the engine."""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import unquote, urlsplit

from hooks.model.catalogue import Entry
from hooks.model.schema import kinds


def site_path(entry: Entry) -> str:
    return f"{entry.kind.site_directory}/{entry.slug}.md"


def index_path(kind_name: str) -> str:
    return f"{kinds()[kind_name].site_directory}/index.md"


def address(src_uri: str) -> str:
    """The address a page source gets, relative to the site's root (a folder per page, the engine's default)."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def resolve(path: str, href: str) -> str | None:
    """The repository path a relative link points to; "" for a link within the page."""
    return resolve_in(posixpath.dirname(path), href)


@functools.lru_cache(maxsize=65536)
def resolve_in(folder: str, href: str) -> str | None:
    """`resolve` for a link in `folder`, remembered: entries of one folder link to the same few files."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    target = unquote(parts.path)
    if not target:
        return ""
    if target.startswith("/"):
        return target
    return posixpath.normpath(posixpath.join(folder, target))

