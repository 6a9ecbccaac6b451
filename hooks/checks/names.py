"""What entries are called, and how a case study names its approaches.

Titles and aliases are compared as a reader sees them, so two entries cannot pass for one. A case
study names the approaches the hub has a page for by slug (`approaches`) and those it has none for
yet by name (`other_approaches`); the rules here keep the two apart and say how to move a name from
one to the other.
"""

from __future__ import annotations

import difflib
import unicodedata

from hooks.checks import placeholders
from hooks.read.frontmatter import Document
from hooks.read.problems import Problem, quote

PROPOSE = ('propose a page for it with make new KIND=approach TITLE="..." (see "Proposing an approach" '
           "in CONTRIBUTING.md)")
"""How a contributor adds an approach; CONTRIBUTING.md has the section this names."""


def same(name: str) -> str:
    """A name as a reader sees it: compatible forms, case, spacing and invisible characters make no difference."""
    visible = "".join(char for char in unicodedata.normalize("NFKC", name) if unicodedata.category(char) != "Cf")
    return " ".join(visible.casefold().split())


def names(data: dict) -> list[str]:
    """An entry's title and aliases, as written, leaving out placeholders still to fill in."""
    written = [data.get("title")] + (data.get("aliases") if isinstance(data.get("aliases"), list) else [])
    return [name for name in written if isinstance(name, str) and not placeholders.is_placeholder(name)]


def approach_names(approaches: list[tuple[str, dict]]) -> dict[str, str]:
    """Every name an approach answers to (slug, and its title and aliases as `same` reads them), to its slug."""
    known: dict[str, str] = {}
    for slug, data in approaches:
        known[slug] = slug
        for name in names(data):
            known.setdefault(same(name), slug)
    return known


def approach_problems(doc: Document, known: dict[str, str]) -> list[Problem]:
    """A case study's `approaches` must have pages; its `other_approaches` must not."""
    problems = []
    slugs = set(known.values())
    named = doc.data.get("approaches")
    for index, slug in enumerate(named if isinstance(named, list) else []):
        if not isinstance(slug, str) or slug in slugs:
            continue
        near = known.get(same(slug))
        if near is None:
            close = difflib.get_close_matches(slug.lower(), list(known), n=1, cutoff=0.6)
            near = known[close[0]] if close else None
        advice = f"did you mean {quote(near)}?" if near else \
            f"use one of: {', '.join(sorted(slugs))}." if slugs else "the hub has no approach pages yet."
        problems.append(Problem(doc.path, doc.line_of(("approaches", index)), f"approaches[{index}]",
                                f"{quote(slug)} is not an approach in approaches/; {advice} If the hub has no "
                                f"page for it yet, name it under other_approaches instead, and {PROPOSE}",
                                "unknown-approach"))
    others = doc.data.get("other_approaches")
    for index, name in enumerate(others if isinstance(others, list) else []):
        slug = known.get(same(name)) if isinstance(name, str) else None
        if slug is not None:
            problems.append(Problem(doc.path, doc.line_of(("other_approaches", index)), f"other_approaches[{index}]",
                                    f"the hub has a page for {quote(name)}: name it under approaches as "
                                    f"{quote(slug)}, and take it out of other_approaches", "approach-has-page"))
    return problems
