"""The search index of the pages' content: what goes in, and a failure that says why."""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from hooks.publish import search

CONTENT = ('<h1 id="t">Schwartz Rounds<a class="headerlink" href="#t">&para;</a></h1><p>Staff reflect together.</p>'
           '<div data-pagefind-ignore><h2>Related</h2><p>Another page entirely</p></div>')


def indexed(folder: Path) -> dict[str, dict]:
    """What a search index holds, by page address: Pagefind's fragments are gzipped JSON after a signature."""
    fragments = (gzip.decompress(file.read_bytes()).removeprefix(b"pagefind_dcd")
                 for file in (folder / "fragment").iterdir())
    return {fragment["url"]: fragment for fragment in map(json.loads, fragments)}


def indexing_of(pages: list[search.Document], output: Path) -> search.Indexing:
    indexing = search.Indexing(output)
    for page in pages:
        indexing.add(page)
    return indexing


PAGE = search.document("a/", "A", "<p>Text</p>", {})


def test_pages_are_indexed_by_content_and_kind_without_permalinks_or_ignored_parts(tmp_path):
    pages = [search.document("approaches/schwartz-rounds/", "Schwartz Rounds", CONTENT,
                             {"search": {"kind": "Approach"}}),
             search.document("", "Home", "<p>Welcome to the hub</p>", {}),
             search.document("about/", "About", "<p>About the hub</p>", {"search": {"exclude": False}})]
    folder = tmp_path / "site" / search.FOLDER
    indexing = indexing_of(pages, folder)
    assert indexing.finish() == [], "nothing to warn about"
    assert indexing.process.returncode == 0
    assert (folder / "pagefind.js").is_file() and (folder / "pagefind-entry.json").is_file()
    assert not [name for name in search.UNUSED if (folder / name).exists()]
    found = indexed(folder)
    assert set(found) == {"/approaches/schwartz-rounds/", "/", "/about/"}
    rounds = found["/approaches/schwartz-rounds/"]
    assert rounds["meta"] == {"title": "Schwartz Rounds", "kind": "Approach"}
    assert rounds["filters"] == {"kind": ["Approach"]}
    assert "Staff reflect together." in rounds["content"]
    for left_out in ("¶", "Related", "Another page"):
        assert left_out not in rounds["content"]
    assert found["/"]["meta"]["title"] == "Home", "a page without a heading is titled as the theme titles it"


def test_the_text_of_the_hubs_own_pages_weighs_less_than_an_entrys():
    entry = search.document("approaches/a/", "A", "<h2>Maternity</h2><p>Maternity</p>", {"search": {"kind": "Approach"}})
    guide = search.document("about/", "About", "<h2>Maternity</h2><p>Maternity</p>", {})
    assert "<main data-pagefind-body data-pagefind-meta" in entry.html()
    assert f'<main data-pagefind-body data-pagefind-weight="{search.HUB_WEIGHT}">' in guide.html()
    assert 0 < search.HUB_WEIGHT < 1


def test_an_approachs_name_weighs_more_than_a_case_study_title_that_names_it():
    approach = search.document("approaches/a/", "Schwartz Rounds", "<p>Text</p>", {"search": {"kind": "Approach"}})
    study = search.document("case-studies/b/", "Schwartz Rounds at a hospice", "<h1>Schwartz Rounds at a hospice</h1>",
                            {"search": {"kind": "Case study"}})
    assert f'<h1 data-pagefind-weight="{search.NAMED_WEIGHT}">Schwartz Rounds</h1>' in approach.html()
    assert "<h1>Schwartz Rounds at a hospice</h1>" in study.html()


