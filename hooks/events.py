"""The MkDocs adapter: each build event handed to the core in a few lines.

This is the only file that knows MkDocs. Loading, checking and rendering live in the core, so the
same checks run in `make check`, the tests and the build, and the hub can change engines by
replacing this file.
"""

from __future__ import annotations

import contextlib
import logging
import os
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler, get_relative_url, is_error_template

from hooks.checks import loader
from hooks.model import catalogue, settings
from hooks.pages import policies, site
from hooks.pages.page import Page
from hooks.publish import opendata, publishing, search, security, shipped, stylesheets
from hooks.publish.sanitise import sanitise
from hooks.read.problems import count

log = logging.getLogger("mkdocs.hooks.hub")

_generated: dict[str, Page] = {}
"""Pages this build generated, by their path: their HTML is sanitised, and each says its source and whether
search holds it."""

_THEME_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                  "partials/javascripts/content.html")
"""The theme's partials that write inline scripts."""

_theme_scripts = None
"""The theme's own inline scripts for a page at a given base URL, rendered with no content."""

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
    """Check every entry; on any problem fail with all of them, else add the generated pages. Leave out the theme's
    files that no page loads."""
    left_out = {file.src_uri for file in files if not shipped.shipped(file.src_uri)}
    for file in [file for file in files if file.src_uri in left_out]:
        files.remove(file)
    site_settings = settings.from_config(config, _root(config))
    result = loader.load(_root(config), site_settings)
    if result.problems:
        raise PluginError(f"{count(len(result.problems), 'problem')} in the entries; nothing was built:\n"
                          + "\n".join(map(str, result.problems)))
    _generated.clear()
    licences = tuple(sorted(file.src_uri for file in files if file.src_uri.endswith(policies.LICENCE_SUFFIX)))
    pages = search.unindexed_last(site.pages(result, licences=licences) + opendata.pages(result, site_url=site_settings.site_url,
                                                                       site_name=site_settings.site_name))
    if clashes := site.clashes(pages, {file.src_uri: os.path.relpath(file.abs_src_path, _root(config))
                                       for file in files}, directory_urls=site_settings.directory_urls):
        raise PluginError("Two pages with one address; nothing was built:\n" + "\n".join(clashes))
    for page in pages:
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = (os.path.relpath(_root(config) / page.source, config.docs_dir).replace(os.sep, "/")
                         if page.source else None)
        files.append(file)
        _generated[page.src_uri] = page
    global _indexing, _index_after
    _index_after = search.last_indexed(
        (file.src_uri, _generated[file.src_uri].indexed if file.src_uri in _generated
         else search.hand_written_indexed(file.src_uri, file.content_string))
        for file in reversed(files.documentation_pages()))
    kept = {file.src_uri for file in files}
    for file in [file for file in files if file.src_uri.endswith((".js", ".css"))]:
        if (content := shipped.without_unshipped_map(file.src_uri, file.content_string, kept)) is not None:
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=content))
    _join_stylesheets(files, config)
    with _as_build_error():
        _indexing = search.Indexing(Path(config.site_dir) / search.FOLDER)
    return files


def _join_stylesheets(files: Files, config) -> None:
    """Ship the hub's style sheets (`extra_css`) as one file, and link that file from every page in their place."""
    parts = {path: file for path in config.extra_css if (file := files.get_file_from_path(path))}
    if not parts:
        return
    joined, text = stylesheets.joined([(path, file.content_string) for path, file in parts.items()])
    for file in parts.values():
        files.remove(file)
    files.append(File.generated(config, joined, content=text))
    config.extra_css = [joined] + [path for path in config.extra_css if path not in parts]


def on_page_content(html: str, page, config, files) -> str:
    """Sanitise generated pages; hand the content to search, and write the index after the last page it holds."""
    source = page.file.src_uri
    if source in _generated:
        html = sanitise(html)
    if _generated[source].indexed if source in _generated else search.indexed_by(page.meta):
        _indexing.add(search.document(page.url, page.title, html, page.meta))
    if source == _index_after:
        _indexing.write()
    return html


def on_env(env, config, files):
    """Give the theme the footer's links; render its inline scripts apart from any page, so only they can be
    allowed by the policy. The theme's templates are compiled once and kept, in the user's temporary folder,
    for the next build (each rebuild of `make serve` starts a new engine), which recompiles a template only when
    its text changes."""
    global _theme_scripts
    env.bytecode_cache = FileSystemBytecodeCache()
    env.globals["hub_footer"] = policies.footer(directory_urls=config.use_directory_urls)
    features = config.theme.get("features") or []

    @cache
    def scripts_for(base_url: str) -> frozenset[str]:
        return security.trusted_scripts("".join(env.get_template(name).render(
            config=config, base_url=base_url, features=features) for name in _THEME_SCRIPTS))

    _theme_scripts = scripts_for
    return env


def on_post_page(output: str, page, config) -> str:
    file = page.file
    source = (_generated[file.src_uri].source or f"the generated page {file.src_uri}" if file.src_uri in _generated
              else os.path.relpath(file.abs_src_path, _root(config)))
    return _secure(output, get_relative_url(".", page.url), source)


def on_post_template(output: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output
    base_url = (urlsplit(config.site_url or "/").path if is_error_template(template_name)
                else get_relative_url(".", template_name))
    return _secure(output, base_url, f"the theme's {template_name}")


def _secure(output: str, base_url: str, source: str) -> str:
    try:
        return security.secure(output, _theme_scripts(base_url))
    except security.UntrustedScript as error:
        raise PluginError(f"{source}: the page has {error}; nothing was published") from error


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
