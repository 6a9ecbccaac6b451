"""Turning a checked catalogue into the site's Markdown pages, and cleaning the HTML they become.

Pages are rendered from Jinja templates to Markdown, not HTML, so the site engine still does the
headings, the table of contents, search and the theme. Values from entries are escaped for
Markdown here; the HTML the engine makes of them is sanitised again by `sanitise`.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import cache
from pathlib import Path

import jinja2
import nh3

from hooks.checks import sections
from hooks.model.addresses import address, index_path, resolve, site_path
from hooks.model.catalogue import PAGES_DIRECTORY, Catalogue, Entry
from hooks.model.schema import kinds, vocabularies
from hooks.pages import browse, contribute, provenance, readiness
from hooks.pages.page import Page
from hooks.read import outline as markdown

TEMPLATES = Path(__file__).parent / "templates"
EVIDENCE_PAGE = "evidence-levels.md"
COMMITMENTS_PAGE = "lcav-commitments.md"


def pages(catalogue: Catalogue, *, repo_url: str = "") -> list[Page]:
    """Every generated page of the site: one per entry, an index per kind, evidence levels, the LCAV
    commitments with the case studies naming each, readiness, the field reference, the case study form
    (whose "Propose on GitHub" link needs `repo_url`) and the comparison of approaches."""
    result = []
    for kind in kinds().values():
        for entry in catalogue.of(kind.name):
            result.append(Page(site_path(entry), _render(f"{kind.name}.md.j2", site_path(entry), entry=entry,
                                                         body=_site_body(entry), catalogue=catalogue),
                               entry.path))
    result.append(Page(EVIDENCE_PAGE, _render("evidence_levels.md.j2", EVIDENCE_PAGE)))
    result.append(Page(COMMITMENTS_PAGE, _render("lcav_commitments.md.j2", COMMITMENTS_PAGE, catalogue=catalogue)))
    result.extend(readiness.pages(catalogue, _render))
    reference, share = contribute.FIELD_REFERENCE_PAGE, contribute.SHARE_PAGE
    result.append(Page(reference, _render("field_reference.md.j2", reference, **contribute.reference_context())))
    result.append(Page(share, _render("share_form.md.j2", share, field_reference_page=reference,
                                      spec_file=contribute.SHARE_SPEC, not_reported=sections.NOT_REPORTED)))
    result.append(Page(contribute.SHARE_SPEC,
                       contribute.form_json(contribute.form_spec(catalogue, repo_url=repo_url))))
    # The listings and the comparison come last: they are the longest pages to convert and search
    # does not index them, so the search index can be written while the engine converts them.
    for kind in kinds().values():
        result.append(Page(index_path(kind.name), _render(f"{kind.name}_index.md.j2", index_path(kind.name),
                                                          kind=kind, entries=catalogue.of(kind.name),
                                                          catalogue=catalogue)))
    result.append(Page(browse.COMPARISON_PAGE,
                       _render("comparison.md.j2", browse.COMPARISON_PAGE, catalogue=catalogue)))
    return result


def clashes(pages: list[Page], existing: dict[str, str]) -> list[str]:
    """Each generated page whose address another page already has, naming the sources of both.

    `existing` maps each hand-written file's path in the site's source tree to its file. The engine
    would silently keep one of the two, so a reader would never see the other.
    """
    taken = {_address(path): source for path, source in existing.items()}
    found = []
    for page in pages:
        where, source = _address(page.src_uri), page.source or f"the generated page {page.src_uri}"
        if where in taken:
            found.append(f"{source} and {taken[where]} would both be published at /{where}; rename one of them")
        else:
            taken[where] = source
    return found


def _address(src_uri: str) -> str:
    return address(src_uri) if src_uri.endswith(".md") else src_uri


def _site_body(entry: Entry) -> str:
    """The entry's body with links written relative to its source file re-pointed at the site's pages, and
    each section its source does not report marked as the note the site shows it as."""
    here = posixpath.dirname(site_path(entry))
    targets = {}
    for link in entry.outline.links:
        target = resolve(entry.path, link.href)
        if not target:
            continue
        fragment = link.href.partition("#")[2]
        targets[link.href] = relative(_published_as(target), here) + (f"#{fragment}" if fragment else "")
    body = markdown.rewrite_links(entry.body, targets, code_blocks=entry.outline.code_blocks)
    spans = sections.not_reported_spans(entry.kind, entry.outline)
    if not spans:
        return body
    lines = body.split("\n")
    for first, end in reversed(spans):
        lines[first:end] = [sections.NOT_REPORTED, f"{{: .{sections.NOT_REPORTED_CLASS} }}"]
    return "\n".join(lines)


def _published_as(source: str) -> str:
    """The site page a repository file becomes: an entry's page, or a hand-written page."""
    folder, name = posixpath.split(source)
    for kind in kinds().values():
        if folder == kind.directory:
            return f"{kind.site_directory}/{name}"
    return source.removeprefix(f"{PAGES_DIRECTORY}/")


