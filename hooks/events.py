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

from hooks import catalogue, render, search, security
from hooks.problems import count

log = logging.getLogger("mkdocs.hooks.hub")

_generated: set[str] = set()
"""Pages this build generated from entries: their HTML is sanitised."""

_index_after: str | None = None
"""The last page search holds: once it is read, the index is written while the engine reads the rest."""

_indexing: search.Indexing | None = None
"""The search index of this build, under way."""


def _root(config) -> Path:
    return Path(config.config_file_path).parent


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
    with _as_build_error():
        warnings = _indexing.finish()
    for warning in warnings:
        log.warning("search index: %s", warning)


def on_build_error(error) -> None:
    if _indexing is not None:
        _indexing.cancel()


@contextlib.contextmanager
def _as_build_error():
    """Search's failures, told as build failures: its message, without a traceback."""
    try:
        yield
    except search.SearchIndexError as error:
        raise PluginError(str(error)) from error


def on_serve(server, config, builder):
    for path in catalogue.watched_paths(_root(config)):
        server.watch(str(path))
    return server
