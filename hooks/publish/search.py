"""The site's search index: Pagefind, run over the content of every page.

A whole-site index (the theme's own search) makes a reader download every page's text before the
first result shows: over a megabyte, gzipped, at a thousand case studies, on every new visit.
Pagefind splits the index by word, so a search fetches only the chunks for the words typed and
the excerpts of the results on screen, and its cost grows far more slowly than the hub.

Pagefind is given each page's content as published (headings, their anchors and the text), not
the theme's navigation around it, as soon as the engine has converted it, and reads it in a process
of its own while the engine goes on. Once the last page it holds is in, it writes the index while
the engine lays out the pages; `Indexing.finish` waits for it once the site is written (`make bench`
reports any wait).
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pagefind_bin import get_executable

from hooks.model.schema import kinds
from hooks.read import frontmatter

FOLDER = "pagefind"
"""Where the index and Pagefind's script go, under the site folder."""

UNINDEXED = [".headerlink"]
"""Parts of a page's content that are not text a reader searches for: the heading permalinks."""

SILENCE = 300
"""Seconds without an answer after which a Pagefind the build waits for is taken to have stopped answering.

Silence rather than total time, so that a larger site is never cut short: Pagefind answers each page
in turn, and is silent only while it writes the index, which took 34 s for 5,000 case studies on two
busy cores. Nine times that leaves room for a slower machine or a larger hub.
"""

HUB_WEIGHT = 0.1
"""How much a word in the text of one of the hub's own pages (a page without a kind: home, about, contributing,
readiness, ...) counts for, against one in an approach's or a case study's: the guides name settings and staff
groups as examples, and a reader searching for "maternity" wants the approaches and case studies first. Their
headings keep Pagefind's weights, so that a page's own name ("readiness", "field reference") still finds it first.
"""

NAMED_WEIGHT = 10
"""How much the name of an approach counts for, in its page's heading, against the 7 of any other page's: a reader
who types an approach's name wants its page first, before the case studies that name it in their titles."""
NAMED_KINDS = (kinds()["approach"].label,)

UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css")
"""Pagefind's ready-made search interfaces, which it writes beside every index: the hub's search page is its own
(`search.js`), so no page loads them, and they are removed once the index is written."""

LAST_WORDS = 20
"""How many of Pagefind's last lines a build that it failed shows."""


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
        """The page for Pagefind: its content, titled as the theme titles it, with its kind as data; the text of a
        page without a kind weighs less, and the name of an approach more."""
        title = html.escape(self.title)
        kind = f"kind:{html.escape(self.kind)}" if self.kind else ""
        marks = f' data-pagefind-meta="{kind}" data-pagefind-filter="{kind}"' if kind else ""
        content = self.content if "<h1" in self.content else f"<h1>{title}</h1>{self.content}"
        if self.kind in NAMED_KINDS:
            content = content.replace("<h1", f'<h1 data-pagefind-weight="{NAMED_WEIGHT}"', 1)
        weight = "" if self.kind else f' data-pagefind-weight="{HUB_WEIGHT}"'
        return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
                f"<body><main data-pagefind-body{marks}{weight}>{content}</main></body></html>")


def document(url: str, title: str, content: str, meta: dict) -> Document:
    """The page as search sees it, with the kind its front matter gives (`search: {kind: ...}`)."""
    return Document(url=url, title=title, content=content, kind=(meta.get("search") or {}).get("kind"))


def indexed_by(meta: dict) -> bool:
    """Whether a hand-written page's front matter leaves it in the index: `search: {exclude: true}` leaves it out.

    Generated pages say so themselves (`Page.indexed`), without being read back.
    """
    return not (meta.get("search") or {}).get("exclude")


def hand_written_indexed(path: str, text: str) -> bool:
    """`indexed_by` for a hand-written page not yet read by the engine: its front matter, read once."""
    return indexed_by(frontmatter.read(path, text.encode("utf-8")).data or {})


def unindexed_last(pages: list) -> list:
    """The pages in their order, but with those search leaves out (`indexed` false) last.

    The engine converts pages in the order it is given them, and the index can be written as soon as
    the last page it holds is in: with the listings and the comparison (the longest pages to convert)
    last, the index is written while the engine converts them.
    """
    return sorted(pages, key=lambda page: not page.indexed)


def last_indexed(pages_last_first: Iterable[tuple[str, bool]]) -> str | None:
    """Of the pages the engine reads, given as (source path, whether search holds it) from the last read to
    the first, the last one the index holds; read back only as far as that one.

    Once that page's content is known the index can be written, while the engine still converts the
    pages after it, which the index leaves out.
    """
    return next((source for source, indexed in pages_last_first if indexed), None)


