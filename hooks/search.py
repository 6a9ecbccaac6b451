"""The site's search index: Pagefind, run over the built pages.

A whole-site index (the theme's own search) makes a reader download every page's text before the
first result shows: over a megabyte, gzipped, at a thousand case studies, on every new visit.
Pagefind splits the index by word, so a search fetches only the chunks for the words typed and
the excerpts of the results on screen, and its cost stays about the same as the hub grows.

Only the parts of a page marked `data-pagefind-body` are indexed (see overrides/main.html), so
listings, navigation and the theme's chrome are not.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind_bin import get_executable

FOLDER = "pagefind"
"""Where the index and Pagefind's script go, under the site folder."""

UNINDEXED = [".headerlink"]
"""Parts of indexed pages that are not text a reader searches for: the heading permalinks."""


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message carries what it said."""


def index(site: Path) -> Path:
    """Index the built site at `site`, writing the index into `site/FOLDER`; return that folder."""
    command = [str(get_executable()), "--site", str(site), "--output-subdir", FOLDER,
               "--exclude-selectors", ", ".join(UNINDEXED), "--force-language", "en", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        said = "\n".join(dict.fromkeys((result.stderr or result.stdout).strip().splitlines()))  # it says things twice
        raise SearchIndexError(f"the search index could not be built from {site}:\n{said}")
    return site / FOLDER
