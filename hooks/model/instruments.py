"""Readiness instruments, checked like entries.

An instrument (`readiness/<slug>.yml`) is data an improvement lead edits, not code, so it gets the
entries' treatment: the strict YAML reader, its JSON Schema, and the cross-checks a schema cannot
express (ids unique, every reference to a domain, statement, band or approach resolvable), each
reported as `path:line: field: message`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from hooks.checks import sources
from hooks.model.schema import Kind, data_kinds, kinds, validate
from hooks.model.slugs import slug_problem
from hooks.read.frontmatter import read_yaml
from hooks.read.problems import Problem, field_path, quote


def kind() -> Kind:
    return data_kinds()["instrument"]


@dataclass
class Instrument:
    """One checked instrument: its slug (the file name) and its fields."""

    slug: str
    path: str
    """Source file, relative to the repository root."""
    data: dict

    @property
    def title(self) -> str:
        return self.data["title"]

    def page(self, name: str = "index") -> str:
        """Site path of one of its pages: `index` (the form), `results` or `team`."""
        return f"{kind().site_directory}/{self.slug}/{name}.md"

    @property
    def data_file(self) -> str:
        return f"{kind().site_directory}/{self.slug}/instrument.json"


def load(root: Path) -> tuple[dict[str, Instrument], list[Problem]]:
    """Read and check every instrument under `root`. Never raises for anything a file contains."""
    root = Path(root)
    approaches = {file.stem for file in sources.files(root, kinds()["approach"])}
    instruments: dict[str, Instrument] = {}
    problems: list[Problem] = sources.strays(root, kind())
    for file in sources.files(root, kind()):
        path = file.relative_to(root).as_posix()
        doc = sources.read(path, file, read_yaml)
        doc.problems.extend(slug_problem(path, file, kind()))
        if doc.data is not None:
            schema_problems = validate(kind(), doc.data, path=path, line_of=doc.line_of)
            doc.problems.extend(schema_problems)
            if not schema_problems:  # the cross-checks rely on the shapes the schema guarantees
                doc.problems.extend(_cross_problems(path, doc.data, doc.line_of, approaches))
        if doc.data is not None and not doc.problems:
            instruments[file.stem] = Instrument(file.stem, path, doc.data)
        problems.extend(doc.problems)
    return instruments, problems


def _cross_problems(path: str, data: dict, line_of, approaches: set[str]) -> list[Problem]:
    """What the schema cannot say: unique ids, references that resolve, bands in order."""
    problems: list[Problem] = []

    def problem(parts: tuple, message: str, rule: str) -> None:
        problems.append(Problem(path, line_of(parts), field_path(parts), message, rule))

    def unique(entries: list[tuple[tuple, str]], noun: str) -> set[str]:
        seen: dict[str, tuple] = {}
        for parts, value in entries:
            if value in seen:
                problem(parts, f"the {noun} id {quote(value)} is already used on line {line_of(seen[value])}; "
                        "give each its own id", "duplicate-id")
            seen.setdefault(value, parts)
        return set(seen)

    def known(parts: tuple, value: str, choices: set[str], noun: str) -> bool:
        if value in choices:
            return True
        near = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
        advice = f"did you mean {quote(near[0])}?" if near else f"use one of: {', '.join(sorted(choices))}"
        problem(parts, f"{quote(value)} is not a {noun} of this instrument; {advice}", "unknown-id")
        return False

    top = len(data["scale"])
    bands = unique([(("bands", i, "id"), band["id"]) for i, band in enumerate(data["bands"])], "band")
    domains = unique([(("domains", i, "id"), domain["id"]) for i, domain in enumerate(data["domains"])], "domain")
    items = unique([(("domains", d, "items", i, "id"), item["id"])
                    for d, domain in enumerate(data["domains"]) for i, item in enumerate(domain["items"])],
                   "statement")
    unique([(("fits", i, "id"), rule["id"]) for i, rule in enumerate(data["fits"])], "rule")

    previous = None
    for index, band in enumerate(data["bands"]):
        if index == 0 and band["from"] != 1:
            problem(("bands", 0, "from"), f"the lowest band must start at 1, the lowest answer, not {band['from']}",
                    "bad-value")
        elif previous is not None and band["from"] <= previous:
            problem(("bands", index, "from"), f"{band['from']} is not above the band before it ({previous}); "
                    "list bands lowest first", "bad-value")
        elif band["from"] > top:
            problem(("bands", index, "from"), f"{band['from']} is above the highest answer ({top})", "bad-value")
        previous = band["from"]
    if data["met_from"] > top:
        problem(("met_from",), f"{data['met_from']} is above the highest answer ({top})", "bad-value")

    for d, domain in enumerate(data["domains"]):
        given = unique([(("domains", d, "bands", i, "band"), meaning["band"])
                        for i, meaning in enumerate(domain["bands"])], "band meaning")
        for i, meaning in enumerate(domain["bands"]):
            known(("domains", d, "bands", i, "band"), meaning["band"], bands, "band")
        for band in data["bands"]:
            if band["id"] not in given:
                problem(("domains", d, "bands"), f"no meaning is given for the band {quote(band['id'])}; add "
                        f"{{band: {band['id']}, meaning: ...}}", "missing-field")
        for i, item in enumerate(domain["items"]):
            if item.get("essential") and "action" not in item:
                problem(("domains", d, "items", i, "essential"), "an essential statement needs an action: what to "
                        "do while it is not yet true; add the field 'action'", "missing-field")

    for r, rule in enumerate(data["fits"]):
        if not rule.get("approaches") and not rule.get("without_costs"):
            problem(("fits", r), "the rule suggests no approach; add 'approaches' or 'without_costs'", "missing-field")
        for a, slug in enumerate(rule.get("approaches", [])):
            if slug not in approaches:
                near = difflib.get_close_matches(slug, sorted(approaches), n=1, cutoff=0.6)
                advice = f"did you mean {quote(near[0])}?" if near else \
                    f"use one of: {', '.join(sorted(approaches))}" if approaches else "add the approach first"
                problem(("fits", r, "approaches", a), f"{quote(slug)} is not an approach in approaches/; {advice}",
                        "unknown-approach")
        for c, condition in enumerate(rule["when"]):
            here = ("fits", r, "when", c)
            if ("domain" in condition) == ("item" in condition):
                problem(here, "a condition names either a domain (with bands) or a statement (with answers)",
                        "missing-field" if "domain" not in condition else "bad-value")
                continue
            if "domain" in condition:
                if "answers" in condition:
                    problem(here + ("answers",), "answers go with a statement; a domain takes bands", "bad-value")
                if "bands" not in condition:
                    problem(here, "the condition needs 'bands': the bands the domain must be in", "missing-field")
                known(here + ("domain",), condition["domain"], domains, "domain")
                for b, band in enumerate(condition.get("bands", [])):
                    known(here + ("bands", b), band, bands, "band")
            else:
                if "bands" in condition:
                    problem(here + ("bands",), "bands go with a domain; a statement takes answers", "bad-value")
                if "answers" not in condition:
                    problem(here, "the condition needs 'answers': the answers the statement must have",
                            "missing-field")
                known(here + ("item",), condition["item"], items, "statement")
                for a, answer in enumerate(condition.get("answers", [])):
                    if answer > top:
                        problem(here + ("answers", a), f"{answer} is above the highest answer ({top})", "bad-value")
    return problems
