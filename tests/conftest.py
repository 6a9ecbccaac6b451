"""Shared test helpers: a small valid repository to break, and a way to build it."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
import tools
from filelock import FileLock
from corpus import Corpus, write_corpus
from playwright.sync_api import sync_playwright
from tools import SITE_PATH

from hooks.checks import loader
from hooks.model import settings

ROOT = Path(__file__).resolve().parent.parent
REAL = loader.load(ROOT)
"""The real site's entries and instruments as the checks load them: loaded once for every module that reads them."""
FIXTURES = Path(__file__).parent / "fixtures"
SYNTHETIC_CASE_STUDIES = 60
"""Enough case studies that each of the finder's facets offers several values."""
Made = TypeVar("Made")


def make_repo(destination: Path, *overlays: Path) -> Path:
    """A repository at `destination`: the valid base fixture, with each overlay's files laid over it."""
    shutil.copytree(FIXTURES / "base", destination)
    for overlay in overlays:
        shutil.copytree(overlay, destination, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("expected.txt"))
    if not (destination / "mkdocs.yml").exists():  # the site's settings: where its pages are, its branch
        (destination / "mkdocs.yml").symlink_to(ROOT / "mkdocs.yml")
    return destination


def write_entry(root: Path, path: str, text: str | bytes) -> Path:
    """Write one file of the repository, creating its folder."""
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_text(text, encoding="utf-8")
    return file


def lay_out(root: Path) -> None:
    """Link the project's config, theme overrides, hooks and the pages `root` lacks into it, so that MkDocs
    (`build`, `serve`) runs on `root` as on the real site. What `root` has of its own (a copy of `hooks` with
    changed vocabularies, say) is kept."""
    if root != ROOT:
        for name in ("mkdocs.yml", "overrides", "hooks"):
            if not (root / name).exists():
                (root / name).symlink_to(ROOT / name)
        ours, theirs = ROOT / settings.read(ROOT).pages_folder, root / settings.read(root).pages_folder
        for page in ours.rglob("*"):
            mirror = theirs / page.relative_to(ours)
            if page.is_file() and not mirror.exists():
                mirror.parent.mkdir(parents=True, exist_ok=True)
                mirror.symlink_to(page)


def build(root: Path, site: Path) -> subprocess.CompletedProcess:
    """Build `root` as the real site is built, laid out with the project's config, theme overrides and hooks."""
    lay_out(root)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                           "-d", str(site)], capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=root, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def built_site(root: Path, served: Path) -> Path:
    """Build `root` into `served/<SITE_PATH>`, laid out like its host, failing the test if it fails."""
    site = served / SITE_PATH.strip("/")
    result = build(root, site)
    assert result.returncode == 0, result.stderr
    return site


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], Made]) -> Made:
    """What `make` makes in a folder of its own, made once for the whole run even when the tests are spread over
    several processes (`pytest -n`): the first to ask makes it, in a folder they all share, while the others
    wait for it; then each reads the same folder and a copy of what `make` returned.

    A `make` that fails fails every test that asks, with its own message, and is not tried again.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    folder, made, failed = shared / name, shared / f"{name}.pickle", shared / f"{name}.failed"
    with FileLock(shared / f"{name}.lock"):
        if not made.exists() and not failed.exists():
            folder.mkdir()
            try:
                made.write_bytes(pickle.dumps(make(folder)))
            except BaseException as error:
                failed.write_text(f"{type(error).__name__}: {error}", encoding="utf-8")
                raise
    if failed.exists():
        pytest.fail(f"making {name} failed: {failed.read_text(encoding='utf-8')}")
    return pickle.loads(made.read_bytes())


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real site, built once per run, in a folder laid out like its host (under SITE_PATH)."""
    return once_per_run(tmp_path_factory, "served", lambda folder: built_site(ROOT, folder))


@pytest.fixture(scope="session")
def base_repo(tmp_path_factory) -> Path:
    """The base fixture repository, laid out once per run for the tests that only read it and its site."""
    return once_per_run(tmp_path_factory, "base", lambda folder: make_repo(folder / "repo"))


@pytest.fixture(scope="session")
def base_site(base_repo, tmp_path_factory) -> Path:
    """The base fixture's site, built once per run for the tests that only read it (or copy it to change it)."""
    return once_per_run(tmp_path_factory, "base-served", lambda folder: built_site(base_repo, folder))


@pytest.fixture(scope="session")
def readiness_site(tmp_path_factory) -> Path:
    """The base fixture with the fixture readiness instrument, built once per run; its tests only read it."""
    return once_per_run(tmp_path_factory, "readiness", lambda folder: built_site(
        make_repo(folder / "repo", FIXTURES / "readiness"), folder / "served"))


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory) -> tuple[Path, Corpus, Path]:
    """The base fixture with a synthetic corpus, built once per run: its repository, its corpus and its site.
    Its tests only read them."""
    def make(folder: Path) -> tuple[Path, Corpus, Path]:
        root = make_repo(folder / "repo")
        corpus = write_corpus(root, case_studies=SYNTHETIC_CASE_STUDIES)
        return root, corpus, built_site(root, folder / "served")
    return once_per_run(tmp_path_factory, "synthetic", make)


def pytest_collection_modifyitems(items):
    """The modules that drive the browser first: they take longest, so when the run is spread over processes
    (`make test`), the quick modules come last and fill in as each process ends, instead of one process waiting
    while another starts a long module late."""
    in_a_browser = {item.path for item in items if "browser" in getattr(item, "fixturenames", ())}
    items.sort(key=lambda item: item.path not in in_a_browser)


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for the whole run; each module opens its pages in a context of its own."""
    tools.require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=tools.CHROMIUM, args=tools.CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def shared_context(browser):
    """One browser context for a module's pages: starting a context costs more than opening a page in it."""
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def page(shared_context):
    """A fresh page with no storage or cookies carried over from another test: what the site stored is deleted
    after each test."""
    page = shared_context.new_page()
    yield page
    tools.forget(page)
    page.close()