def test_an_index_it_cannot_write_fails_with_pagefinds_reason_said_once(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(search.SearchIndexError) as raised:
        indexing_of([PAGE], blocker / search.FOLDER).finish()
    message = str(raised.value)
    assert str(tmp_path) in message
    assert message.count("Not a directory") == 1


def test_an_index_whose_pagefind_stopped_early_fails_and_says_so_rather_than_waiting(tmp_path, scratch):
    indexing = indexing_of([PAGE], tmp_path / search.FOLDER)
    indexing.process.kill()
    with pytest.raises(search.SearchIndexError, match="stopped, with exit status -9, before the index was written"):
        indexing.finish()
    assert list(scratch.iterdir()) == []


def test_pagefinds_warnings_are_returned_for_the_build_to_report(tmp_path):
    page = search.document("a/", "A", '<p>Text</p><div data-pagefind-ignore="everything">Aside</div>', {})
    warnings = indexing_of([page], tmp_path / search.FOLDER).finish()
    assert len(warnings) == 1 and "data-pagefind-ignore" in warnings[0]


@pytest.fixture
def scratch(tmp_path, monkeypatch) -> Path:
    """The temporary folder, watched: indexing must leave nothing in it."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_an_index_leaves_nothing_behind_but_itself(tmp_path, scratch):
    indexing_of([PAGE], tmp_path / search.FOLDER).finish()
    assert (tmp_path / search.FOLDER / "pagefind.js").is_file()
    assert list(scratch.iterdir()) == []


def test_a_cancelled_index_leaves_nothing_behind(tmp_path, scratch):
    indexing = indexing_of([PAGE] * 50, tmp_path / search.FOLDER)
    indexing.cancel()
    assert indexing.process.returncode is not None
    assert list(scratch.iterdir()) == []
    indexing.cancel()  # twice, as a failed build may


def test_a_hand_written_page_leaves_the_index_only_if_its_front_matter_says_so():
    assert search.indexed_by({}) and search.indexed_by({"search": {"kind": "Guide"}})
    assert not search.indexed_by({"search": {"exclude": True}})
    assert search.hand_written_indexed("about.md", "# About, with no front matter\n")
    assert not search.hand_written_indexed("search.md", "---\nsearch: {exclude: true}\n---\n")


@dataclass(frozen=True)
class Listed:
    src_uri: str
    indexed: bool


def test_the_pages_search_leaves_out_are_converted_last_in_their_order():
    pages = [Listed("approaches/index.md", False), Listed("approaches/a.md", True),
             Listed("compare-approaches.md", False), Listed("case-studies/b.md", True)]
    assert [page.src_uri for page in search.unindexed_last(pages)] == [
        "approaches/a.md", "case-studies/b.md", "approaches/index.md", "compare-approaches.md"]


def test_the_index_is_written_after_the_last_page_it_holds_reading_back_no_further():
    def pages_last_first():
        yield "compare-approaches.md", False
        yield "case-studies/index.md", False
        yield "contributing/fields.md", True
        raise AssertionError("read further back than needed")

    assert search.last_indexed(pages_last_first()) == "contributing/fields.md"
    assert search.last_indexed([("search.md", False)]) is None


def fake_pagefind(folder: Path, behaviour: str) -> Path:
    """An executable standing in for Pagefind: it says a line on stderr, reads its requests, then `behaviour`."""
    script = folder / "pagefind"
    script.write_text(f"#!{sys.executable}\n" + textwrap.dedent("""\
        import base64, json, sys, time
        print("Pagefind 0.0 (a stand-in)", file=sys.stderr, flush=True)
        unread = b""
        while chunk := sys.stdin.buffer.read1(1 << 16):
            *requests, unread = (unread + chunk).split(b",")
            for request in map(json.loads, map(base64.b64decode, requests)):
        """) + textwrap.indent(behaviour, " " * 8) + "\nwhile True:\n    time.sleep(1)\n")
    script.chmod(0o755)
    return script


SILENT = 'print("[Status]: [Building search indexes]", file=sys.stderr, flush=True)'
"""Reads every request and answers none."""
ANSWERING = ('sys.stdout.buffer.write(base64.b64encode(json.dumps({"message_id": request["message_id"], '
             '"payload": {"type": "Ok"}}).encode()) + b",")\nsys.stdout.flush()')
"""Answers every request; then, when its input ends, lingers instead of ending."""


def test_a_missing_pagefind_is_a_clear_error_saying_how_to_install_it(tmp_path, scratch, monkeypatch):
    monkeypatch.setattr(search, "get_executable", lambda: tmp_path / "no-such-pagefind")
    with pytest.raises(search.SearchIndexError) as raised:
        search.Indexing(tmp_path / search.FOLDER)
    message = str(raised.value)
    assert "Pagefind could not be started" in message and "no-such-pagefind" in message
    assert "pagefind-bin" in message and "make" in message
    assert list(scratch.iterdir()) == []


def test_a_pagefind_that_stops_answering_fails_within_the_limit_with_its_last_words(tmp_path, scratch, monkeypatch):
    monkeypatch.setattr(search, "get_executable", lambda: fake_pagefind(tmp_path, SILENT))
    monkeypatch.setattr(search, "SILENCE", 0.5)
    indexing = indexing_of([PAGE], tmp_path / search.FOLDER)
    start = time.monotonic()
    with pytest.raises(search.SearchIndexError) as raised:
        indexing.finish()
    assert time.monotonic() - start < 5
    message = str(raised.value)
    assert "gave no answer for 0.5 seconds" in message
    assert message.endswith("Pagefind 0.0 (a stand-in)\n" + "\n".join(["[Status]: [Building search indexes]"] * 3))
    assert indexing.process.returncode == -9
    assert list(scratch.iterdir()) == []


def test_a_pagefind_that_answers_slowly_is_waited_for_however_long_it_takes(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "get_executable", lambda: fake_pagefind(tmp_path, "time.sleep(0.15)\n" + ANSWERING))
    monkeypatch.setattr(search, "SILENCE", 1.2)
    indexing = indexing_of([PAGE] * 4, tmp_path / search.FOLDER)
    start = time.monotonic()
    assert indexing.finish() == []
    assert time.monotonic() - start > 1.2, "longer than the limit in all, though never silent for that long"


def test_a_pagefind_that_lingers_once_the_index_is_written_is_stopped(tmp_path, scratch, monkeypatch):
    monkeypatch.setattr(search, "get_executable", lambda: fake_pagefind(tmp_path, ANSWERING))
    monkeypatch.setattr(search, "SILENCE", 0.5)
    indexing = indexing_of([PAGE], tmp_path / search.FOLDER)
    assert indexing.finish() == []
    assert indexing.process.returncode == -9
    assert list(scratch.iterdir()) == []
