"""The theme's files the hub leaves out of the site, because no page of it loads them.

The theme copies all of its static files into every site, used or not. The hub searches with Pagefind
(`search.py`), so the theme's own search engine and the worker that runs it are never loaded: over a megabyte,
with the language packs. Source maps are fetched only by a browser's developer tools, for code the theme
publishes minified; the largest is another megabyte.
"""

from __future__ import annotations

import re

UNSHIPPED_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
"""The theme's search (lunr, its language packs and word splitters) and the worker that runs it."""

UNSHIPPED_SUFFIXES = (".map",)
"""Source maps of the theme's minified scripts and styles."""


def shipped(path: str) -> bool:
    """Whether the file at `path` in the site (`assets/javascripts/bundle.js`) goes into it."""
    return not (path.startswith(UNSHIPPED_FOLDERS) or path.endswith(UNSHIPPED_SUFFIXES))


_SOURCE_MAP = re.compile(r"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def source_map_of(path: str) -> str:
    """Where the source map of the script or style sheet at `path` would be."""
    return path + ".map"


def without_source_map(text: str) -> str:
    """A minified script or style sheet without the comment that names its source map, which is not shipped: a
    browser's developer tools would ask for it in vain."""
    return _SOURCE_MAP.sub("", text)
