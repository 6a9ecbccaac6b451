"""The theme's files the hub leaves out of the site, because no page of it loads them.

The theme copies all of its static files into every site, used or not. The hub searches with Pagefind
(`search.py`), so the theme's own search engine and the worker that runs it are never loaded: over a megabyte,
with the language packs. Source maps are fetched only by a browser's developer tools, for code the theme
publishes minified; the largest is another megabyte.
"""

from __future__ import annotations

import posixpath
import re

UNSHIPPED_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
"""The theme's search (lunr, its language packs and word splitters) and the worker that runs it."""

UNSHIPPED_SUFFIXES = (".map",)
"""Source maps of the theme's minified scripts and styles."""


def shipped(path: str) -> bool:
    """Whether the file at `path` in the site (`assets/javascripts/bundle.js`) goes into it."""
    return not (path.startswith(UNSHIPPED_FOLDERS) or path.endswith(UNSHIPPED_SUFFIXES))


_SOURCE_MAP = re.compile(r"\n?(?://# sourceMappingURL=(\S+)|/\*# sourceMappingURL=(\S+) \*/)\s*$")


def without_unshipped_map(path: str, text: str, shipped_paths: set[str]) -> str | None:
    """The script or style sheet at `path` without the comment that names its source map, when that map is not
    shipped (the theme's are left out, and a library copied in comes without its own): a browser's developer
    tools would ask for it in vain. None when it names no map, or one that is shipped."""
    found = _SOURCE_MAP.search(text)
    if not found:
        return None
    named = posixpath.normpath(posixpath.join(posixpath.dirname(path), found[1] or found[2]))
    return None if named in shipped_paths else text[:found.start()]
