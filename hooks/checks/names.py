"""What entries are called, and how case studies and readiness instruments name approaches.

Titles and aliases are compared as a reader sees them, so two entries cannot pass for one. A case
study names the approaches the hub has a page for by slug (`approaches`) and those it has none for
yet by name (`other_approaches`); the rules here keep the two apart and say how to move a name from
one to the other. An instrument's rules name approaches by slug too, and are told the same way
when one has no page.
"""

from __future__ import annotations

from collections.abc import Mapping

from hooks.checks import placeholders
from hooks.checks.suggest import did_you_mean, same
from hooks.read.frontmatter import Document
from hooks.read.problems import Problem, quote

PROPOSE = ('propose a page for it with make new KIND=approach TITLE="..." (see "Proposing an approach" '
           "in CONTRIBUTING.md)")
"""How a contributor adds an approach; CONTRIBUTING.md has the section this names."""


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


def unknown_approach(slug: object, known: Mapping[str, str]) -> str | None:
    """What is wrong with naming `slug` as an approach, or None if the hub has a page for it.

    Case studies and readiness instruments name approaches alike; `known` is `approach_names`.
    """
    slugs = set(known.values())
    if not isinstance(slug, str) or slug in slugs:
        return None
    advice = did_you_mean(slug, slugs, names=known, otherwise=f"use one of: {', '.join(sorted(slugs))}." if slugs
                          else "the hub has no approach pages yet.")
    return f"{quote(slug)} is not an approach in approaches/; {advice}"


def approach_problems(doc: Document, known: dict[str, str]) -> list[Problem]:
    """A case study's `approaches` must have pages; its `other_approaches` must not."""
    problems = []
    named = doc.data.get("approaches")
    for index, slug in enumerate(named if isinstance(named, list) else []):
        if message := unknown_approach(slug, known):
            problems.append(Problem(doc.path, doc.line_of(("approaches", index)), f"approaches[{index}]",
                                    f"{message} If the hub has no page for it yet, name it under other_approaches "
                                    f"instead, and {PROPOSE}", "unknown-approach"))
    others = doc.data.get("other_approaches")
    for index, name in enumerate(others if isinstance(others, list) else []):
        slug = known.get(same(name)) if isinstance(name, str) else None
        if slug is not None:
            problems.append(Problem(doc.path, doc.line_of(("other_approaches", index)), f"other_approaches[{index}]",
                                    f"the hub has a page for {quote(name)}: name it under approaches as "
                                    f"{quote(slug)}, and take it out of other_approaches", "approach-has-page"))
    return problems