@cache
def relative(target: str, here: str) -> str:
    """A link from a page in folder `here` to the page `target`, both relative to the site's root.

    Cached: every entry page links the same few listings and filters, and relpath is not cheap.
    """
    return posixpath.relpath(target, here or ".")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_BLOCK_START = re.compile(r"^(?:(\d+)([.)])|([-:~=]))")
"""What starts a list, a definition, a fence or a heading underline when a line begins with it."""


def escape(value: object) -> str:
    """Text from an entry, made safe to place in Markdown: it shows as written and adds no markup.

    A value is one run of text, so line breaks and runs of spaces become one space (as a browser
    shows them), and a start that would make a block of its own (`2019. `, `- `, `: `) is escaped.
    Python-Markdown has no backslash escape for `:`, `~` and `=`, so those become entities.
    """
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(value).split()), quote=False))
    return _BLOCK_START.sub(lambda start: f"{start[1]}\\{start[2]}" if start[1] else f"&#{ord(start[3])};", text)


def commitment_anchor(number: int) -> str:
    """The id of a Leading Change, Adding Value commitment on the commitments page, where case studies link to it."""
    return f"commitment-{number}"


def _markdown_link(text: str, url: str) -> str:
    """A link in Markdown to a contributed address: the angle brackets keep its brackets and spaces."""
    return f"[{text}](<{url}>)"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                             autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(md=escape, long_date=provenance.long_date, json=lambda v: json.dumps(v, ensure_ascii=False),
                       first_published=lambda source: provenance.first_published(source, escape=escape,
                                                                                 link=_markdown_link))
    env.globals.update(vocabularies=vocabularies(), kinds=kinds(), site_path=site_path,
                       evidence_page=EVIDENCE_PAGE, commitments_page=COMMITMENTS_PAGE,
                       commitment_anchor=commitment_anchor, browse=browse)
    return env


def _render(template: str, src_uri: str, **context) -> str:
    here = posixpath.dirname(src_uri)

    def link(target: str) -> str:
        """A link from this page to another page of the site, as the engine expects it."""
        return relative(target, here)

    return _environment().get_template(template).render(link=link, **context)


_SANITISER = nh3.Cleaner(
    tags={"a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "span", "strong", "sub", "summary",
          "sup", "table", "tbody", "td", "th", "thead", "tr", "ul"},
    attributes={"*": {"class", "id", "title"}, "a": {"href"}, "img": {"src", "alt"},
                "th": {"style", "scope"}, "td": {"style", "data-sort"}, "ol": {"start"},
                "div": {"data-pagefind-ignore"}, "p": {"data-pagefind-weight"}},
    url_schemes={"http", "https", "mailto"}, link_rel=None, filter_style_properties={"text-align"},
    attribute_filter=lambda tag, attribute, value: _without_theme_names(attribute, value))
"""Built once: the rules are the same for every page."""


def _without_theme_names(attribute: str, value: str) -> str | None:
    """Ids and classes of the theme's own are dropped: a second `__config` would stop its scripts."""
    if attribute == "id":
        return None if value.startswith(markdown.THEME_ID_PREFIX) else value
    if attribute == "class":
        return " ".join(name for name in value.split() if not name.startswith(markdown.THEME_CLASS_PREFIX)) or None
    return value


def sanitise(page_html: str) -> str:
    """Drop anything from rendered entry HTML that Markdown should never have produced."""
    return _SANITISER.clean(page_html)
