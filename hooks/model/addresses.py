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


def address(src_uri: str, *, directory_urls: bool) -> str:
    """The address a page source gets, relative to the site's root: a folder per page (`about/`), or a file
    (`about.html`) where the site is set not to use folders (`Settings.directory_urls`)."""
    stem = src_uri.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def link_from(file: str, src_uri: str, *, directory_urls: bool) -> str:
    """A link from the published file `file` to the page `src_uri`, relative, so it works under any site path."""
    target = address(src_uri, directory_urls=directory_urls)
    if not directory_urls:
        return posixpath.relpath(target, posixpath.dirname(file) or ".")
    return posixpath.relpath(target or ".", posixpath.dirname(file) or ".") + "/"


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

