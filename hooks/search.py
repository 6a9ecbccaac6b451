"""The site's search index: Pagefind, run over the content of every page.

A whole-site index (the theme's own search) makes a reader download every page's text before the
first result shows: over a megabyte, gzipped, at a thousand case studies, on every new visit.
Pagefind splits the index by word, so a search fetches only the chunks for the words typed and
the excerpts of the results on screen, and its cost grows far more slowly than the hub.

Pagefind is given each page's content as published (headings, their anchors and the text), not
the theme's navigation around it, and it indexes while the engine is still laying out and writing
the pages: `start` hands it the pages once their content is known, `Indexing.finish` waits for
it once the site is written. With two cores, the index adds little to the build's time until
Pagefind's work outlasts the layout's (`make bench` reports the wait).
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable

from pagefind_bin import get_executable

from hooks import frontmatter

FOLDER = "pagefind"
"""Where the index and Pagefind's script go, under the site folder."""

UNINDEXED = [".headerlink"]
"""Parts of a page's content that are not text a reader searches for: the heading permalinks."""


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message carries what it said."""


@dataclass(frozen=True)
class Document:
    """One page as search sees it."""

    url: str
    """The page's address from the site's root, as the engine gives it: `case-studies/x/`."""
    title: str
    content: str
    """The page's content as HTML, as it is published inside the theme."""
    kind: str | None = None
    """What the page is ("Case study"), shown beside each result and offered as a filter."""

    def html(self) -> str:
        """The page for Pagefind: its content, titled as the theme titles it, with its kind as data."""
        title = html.escape(self.title)
        kind = f"kind:{html.escape(self.kind)}" if self.kind else ""
        marks = f' data-pagefind-meta="{kind}" data-pagefind-filter="{kind}"' if kind else ""
        heading = "" if "<h1" in self.content else f"<h1>{title}</h1>"
        return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
                f"<body><main data-pagefind-body{marks}>{heading}{self.content}</main></body></html>")


def document(url: str, title: str, content: str, meta: dict) -> Document | None:
    """The page as search sees it, or None if it is left out of the index."""
    settings = meta.get("search") or {}
    if settings.get("exclude"):
        return None
    return Document(url=url, title=title, content=content, kind=settings.get("kind"))


def last_indexed(pages_last_first: Iterable[tuple[str, str]]) -> str | None:
    """Of the pages the engine reads, given as (source path, text) from the last read to the first,
    the last one the index holds; read back only as far as that one.

    Once that page's content is known the index can start, while the engine still converts the
    pages after it, which the index leaves out.
    """
    for source, text in pages_last_first:
        meta = frontmatter.read(source, text.encode("utf-8")).data or {}
        if document(source, source, "", meta) is not None:  # the one rule of what the index holds
            return source
    return None


@dataclass
class Indexing:
    """Pagefind at work on a copy of the pages' content, in a process of its own."""

    process: subprocess.Popen
    log: IO[bytes]
    """What Pagefind says, in a file: a pipe nobody reads until the end would stall it once full."""
    pages: Path
    output: Path

    def finish(self) -> list[str]:
        """Wait for the index; return Pagefind's warnings, or raise with its own words if it failed."""
        self.process.wait()
        said = list(dict.fromkeys(self._close().strip().splitlines()))  # it says some things twice
        if self.process.returncode != 0:
            raise SearchIndexError(f"the search index for {self.output.parent} could not be built:\n"
                                   + "\n".join(said))
        return said

    def cancel(self) -> None:
        """Stop indexing a build that failed, if it is still going."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._close()

    def _close(self) -> str:
        shutil.rmtree(self.pages, ignore_errors=True)
        if self.log.closed:
            return ""
        self.log.seek(0)
        said = self.log.read().decode("utf-8", "replace")
        self.log.close()
        return said


MEMORY = Path("/dev/shm")
"""Memory-backed storage on Linux: the copy of the pages is written once, read once and thrown away."""


def _scratch(size: int) -> Path:
    """A new folder for `size` bytes of pages: in memory where there is room for them twice over, as
    a thousand small files take a tenth of the time to write there; else the usual temporary folder."""
    roomy = MEMORY.is_dir() and shutil.disk_usage(MEMORY).free > 2 * size
    return Path(tempfile.mkdtemp(prefix="hub-search-", dir=MEMORY if roomy else None))


def start(documents: Iterable[Document], output: Path) -> Indexing:
    """Start indexing `documents` into the folder `output`; `finish` the result to wait for it."""
    written = [(page.url, page.html().encode("utf-8")) for page in documents]
    pages = _scratch(sum(len(text) for _, text in written))
    for url, text in written:
        file = pages / url if url.endswith(".html") else pages / url.strip("/") / "index.html"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(text)
    command = [str(get_executable()), "--site", str(pages), "--output-path", str(output.resolve()),
               "--exclude-selectors", ", ".join(UNINDEXED), "--force-language", "en", "--quiet"]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    return Indexing(process=process, log=log, pages=pages, output=output)
