"""The search index of the pages' content: what goes in, and a failure that says why."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

import pytest

from hooks import search

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
             search.document("approaches/", "Approaches", "<p>Every approach listed</p>",
                             {"search": {"exclude": True}})]
    assert pages[2] is None
    folder = tmp_path / "site" / search.FOLDER
    indexing = indexing_of(list(filter(None, pages)), folder)
    assert indexing.finish() == [], "nothing to warn about"
    assert indexing.process.returncode == 0
    assert (folder / "pagefind.js").is_file() and (folder / "pagefind-entry.json").is_file()
    found = indexed(folder)
    assert set(found) == {"/approaches/schwartz-rounds/", "/"}
    rounds = found["/approaches/schwartz-rounds/"]
    assert rounds["meta"] == {"title": "Schwartz Rounds", "kind": "Approach"}
    assert rounds["filters"] == {"kind": ["Approach"]}
    assert "Staff reflect together." in rounds["content"]
    for left_out in ("¶", "Related", "Another page"):
        assert left_out not in rounds["content"]
    assert found["/"]["meta"]["title"] == "Home", "a page without a heading is titled as the theme titles it"


def test_an_index_it_cannot_write_fails_with_pagefinds_reason_said_once(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(search.SearchIndexError) as raised:
        indexing_of([PAGE], blocker / search.FOLDER).finish()
    message = str(raised.value)
    assert str(tmp_path) in message
    assert message.count("Not a directory") == 1


def test_an_index_whose_pagefind_stopped_early_fails_and_says_so_rather_than_waiting(tmp_path):
    indexing = indexing_of([PAGE], tmp_path / search.FOLDER)
    indexing.process.kill()
    with pytest.raises(search.SearchIndexError, match="stopped, with exit status -9, before the index was written"):
        indexing.finish()


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


def test_the_index_is_written_after_the_last_page_it_holds_reading_back_no_further():
    def pages_last_first():
        yield "compare-approaches.md", "---\nsearch:\n  exclude: true\n---\n# Compare\n"
        yield "case-studies/index.md", "---\nsearch: {exclude: true}\n---\n# Case studies\n"
        yield "contributing/fields.md", "---\ndescription: Every field.\n---\n# Fields\n"
        raise AssertionError("read further back than needed")

    assert search.last_indexed(pages_last_first()) == "contributing/fields.md"
    assert search.last_indexed([("about.md", "# About, with no front matter\n")]) == "about.md"
    assert search.last_indexed([("search.md", "---\nsearch: {exclude: true}\n---\n")]) is None
