"""The second layer of defence on a generated page: its HTML, cleaned of anything Markdown should never make.

Entries are checked and their values escaped before they become Markdown, but the HTML the engine makes
of that Markdown is what a reader receives. Cleaning it is the last step before publishing, so it lives
with the rest of what a build publishes, apart from the pages that only write Markdown.
"""

from __future__ import annotations

import nh3

from hooks.read.outline import THEME_CLASS_PREFIX, THEME_ID_PREFIX

_SANITISER = nh3.Cleaner(
    tags={"a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "span", "strong", "sub", "summary",
          "sup", "table", "tbody", "td", "th", "thead", "tr", "ul"},
    attributes={"*": {"class", "id", "title"}, "a": {"href"}, "img": {"src", "alt"},
                "th": {"style", "scope"}, "td": {"style", "data-sort"}, "ol": {"start"},
                "div": {"data-pagefind-ignore", "data-approach"}, "p": {"data-pagefind-weight"}},
    url_schemes={"http", "https", "mailto"}, link_rel=None, filter_style_properties={"text-align"},
    attribute_filter=lambda tag, attribute, value: _without_theme_names(attribute, value))
"""Built once: the rules are the same for every page."""


def _without_theme_names(attribute: str, value: str) -> str | None:
    """Ids and classes of the theme's own are dropped: a second `__config` would stop its scripts."""
    if attribute == "id":
        return None if value.startswith(THEME_ID_PREFIX) else value
    if attribute == "class":
        return " ".join(name for name in value.split() if not name.startswith(THEME_CLASS_PREFIX)) or None
    return value


def sanitise(page_html: str) -> str:
    """Drop anything from rendered entry HTML that Markdown should never have produced."""
    return _SANITISER.clean(page_html)
