"""The hub's own style sheets, shipped as one file.

A browser draws nothing until it has every style sheet the page links, and a phone on a slow connection waits a
round trip for each file beyond the few it fetches at once: the hub's own small files, after the theme's two,
put off the first paint of every page. The sources stay one file per part of the site, in the order the
settings list them; the build ships them joined, named for their content so that a browser never keeps an old copy.
"""

from __future__ import annotations

import hashlib
import posixpath

FOLDER = "assets/stylesheets/"


def joined(parts: list[tuple[str, str]]) -> tuple[str, str]:
    """The one style sheet that stands for `parts` (each its path in the site and its text, in the order they
    would be linked): its path in the site and its text, each part under a comment naming its source."""
    text = "".join(f"/* {posixpath.basename(path)} */\n{css.strip()}\n\n" for path, css in parts)
    return f"{FOLDER}hub.{hashlib.sha256(text.encode()).hexdigest()[:8]}.css", text
