"""Theme files copied into overrides/ name the theme's version they were copied from.

A copy keeps the theme's markup of that version with a few changes (each says which at its top);
when the pinned theme changes, this fails until each copy is compared with the new original.
"""

from __future__ import annotations

import re
from importlib.metadata import version

from conftest import ROOT

COPIED_FROM = re.compile(r"Material for MkDocs (\S+)'s ")


def test_every_copy_of_a_theme_file_names_the_installed_theme_version():
    copies = {path.relative_to(ROOT).as_posix(): COPIED_FROM.search(path.read_text(encoding="utf-8"))
              for path in (ROOT / "overrides").rglob("*.html")}
    named = {path: found[1] for path, found in copies.items() if found}
    assert {"overrides/base.html", "overrides/partials/nav-item.html", "overrides/partials/toc.html"} <= set(named)
    assert {path: copied for path, copied in named.items() if copied != version("mkdocs-material")} == {}