class Indexing:
    """Pagefind at work in a process of its own, given each page as soon as the engine has read it.

    Pagefind's service takes requests on its standard input and answers each on its standard output,
    as base64 JSON followed by a comma. A thread of its own sends the pages, so that the build never
    waits while Pagefind reads one, and another reads the answers, so that Pagefind never waits on a
    full pipe. (Pagefind's own Python wrapper reads ten answers a second: 100 s for 1,000 pages.)
    """

    def __init__(self, output: Path):
        """Start Pagefind on an index to be written into the folder `output`: `add` each page, then `finish`."""
        self.output = output
        self._stderr = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=self._stderr)
        except OSError as error:
            self._stderr.close()
            raise SearchIndexError(f"the search index cannot be built: Pagefind could not be started: {error}. It "
                                   "comes in the pinned pagefind-bin package, which `make` installs into .venv; to "
                                   "install it again: .venv/bin/python -m pip install --force-reinstall "
                                   "-c constraints.txt pagefind-bin") from error
        self._logs = Path(tempfile.mkdtemp(prefix="hub-search-"))
        """For Pagefind's log, where its warnings go: its standard output carries the answers."""
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._sent = 0
        self._written: int | None = None
        """The number of the request to write the index, once it is sent."""
        self._answered = 0
        """The number of the last request Pagefind has answered: it answers them in turn."""
        self._heard = time.monotonic()
        """When Pagefind last answered."""
        self._ended = False
        """Pagefind's answers have ended: it has stopped."""
        self._answer = threading.Condition()
        self._failures: list[str] = []
        self._threads = [threading.Thread(target=self._send_all, daemon=True),
                         threading.Thread(target=self._read_all, daemon=True)]
        for thread in self._threads:
            thread.start()
        self._request({"type": "NewIndex", "config": {"exclude_selectors": UNINDEXED, "force_language": "en",
                                                      "logfile": str(self._logs / "pagefind.log")}})

    def add(self, page: Document) -> None:
        """Index one page; this returns at once, while Pagefind reads it."""
        self._request({"type": "AddFile", "index_id": _INDEX, "url": "/" + page.url, "file_contents": page.html()})

    def write(self) -> None:
        """No more pages: write the index while the build goes on. `finish` waits for it."""
        if self._written is None:
            self._written = self._request({"type": "WriteFiles", "index_id": _INDEX,
                                           "output_path": str(self.output.resolve())})

    def finish(self) -> list[str]:
        """Wait for the index, without the interfaces no page loads; return Pagefind's warnings, or raise with its own
        words if it failed or fell silent."""
        self.write()
        answering = self._wait()
        if not answering:
            self.process.kill()
        complete = self._answered >= self._written
        said = self._stop().strip().splitlines()
        log = self._read_log()
        if not answering:
            raise SearchIndexError(f"the search index for {self.output.parent} could not be built: Pagefind gave no "
                                   f"answer for {SILENCE} seconds and was stopped. Its last words:\n"
                                   + "\n".join([*log, *said][-LAST_WORDS:]))
        if not complete:
            said.append(f"Pagefind stopped, with exit status {self.process.returncode}, before the index was written")
        if self._failures or not complete:
            raise SearchIndexError(f"the search index for {self.output.parent} could not be built:\n"
                                   + "\n".join(dict.fromkeys([*self._failures, *said])))
        for name in UNUSED if self.output.is_dir() else ():
            (self.output / name).unlink(missing_ok=True)
        warnings = [line.removeprefix(_WARNING).strip() for line in log if line.startswith(_WARNING)]
        return list(dict.fromkeys(warnings))  # it says some things twice

    def cancel(self) -> None:
        """Stop indexing a build that failed, if it is still going."""
        if self.process.poll() is None:
            self.process.kill()
        self._stop()
        self._read_log()

    def _wait(self) -> bool:
        """Wait until Pagefind has answered every request or has ended; False if it fell silent first."""
        waiting = time.monotonic()
        with self._answer:
            while not (self._ended or self._answered >= self._written):
                silent_until = max(waiting, self._heard) + SILENCE
                if time.monotonic() >= silent_until:
                    return False
                self._answer.wait(silent_until - time.monotonic())
        return True

    def _read_log(self) -> list[str]:
        """The lines of Pagefind's log, which is removed."""
        log = self._logs / "pagefind.log"
        lines = log.read_text("utf-8", "replace").splitlines() if log.exists() else []
        shutil.rmtree(self._logs, ignore_errors=True)
        return lines

    def _request(self, payload: dict) -> int:
        self._sent += 1
        self._requests.put((self._sent, payload))
        return self._sent

    def _send_all(self) -> None:
        while (request := self._requests.get()) is not None:
            number, payload = request
            try:
                self.process.stdin.write(base64.b64encode(json.dumps({"message_id": number, "payload": payload})
                                                          .encode("utf-8")) + b",")
                self.process.stdin.flush()
            except OSError:  # Pagefind has ended: `finish` says why
                return

    def _read_all(self) -> None:
        unread = b""
        try:
            for chunk in iter(lambda: self.process.stdout.read1(1 << 16), b""):
                *answers, unread = (unread + chunk).split(b",")
                for answer in map(json.loads, map(base64.b64decode, answers)):
                    if answer["payload"]["type"] == "Error":
                        self._failures.append(answer["payload"]["message"])
                    with self._answer:
                        self._answered = answer.get("message_id") or self._answered
                        self._heard = time.monotonic()
                        self._answer.notify_all()
        except ValueError as error:
            self._failures.append(f"Pagefind gave an answer that could not be read: {error}")
        finally:
            with self._answer:
                self._ended = True
                self._answer.notify_all()

    def _stop(self) -> str:
        """End Pagefind (with its input, or killed if it lingers) and the threads; return what it said on stderr."""
        self._requests.put(None)
        self._threads[0].join()
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(SILENCE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._threads[1].join()
        if self._stderr.closed:
            return ""
        self._stderr.seek(0)
        said = self._stderr.read().decode("utf-8", "replace")
        self._stderr.close()
        return said


_INDEX = 0
"""The service's first index, and this build's only one."""
_WARNING = "[Warning]:"
"""How Pagefind's log marks a warning."""
