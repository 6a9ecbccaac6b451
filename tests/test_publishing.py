"""Publishing whole or not at all: a failed build leaves the last good site as it was, and nothing beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build, lay_out, make_repo, write_entry
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from hooks.publish import publishing


def contents(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under `folder`, by path."""
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in sorted(folder.rglob("*"))}


@pytest.fixture
def published(base_site, tmp_path) -> Path:
    """A copy of the valid fixture's site, the last good one, alone in its folder, as it stands when a build
    starts: each test publishes over its own copy."""
    site = tmp_path / "public" / "site"
    shutil.copytree(base_site, site)
    return site


def pagefind_replaced(folder: Path, program: Path) -> str:
    """A folder for PYTHONPATH whose start-up file makes a build run `program` as Pagefind."""
    (folder / "sitecustomize.py").write_text(
        f"import pathlib, pagefind_bin\npagefind_bin.get_executable = lambda: pathlib.Path({str(program)!r})\n")
    return str(folder)


def failing_at_once(folder: Path) -> Path:
    program = folder / "pagefind"
    program.write_text("#!/bin/sh\necho 'Error: no space left on device' >&2\nexit 3\n")
    program.chmod(0o755)
    return program


FAILURES = {
    "an entry with a problem": ("case_studies/huddles-on-ward-7.md", "no front matter\n",
                                "nothing was built"),
    "a warning in strict mode": ("content/broken.md", "# Broken\n\n[A page](nowhere.md)\n",
                                 "was left as it was"),
    "a warning from search": ("content/aside.md", '# Aside\n\n<div data-pagefind-ignore="everything">x</div>\n',
                              "was left as it was"),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failed_build_leaves_the_last_good_site_as_it_was_and_nothing_beside_it(failure, published, tmp_path):
    path, text, said = FAILURES[failure]
    root = make_repo(tmp_path / "repo")
    write_entry(root, path, text)
    before = contents(published)
    result = build(root, published)
    assert result.returncode != 0
    assert contents(published) == before
    assert os.listdir(published.parent) == ["site"]
    assert said in result.stderr


@pytest.mark.parametrize(("pagefind", "said"), [
    pytest.param(failing_at_once, "no space left on device", id="Pagefind fails"),
    pytest.param(lambda folder: folder / "missing", "Pagefind could not be started", id="Pagefind is missing")])
def test_a_build_whose_search_index_fails_leaves_the_last_good_site_as_it_was(pagefind, said, published, tmp_path,
                                                                               monkeypatch):
    monkeypatch.setenv("PYTHONPATH", pagefind_replaced(tmp_path, pagefind(tmp_path)))
    before = contents(published)
    result = build(make_repo(tmp_path / "repo"), published)
    assert result.returncode != 0
    assert contents(published) == before
    assert os.listdir(published.parent) == ["site"]
    assert said in result.stderr and "Traceback" not in result.stderr


def test_a_good_build_replaces_the_site_whole_keeping_its_hidden_files(published, tmp_path):
    (published / "stale.html").write_text("from an older build")
    (published / ".git").mkdir()
    (published / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    root = make_repo(tmp_path / "repo")
    write_entry(root, "content/new.md", "# A new page\n")
    result = build(root, published)
    assert result.returncode == 0, result.stderr
    assert (published / "new" / "index.html").is_file() and not (published / "stale.html").exists()
    assert (published / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert os.listdir(published.parent) == ["site"]


def test_a_staged_build_starts_empty_beside_the_site_replacing_one_a_stopped_build_left(tmp_path):
    site = tmp_path / "site"
    left = tmp_path / ".site.building"
    left.mkdir()
    (left / "half.html").write_text("a page of a build that was stopped")
    staged = publishing.stage(site)
    assert staged.staging == left and list(left.iterdir()) == []
    assert staged.site == site and not site.exists()
    staged.publish()
    assert site.is_dir() and os.listdir(tmp_path) == ["site"]


def test_a_build_asked_to_rewrite_only_what_changed_still_publishes_the_whole_site(published, base_site, tmp_path):
    root = make_repo(tmp_path / "repo")
    lay_out(root)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "--no-strict", "-f",
                             str(root / "mkdocs.yml"), "-d", str(published)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert result.returncode == 0, result.stderr
    pages = sorted(path.relative_to(published) for path in published.rglob("*.html"))
    assert pages == sorted(path.relative_to(base_site) for path in base_site.rglob("*.html"))
    assert os.listdir(published.parent) == ["site"]


def test_a_site_reached_by_a_symbolic_link_is_replaced_where_the_link_points(tmp_path):
    target = tmp_path / "www" / "hub"
    write_entry(target, "index.html", "old")
    link = tmp_path / "site"
    link.symlink_to(target)
    staged = publishing.stage(link)
    write_entry(staged.staging, "index.html", "new")
    staged.publish()
    assert link.is_symlink() and (link / "index.html").read_text() == "new"
    assert os.listdir(target.parent) == ["hub"]


def test_after_a_build_the_engine_is_told_where_the_site_was_published(tmp_path):
    """Commands that go on after the build, as `mkdocs gh-deploy` does, find the site where it was asked for."""
    root = make_repo(tmp_path / "repo")
    lay_out(root)
    site = tmp_path / "site"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    mkdocs_build(config)
    assert config.site_dir == str(site) and (site / "index.html").is_file()
