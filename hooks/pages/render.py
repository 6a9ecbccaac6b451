"""The renderer: a page's Markdown from a Jinja template, with every value from an entry escaped for Markdown.

Pages are rendered to Markdown, not HTML, so the site engine still does the headings, the table of
contents and the theme. Values from entries reach a template only through `escape` (the `md` filter),
so they show as written and add no markup. Which pages there are is decided by `hooks.pages.site` and
the modules of each kind of page; cleaning the HTML the engine makes is publishing's
(`hooks.publish.sanitise`).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import cache
from pathlib import Path

import jinja2

from hooks.model.addresses import site_path
from hooks.model.schema import kinds, vocabularies
from hooks.pages import browse, provenance

TEMPLATES = Path(__file__).parent / "templates"
EVIDENCE_PAGE = "evidence-levels.md"
COMMITMENTS_PAGE = "lcav-commitments.md"
GAP_MAP_PAGE = "evidence-and-gap-map.md"
"""At the site root, like the comparison: no entry can take its address."""


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
                       evidence_page=EVIDENCE_PAGE, commitments_page=COMMITMENTS_PAGE, gap_map_page=GAP_MAP_PAGE,
                       commitment_anchor=commitment_anchor, browse=browse)
    return env


def render(template: str, src_uri: str, **context) -> str:
    """The page at `src_uri` from a template, with `link` to make links from it to other pages of the site."""
    here = posixpath.dirname(src_uri)

    def link(target: str) -> str:
        """A link from this page to another page of the site, as the engine expects it."""
        return relative(target, here)

    return _environment().get_template(template).render(link=link, **context)
