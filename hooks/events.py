"""The MkDocs adapter: each build event handed to the core in a few lines.

This is the only file that knows MkDocs. Loading, checking and rendering live in the core, so the
same checks run in `make check`, the tests and the build, and the hub can change engines by
replacing this file.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from hooks import catalogue, publishing, render, search, security
from hooks.problems import count

log = logging.getLogger("mkdocs.hooks.hub")

_generated: set[str] = set()
"""Pages this build generated from entries: their HTML is sanitised."""

_index_after: str | None = None
"""The last page search holds: once it is read, the index is written while the engine reads the rest."""

_indexing: search.Indexing | None = None
"""The search index of this build, under way."""

_staged: publishing.Staged | None = None
"""This build, written beside the published site until it has succeeded."""

_warnings: CountHandler | None = None
"""The warnings of this build, in strict mode, counted before it is published."""


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def on_config(config):
    """Build into a staging folder, and count warnings in strict mode: see on_post_build."""
    global _staged, _warnings
    _staged = publishing.stage(Path(config.site_dir))
    config.site_dir = str(_staged.staging)
    _stop_counting()
    _warnings = CountHandler(level=logging.WARNING) if config.strict else None
    if _warnings is not None:
        logging.getLogger("mkdocs").addHandler(_warnings)
    return config


def on_files(files: Files, config) -> Files:
    """Check every entry; on any problem fail with all of them, else add the generated pages."""
    result = catalogue.load(_root(config))
    if result.problems:
        raise PluginError(f"{count(len(result.problems), 'problem')} in the entries; nothing was built:\n"
                          + "\n".join(map(str, result.problems)))
    _generated.clear()
    for page in render.pages(result, repo_url=config.repo_url or "",
                             site_url=config.site_url or "", site_name=config.site_name):
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = (os.path.relpath(_root(config) / page.source, config.docs_dir).replace(os.sep, "/")
                         if page.source else None)
        files.append(file)
        _generated.add(page.src_uri)
    global _indexing, _index_after
    _index_after = search.last_indexed((file.src_uri, file.content_string)
                                       for file in reversed(files.documentation_pages()))
    with _as_build_error():
        _indexing = search.Indexing(Path(config.site_dir) / search.FOLDER)
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Sanitise generated pages; hand the content to search, and write the index after the last page it holds."""
    if page.file.src_uri in _generated:
        html = render.sanitise(html)
    if found := search.document(page.url, page.title, html, page.meta):
        _indexing.add(found)
    if page.file.src_uri == _index_after:
        _indexing.write()
    return html


def on_post_page(output: str, page, config) -> str:
    return security.secure(output)


def on_post_template(output: str, template_name: str, config) -> str:
    return security.secure(output) if template_name.endswith(".html") else output


def on_post_build(config) -> None:
    """Finish the search index, then publish the build, unless it gave a warning in strict mode.

    The engine counts those warnings itself only after this event, when the site would be published.
    """
    with _as_build_error():
        warnings = _indexing.finish()
    for warning in warnings:
        log.warning("search index: %s", warning)
    if counts := _warnings and _warnings.get_counts():
        raise PluginError(f"Aborted with {', '.join(count(n, level.lower()) for level, n in counts)} in strict "
                          f"mode: nothing was published, and {_staged.site} was left as it was.")
    _stop_counting()
    _staged.publish()
    config.site_dir = str(_staged.site)
    log.info("Published the site to %s", _staged.site)


def on_build_error(error) -> None:
    if _indexing is not None:
        _indexing.cancel()
    _stop_counting()
    if _staged is not None:
        _staged.discard()


@contextlib.contextmanager
def _as_build_error():
    """Search's failures, told as build failures: its message, without a traceback."""
    try:
        yield
    except search.SearchIndexError as error:
        raise PluginError(str(error)) from error


def _stop_counting() -> None:
    logging.getLogger("mkdocs").removeHandler(_warnings)


def on_serve(server, config, builder):
    for path in catalogue.watched_paths(_root(config)):
        server.watch(str(path))
    return server
