"""Every internal link and asset of the built site resolves, anchors included."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import SITE_PATH


class Page(HTMLParser):
    """The ids a page defines and the links and assets it points to."""

    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.targets: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name"):
            if attrs.get(name):
                self.ids.add(attrs[name])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.targets.append(attrs[name])


def resolve(site: Path, page: Path, target: str) -> tuple[Path | None, str]:
    """The file a link from `page` points to inside `site` (None if it leaves the site), and its anchor."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None, ""
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(SITE_PATH):
            return site / "__outside_the_site__", ""
        file = site / path[len(SITE_PATH):]
    else:
        file = (page.parent / path) if path else page
    file = Path(str(file.resolve()))
    if file.is_dir() or path.endswith("/"):
        file = file / "index.html"
    return file, parts.fragment


def test_no_broken_internal_link_anchor_or_asset(real_site):
    pages = {path.resolve(): Page(path.read_text(encoding="utf-8")) for path in real_site.rglob("*.html")}
    broken = []
    for path, parsed in pages.items():
        for target in parsed.targets:
            file, anchor = resolve(real_site.resolve(), path, target)
            if file is None:
                continue
            if not file.exists():
                broken.append(f"{path.relative_to(real_site.resolve())}: {target} (missing file)")
            elif anchor and file in pages and anchor not in pages[file].ids:
                broken.append(f"{path.relative_to(real_site.resolve())}: {target} (missing anchor)")
    assert broken == []
    assert len(pages) > 5


def test_the_crawler_notices_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<a href="../b/">b</a><a href="#here">h</a><p id="here"></p>')
    page = tmp_path / "a/index.html"
    assert resolve(tmp_path, page, "../b/")[0] == (tmp_path / "b/index.html").resolve()
    assert not resolve(tmp_path, page, "../b/")[0].exists()
    assert resolve(tmp_path, page, "#here") == (page.resolve(), "here")
