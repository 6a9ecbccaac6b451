"""The rules of a readiness instrument that JSON Schema cannot state, as tables of where to look.

`schemas/instrument.yml` says what one value may be (an essential statement needs an action, a
condition names a domain or a statement, the lowest band starts at 1). What needs the rest of the
file is here: ids unique across a list, every reference to a band, domain, statement or approach
resolvable, bands in order and answers on the scale. These run only on an instrument the schema
accepts, so every shape they read is there.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType

from hooks.checks.names import unknown_approach
from hooks.checks.suggest import did_you_mean
from hooks.read.frontmatter import Document
from hooks.read.problems import Problem, field_path, quote

IDS = {"band": ("bands", "*", "id"), "domain": ("domains", "*", "id"),
       "statement": ("domains", "*", "items", "*", "id"), "rule": ("fits", "*", "id"),
       "recommended approach": ("recommend", "*", "approach")}
"""Each kind of id, and where the ids are given; `*` stands for every index of a list. No two may be alike."""
CONDITIONS = (("fits", "*", "when", "*"), ("recommend", "*", "points", "*", "when", "*"),
              ("recommend", "*", "blockers", "*", "when", "*"))
"""Where conditions on answers are given."""
REFERENCES = (
    (("domains", "*", "bands", "*", "band"), "band"),
    *((where + ("domain",), "domain") for where in CONDITIONS),
    *((where + ("bands", "*"), "band") for where in CONDITIONS),
    *((where + ("item",), "statement") for where in CONDITIONS),
    (("essentials", "*", "item"), "statement"),
)
"""Where an id is named, and the kind of id it must be one of."""
ON_THE_SCALE = (("met_from",), *(where + ("answers", "*") for where in CONDITIONS))
REASONS = (("fits", "*", "reason"), ("recommend", "*", "points", "*", "reason"),
           ("recommend", "*", "blockers", "*", "reason"))
"""Reasons readers see side by side, so no two may be the same sentence."""
"""Answers, which cannot be above the highest answer of the scale."""


def problems(doc: Document, approaches: Mapping[str, str],
             essentials: Mapping[str, Collection[str]] = MappingProxyType({})) -> list[Problem]:
    """The problems of an instrument the schema accepts; `approaches` maps each name of an approach to its slug,
    and `essentials` each approach's slug to the ids of its essential prerequisites."""
    found: list[Problem] = []

    def report(parts: tuple, message: str, rule: str) -> None:
        found.append(Problem(doc.path, doc.line_of(parts), field_path(parts), message, rule))

    data = doc.data
    ids = {noun: _unique(_at(data, where), noun, doc, report) for noun, where in IDS.items()}
    for where, noun in REFERENCES:
        for parts, value in _at(data, where):
            if value not in ids[noun]:
                advice = did_you_mean(value, ids[noun], otherwise=f"use one of: {', '.join(sorted(ids[noun]))}")
                report(parts, f"{quote(value)} is not a {noun} of this instrument; {advice}", "unknown-id")
    _reasons_differ(data, doc, report)
    named = (_at(data, ("fits", "*", "approaches", "*")) + _at(data, ("recommend", "*", "approach"))
             + _at(data, ("essentials", "*", "approach")))
    for parts, slug in named:
        if message := unknown_approach(slug, approaches):
            report(parts, message, "unknown-approach")
    top = len(data["scale"])
    for where in ON_THE_SCALE:
        for parts, answer in _at(data, where):
            if answer > top:
                report(parts, f"{answer} is above the highest answer ({top})", "bad-value")
    _bands_in_order(data["bands"], top, report)
    _essentials_known(data, approaches, essentials, report)
    _band_meanings(data, doc, report)
    return found


def _at(data, where: tuple, prefix: tuple = ()) -> list[tuple[tuple, object]]:
    """Each value at `where` (keys, with `*` for every index of a list), with the full path to it."""
    if not where:
        return [(prefix, data)]
    key, rest = where[0], where[1:]
    if key == "*":
        return [found for index, item in enumerate(data) for found in _at(item, rest, prefix + (index,))]
    if isinstance(key, int) or key in data:
        return _at(data[key], rest, prefix + (key,))
    return []


def _unique(named: list[tuple[tuple, str]], noun: str, doc: Document, report) -> set[str]:
    """The ids given; a problem for each id given before."""
    seen: dict[str, tuple] = {}
    for parts, value in named:
        if value in seen:
            report(parts, f"the {noun} id {quote(value)} is already used on line {doc.line_of(seen[value])}; "
                   "give each its own id", "duplicate-id")
        seen.setdefault(value, parts)
    return set(seen)


def _reasons_differ(data: dict, doc: Document, report) -> None:
    """Each reason is its own sentence: two approaches recommended for the same words tell the reader nothing."""
    seen: dict[str, tuple] = {}
    for parts, reason in (found for where in REASONS for found in _at(data, where)):
        key = " ".join(reason.split()).casefold()
        if key in seen:
            report(parts, f"this reason is the same as the one on line {doc.line_of(seen[key])}; "
                   "say why the answers count for this approach in its own words", "repeated-value")
        seen.setdefault(key, parts)


def _bands_in_order(bands: list[dict], top: int, report) -> None:
    """Each band starts above the one before it, and within the scale (the first starts at 1: the schema says so)."""
    for index in range(1, len(bands)):
        start, previous = bands[index]["from"], bands[index - 1]["from"]
        if start <= previous:
            report(("bands", index, "from"), f"{start} is not above the band before it ({previous}); "
                   "list bands lowest first", "bad-value")
        elif start > top:
            report(("bands", index, "from"), f"{start} is above the highest answer ({top})", "bad-value")


def _band_meanings(data: dict, doc: Document, report) -> None:
    """Each domain says once what each band means for it."""
    for d, domain in enumerate(data["domains"]):
        given = _unique(_at(data, ("domains", d, "bands", "*", "band")), "band meaning", doc, report)
        for band in data["bands"]:
            if band["id"] not in given:
                report(("domains", d, "bands"), f"no meaning is given for the band {quote(band['id'])}; add "
                       f"{{band: {band['id']}, meaning: ...}}", "missing-field")


def _essentials_known(data: dict, approaches: Mapping[str, str], essentials: Mapping[str, Collection[str]],
                      report) -> None:
    """Each essential a statement answers is one of its approach's essential prerequisites."""
    for index, overlap in enumerate(data.get("essentials", [])):
        slug = approaches.get(overlap["approach"])
        known = essentials.get(slug)
        if known is None:
            continue  # an unknown approach, or one whose own problems are reported
        if overlap["essential"] not in known:
            advice = did_you_mean(overlap["essential"], known,
                                  otherwise=f"use one of: {', '.join(sorted(known)) or 'none: it lists no essential'}")
            report(("essentials", index, "essential"), f"{quote(overlap['essential'])} is not an essential "
                   f"prerequisite of {slug}; {advice}", "unknown-id")
