"""Loading a repository: every entry and instrument read, checked and gathered into a catalogue.

One loop reads every file of every kind (entries and data alike) and checks what can be checked of a
file alone; then each kind's own rules run, and the rules across files. Loading never stops at the
first bad file: each file's problems are collected and the rest are still read, so one run lists
everything to fix.
"""

from __future__ import annotations

from pathlib import Path

from hooks.checks import characters, citations, dialect, names, placeholders, sections, slow_markdown, sources
from hooks.checks import instruments as instrument_checks
from hooks.checks.links import link_problems, short
from hooks.checks.schema import validate
from hooks.checks.suggest import same
from hooks.model import settings as site_settings
from hooks.model.catalogue import Catalogue, Entry
from hooks.model.instruments import Instrument
from hooks.model.schema import Kind, data_kinds, kinds
from hooks.model.settings import Settings
from hooks.read import outline as markdown
from hooks.read.frontmatter import Document, read, read_yaml
from hooks.read.problems import Problem, quote


def load(root: Path, settings: Settings | None = None) -> Catalogue:
    """Read and check every entry and instrument under `root`. Never raises for anything a file contains.

    `settings` are the site's engine facts; by default, those its configuration file gives.
    """
    root = Path(root)
    settings = settings or site_settings.read(root)
    catalogue = Catalogue(root, settings, pages=frozenset(
        p.relative_to(root).as_posix() for p in (root / settings.pages_folder).rglob("*") if p.is_file()))
    documents: list[tuple[Kind, Document]] = []
    shaped: set[str] = set()
    """Documents whose fields the schema accepts: the rules across a file's fields rely on the shapes it gives."""
    outlines: dict[str, markdown.Outline] = {}
    """Each body, parsed once; not one that would stall the Markdown parsers, so the check cannot stall."""
    catalogue.entries = {name: {} for name in kinds()}
    for kind in (*kinds().values(), *data_kinds().values()):
        catalogue.problems.extend(sources.strays(root, kind))
        for file in sources.files(root, kind):
            documents.append((kind, _read(root, kind, file, shaped, outlines)))
    catalogue.linkable = catalogue.pages.union(doc.path for kind, doc in documents if kind.name in kinds())
    approaches = names.approach_names([(Path(doc.path).stem, doc.data) for kind, doc in documents
                                       if kind.name == "approach" and isinstance(doc.data, dict)])
    essentials = {Path(doc.path).stem: {item["id"] for item in doc.data.get("readiness", []) if item.get("essential")}
                  for kind, doc in documents if kind.name == "approach" and doc.path in shaped}
    for kind, doc in documents:
        if kind.name in kinds():
            _check_entry(catalogue, kind, doc, outlines.get(doc.path))
        elif doc.path in shaped:
            doc.problems.extend(instrument_checks.problems(doc, approaches, essentials))
            if not doc.problems:
                catalogue.instruments[Path(doc.path).stem] = Instrument(Path(doc.path).stem, doc.path, doc.data)
        catalogue.problems.extend(doc.problems)
    catalogue.problems.extend(_cross_problems(documents, approaches))
    catalogue.problems = placeholders.hide_masked(catalogue.problems)
    catalogue.problems.sort(key=lambda problem: (problem.path, problem.line))
    return catalogue


def _read(root: Path, kind: Kind, file: Path, shaped: set[str], outlines: dict[str, markdown.Outline]) -> Document:
    """One file read and checked on its own: its name, its fields against the schema, its body's characters;
    its body parsed into `outlines` unless it would stall the parsers."""
    path = file.relative_to(root).as_posix()
    doc = sources.read(path, file, read if kind.suffix == ".md" else read_yaml)
    doc.problems.extend(sources.slug_problem(path, file, kind))
    if doc.data is not None:
        schema_problems = validate(kind, doc.data, path=path, line_of=doc.line_of)
        doc.problems.extend(schema_problems)
        if not schema_problems:
            shaped.add(path)
    if doc.body is not None:
        doc.problems.extend(characters.body_problems(doc.body, path=path, first_line=doc.body_line))
        if slow := slow_markdown.problems(path, doc.body, first_line=doc.body_line):
            doc.problems.extend(slow)
        else:
            outlines[path] = markdown.outline(doc.body, first_line=doc.body_line)
    if kind.name in kinds():
        doc.problems.extend(placeholders.problems(kind, doc, outlines.get(path)))
    return doc


def _check_entry(catalogue: Catalogue, kind: Kind, doc: Document, outline: markdown.Outline | None) -> None:
    """An entry's body against its kind's sections and the files it may link to; the entry, if it has no problem."""
    if outline is None:
        return
    doc.problems.extend(_body_problems(doc.path, kind, outline, catalogue.linkable))
    if isinstance(doc.data, dict):
        doc.problems.extend(citations.problems(doc, outline))
    if doc.data is not None and not doc.problems:
        slug = Path(doc.path).stem
        catalogue.entries[kind.name][slug] = Entry(kind, slug, doc.path, doc.data, doc.body, outline)


def _cross_problems(documents: list[tuple[Kind, Document]], approaches: dict[str, str]) -> list[Problem]:
    """Rules across entries: names must be unique, a case study's approaches must exist."""
    problems = []
    for kind in kinds().values():
        seen: dict[str, str] = {}
        for doc_kind, doc in documents:
            if doc_kind is not kind or not isinstance(doc.data, dict):
                continue
            for name in names.names(doc.data):
                other = seen.setdefault(same(name), doc.path)
                if other != doc.path:
                    line = doc.line_of(("title",) if name == doc.data.get("title") else ("aliases",))
                    problems.append(Problem(doc.path, line, "title", f"{quote(name)} is already the title or "
                                            f"another name of {other}; give each {kind.label.lower()} its own "
                                            "name, or merge the two", "duplicate-title"))

    for kind, doc in documents:
        if kind.name == "case_study" and isinstance(doc.data, dict):
            problems.extend(names.approach_problems(doc, approaches))
    return problems


def _body_problems(path: str, kind: Kind, outline: markdown.Outline, targets: frozenset[str]) -> list[Problem]:
    problems = [Problem(path, html.line, "body", f"raw HTML ({short(html.text)}) is not allowed; "
                        "use Markdown instead", "raw-html") for html in outline.html]
    for name in outline.names:
        theirs, ours = markdown.RESERVED_PREFIXES[name.kind]
        if name.text.lower().startswith((theirs, ours)):
            problems.append(Problem(path, name.line, "body", f"the {name.kind} {quote(name.text)} is taken by the "
                                    "site's theme or scripts, and would break them on this page; choose one that "
                                    f"does not start with {quote(theirs)} or {quote(ours)}", "reserved-name"))
    problems.extend(link_problems(path, outline.links, targets))
    problems.extend(dialect.problems(path, outline))
    problems.extend(sections.order_problems(path, kind.sections, outline.headings))
    problems.extend(sections.problems(path, kind, outline))
    return problems

