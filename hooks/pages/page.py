"""A generated page, as the renderer hands it to the engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes in the site, its Markdown, and the file it comes from."""

    src_uri: str
    """Path within the site's source tree, like `case-studies/x.md`."""
    markdown: str
    source: str | None = None
    """The repository file to edit to change the page, if there is one."""
    indexed: bool = True
    """Search holds the page. False for a page that only lists or compares what other pages say (a listing,
    the comparison) or repeats one (a checklist), and for one with nothing of its own to find (results):
    a search would find the same words twice, on the page that does not explain them."""
