"""Slugs: the file name a title gives an entry, which becomes its address, so it must be safe in a URL.

`slugify` is the rule the share form repeats in JavaScript; `name_for` is what `make new` uses, and
spells a title in any script in Latin letters. The check that a file's name is a slug is in
`hooks.checks.sources`, with the other rules about files.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from anyascii import anyascii

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_LENGTH = 80
"""Longest slug `slugify` makes: long enough for a title, short enough to read in an address."""
SEPARATORS = r"[^a-z0-9]+"
"""What `slugify` turns into one hyphen, once the title is lower-case ASCII; the share form is given it too."""


def slugify(title: str) -> str:
    """The file name for a title: lower-case ASCII letters, digits and single hyphens, at most `SLUG_LENGTH` long.

    Letters lose their accents (`Zürich` gives `zurich`); other characters are dropped. The share
    form's JavaScript makes the same slug (a test compares the two), which is why transliteration
    with its large tables is left to `name_for`, on the command line only.
    """
    return _shortened(_unshortened(title))


class Name(NamedTuple):
    """The slug for a title, and what was done to the title to make it."""

    slug: str
    transliterated: bool
    """`slugify` would drop a letter or digit of the title, so the slug spells the title in Latin letters."""
    shortened: bool
    """The slug was cut at a word to `SLUG_LENGTH` characters."""


def name_for(title: str) -> Name:
    """The slug for a title in any script, as `make new` names a file.

    `slugify`'s slug when it keeps every letter and digit of the title; otherwise (Greek, Chinese,
    Arabic, a title of emoji) the title transliterated into Latin letters, so that every title has a
    readable address and none is named by its year alone.
    """
    full = _unshortened(title)
    transliterated = not full or any(_dropped(char) for char in title)
    if transliterated:
        # anyascii writes each Chinese or Korean syllable capitalised (`ZhongWen`): keep them apart.
        full = _unshortened(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", anyascii(title)))
    slug = _shortened(full)
    return Name(slug, transliterated, slug != full)


def _dropped(char: str) -> bool:
    """A letter or digit that `slugify` drops, having no Latin letter or digit in its decomposition."""
    return char.isalnum() and not any(part.isascii() and part.isalnum() for part in unicodedata.normalize("NFKD", char))


def _unshortened(title: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(SEPARATORS, "-", ascii_text.lower()).strip("-")


def _shortened(slug: str) -> str:
    """The slug cut to `SLUG_LENGTH`: after the last whole word that fits, unless the whole words that fit fill
    less than half of it (a long word after a short one); then the long word is cut at the limit."""
    if len(slug) <= SLUG_LENGTH:
        return slug
    cut = slug[:SLUG_LENGTH + 1]
    whole_words = cut[:cut.rfind("-")] if "-" in cut else ""
    return whole_words if len(whole_words) >= SLUG_LENGTH // 2 else slug[:SLUG_LENGTH]
