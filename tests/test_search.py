"""The search index over the built site: what goes in, and a failure that says why."""

from __future__ import annotations

import gzip
import json

import pytest

from hooks import search

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Home, About</nav>
<div data-pagefind-body{extra}><h1 id="t">{title}<a class="headerlink" href="#t">&para;</a></h1><p>{text}</p>
<div data-pagefind-ignore><h2>Related</h2><p>Another page entirely</p></div></div></body></html>"""


def test_only_marked_content_is_indexed_without_permalinks_or_ignored_parts(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(PAGE.format(title="Schwartz Rounds", text="Staff reflect together.",
                                                           extra=' data-pagefind-meta="kind:Approach"'))
    (tmp_path / "listing.html").write_text("<html lang='en'><body><p>Every page listed</p></body></html>")
    folder = search.index(tmp_path)
    assert (folder / "pagefind.js").is_file() and (folder / "pagefind-entry.json").is_file()
    fragments = [json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for f in (folder / "fragment").iterdir()]
    assert [(f["url"], f["meta"]["title"], f["meta"]["kind"]) for f in fragments] == [
        ("/a/", "Schwartz Rounds", "Approach")]
    content = fragments[0]["content"]
    assert "Staff reflect together." in content
    for left_out in ("¶", "Home", "Related", "Another page"):
        assert left_out not in content


def test_a_site_it_cannot_index_fails_with_pagefinds_reason_said_once(tmp_path):
    with pytest.raises(search.SearchIndexError) as raised:
        search.index(tmp_path)
    message = str(raised.value)
    assert str(tmp_path) in message
    assert message.count("Pagefind was not able to build an index") == 1
