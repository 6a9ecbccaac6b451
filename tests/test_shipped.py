"""Nothing ships that no page loads: every script, style sheet, source map, font and image of the built site is
referenced by a page, or by a script or style sheet a page references."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import tools
from conftest import ROOT, SITE_PATH

from hooks.publish import shipped, stylesheets

ASSETS = ("assets/", "pagefind/")
"""Where the site's scripts, styles, fonts and images are: the theme's and the hub's, and Pagefind's."""

LOADED_INDIRECTLY = {
    "pagefind/pagefind.js": "search.js imports it from the address of the site's root, worked out as it runs",
    "pagefind/pagefind-worker.js": "pagefind.js starts it from the folder it was loaded from",
    "pagefind/pagefind-entry.json": "pagefind.js reads it to find the index",
}
"""Files loaded by an address a script builds as it runs, which no reading of its text can follow, and why."""

PAGEFIND_INDEX = re.compile(r"pagefind/(filter|fragment|index)/|pagefind/.*\.(pf_meta|pagefind)$")
"""The index itself, which pagefind.js loads part by part, by the words searched for."""

IN_CSS = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']""")
IN_JS = re.compile(r"""(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']|new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta""")


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for name, value in attrs if name in ("href", "src") and value]


def _references(site: Path, path: str) -> set[str]:
    """The files of the site that the file at `path` refers to, as paths in the site."""
    text = (site / path).read_text("utf-8", "replace")
    if path.endswith(".html"):
        parser = _References()
        parser.feed(text)
        addresses = parser.found
    else:
        addresses = [a or b for a, b in (IN_CSS if path.endswith(".css") else IN_JS).findall(text)]
    found = set()
    for address in addresses:
        parts = urlsplit(urljoin(f"http://site{SITE_PATH}{path}", address))
        if parts.netloc == "site" and parts.path.startswith(SITE_PATH):
            found.add(posixpath.normpath(parts.path.removeprefix(SITE_PATH)))
    return found


def loaded(site: Path) -> set[str]:
    """Every file a page of the site loads, directly or through the scripts and style sheets it loads."""
    to_read = [str(page.relative_to(site)) for page in site.rglob("*.html")]
    seen = set(to_read)
    while to_read:
        path = to_read.pop()
        for reference in _references(site, path) - seen:
            seen.add(reference)
            if reference.endswith((".css", ".js")) and (site / reference).is_file():
                to_read.append(reference)
    return seen


def test_every_asset_the_site_ships_is_loaded_by_a_page(real_site):
    assets = {str(file.relative_to(real_site)) for folder in ASSETS for file in (real_site / folder).rglob("*")
              if file.is_file()}
    found = loaded(real_site)
    assert "assets/javascripts/hub.js" in found, "the walk should follow the scripts that pages load"
    unloaded = assets - found - set(LOADED_INDIRECTLY)
    assert sorted(path for path in unloaded if not PAGEFIND_INDEX.search(path)) == []
    assert set(LOADED_INDIRECTLY) <= assets, "a file said to be loaded indirectly should exist"


NAMED_MAP = re.compile(r"sourceMappingURL=(\S+?)(?: \*/)?\s*$")


def test_no_script_or_style_sheet_names_a_source_map_that_is_not_shipped(real_site):
    named = {file: NAMED_MAP.search(file.read_text("utf-8", "replace"))
             for folder in ASSETS for file in (real_site / folder).rglob("*") if file.suffix in (".js", ".css")}
    assert [str(file) for file, found in named.items() if found and not (file.parent / found[1]).exists()] == []


def test_a_comment_naming_a_map_not_shipped_is_taken_off_the_end_of_a_script_or_style_sheet_and_nothing_else():
    strip = shipped.without_unshipped_map
    assert strip("assets/b.js", "a();\n//# sourceMappingURL=bundle.min.js.map\n", set()) == "a();"
    assert strip("assets/m.css", "a{b:c}\n/*# sourceMappingURL=main.css.map */", set()) == "a{b:c}"
    assert strip("assets/v/x.js", "a();\n//# sourceMappingURL=x.js.map", {"assets/v/x.js.map"}) is None
    assert strip("assets/v/x.js", "a();\n//# sourceMappingURL=../x.js.map", {"assets/v/x.js.map"}) == "a();"
    assert strip("assets/b.js", 'const note = "//# sourceMappingURL=x.map";\nb();\n', set()) is None


STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def test_the_hubs_style_sheets_ship_as_one_file_in_their_order_and_every_page_links_it_alone(real_site):
    """A page draws nothing until it has every style sheet it links: the theme's two and the hub's one."""
    listed = tools.MKDOCS_YML["extra_css"]
    assert len(listed) > 1
    [joined] = (real_site / stylesheets.FOLDER).glob("hub.*.css")
    text = joined.read_text(encoding="utf-8")
    where = [text.index((ROOT / "overrides" / path).read_text(encoding="utf-8").strip()) for path in listed]
    assert where == sorted(where)
    assert [path for path in listed if (real_site / path).exists()] == []
    for page in real_site.rglob("*.html"):
        links = [posixpath.basename(href) for href in STYLESHEET_LINK.findall(page.read_text(encoding="utf-8"))]
        assert links[2:] == [joined.name], page


def test_the_joined_style_sheet_is_named_for_its_text_so_a_browser_never_keeps_an_old_copy():
    name, text = stylesheets.joined([("assets/stylesheets/a.css", "a { color: red; }"), ("b.css", "b {}\n")])
    assert text == "/* a.css */\na { color: red; }\n\n/* b.css */\nb {}\n\n"
    assert name.startswith(stylesheets.FOLDER) and name != stylesheets.joined([("a.css", "a { color: blue; }")])[0]
