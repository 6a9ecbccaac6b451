"""Slugs: the file names that become entries' addresses, so they must be safe in a URL."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hooks.problems import Problem, quote
from hooks.schema import Kind

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_LENGTH = 80
"""Longest slug `slugify` makes: long enough for a title, short enough to read in an address."""


def slugify(title: str) -> str:
    """The file name for a title: lower-case ASCII letters, digits and single hyphens, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > SLUG_LENGTH:
        slug = slug[:SLUG_LENGTH + 1].rsplit("-", 1)[0]
    return slug


def slug_problem(path: str, file: Path, kind: Kind) -> list[Problem]:
    """A problem if the file's name cannot be its slug, with the name to rename it to."""
    if file.stem in kind.reserved_slugs:
        return [Problem(path, 1, "file", f"the file name {quote(file.stem)} is the address of a page the site makes "
                        f"itself, so this {kind.label.lower()} would replace it; rename the file, for example to "
                        f"{quote(file.stem + '-' + kind.name.replace('_', '-') + file.suffix)}", "reserved-slug")]
    if SLUG.fullmatch(file.stem):
        return []
    suggestion = (slugify(file.stem) or "my-entry") + file.suffix
    return [Problem(path, 1, "file", f"the file name {quote(file.stem)} must be lower-case letters, digits and "
                    f"single hyphens, like {quote(suggestion)}; rename the file", "bad-slug")]
