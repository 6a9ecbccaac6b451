"""Loading a repository: every entry and instrument read, checked and gathered into a catalogue.

Loading never stops at the first bad file: each file's problems are collected and the rest are
still read, so one run lists everything to fix.
"""

from __future__ import annotations

from pathlib import Path

from hooks.checks import characters, citations, dialect, names, placeholders, sections, slow_markdown, sources
from hooks.checks.links import link_problems, short
from hooks.model import instruments
from hooks.model import settings as site_settings
from hooks.model.catalogue import Catalogue, Entry
from hooks.model.schema import Kind, kinds, validate
from hooks.model.settings import Settings
from hooks.model.slugs import slug_problem
from hooks.read import outline as markdown
from hooks.read.frontmatter import Document, read
from hooks.read.problems import Problem, quote


def load(root: Path, settings: Settings | None = None) -> Catalogue:
    """Read and check every entry under `root`. Never raises for anything an entry contains.

    `settings` are the site's engine facts; by default, those its configuration file gives.
    """
    root = Path(root)
    settings = settings or site_settings.read(root)
    catalogue = Catalogue(root, settings, pages=frozenset(
        p.relative_to(root).as_posix() for p in (root / settings.pages_folder).rglob("*") if p.is_file()))
    documents: list[tuple[Kind, Document]] = []
    known: dict[str, set[str]] = {}
    """The entry files of each kind's folder, for checking links to them."""
    outlines: dict[str, markdown.Outline] = {}
    """Each body, parsed once; not one that would stall the Markdown parsers, so the check cannot stall."""
    for kind in kinds().values():
        catalogue.entries[kind.name] = {}
        catalogue.problems.extend(sources.strays(root, kind))
        files = sources.files(root, kind)
        known[kind.directory] = {file.relative_to(root).as_posix() for file in files}
        for file in files:
            path = file.relative_to(root).as_posix()
            doc = sources.read(path, file, read)
            doc.problems.extend(slug_problem(path, file, kind))
            if doc.data is not None:
                doc.problems.extend(validate(kind, doc.data, path=path, line_of=doc.line_of))
            if doc.body is not None:
                doc.problems.extend(characters.body_problems(doc.body, path=path, first_line=doc.body_line))
                if slow := slow_markdown.problems(path, doc.body, first_line=doc.body_line):
                    doc.problems.extend(slow)
                else:
                    outlines[path] = markdown.outline(doc.body, first_line=doc.body_line)
            doc.problems.extend(placeholders.problems(kind, doc, outlines.get(path)))
            documents.append((kind, doc))
    catalogue.linkable = catalogue.pages.union(*known.values())
    for kind, doc in documents:
        outline = outlines.get(doc.path)
        if outline is None:
            catalogue.problems.extend(doc.problems)
            continue
        doc.problems.extend(_body_problems(doc.path, kind, outline, catalogue.linkable))
        if isinstance(doc.data, dict):
            doc.problems.extend(citations.problems(doc, outline))
        if doc.data is not None and not doc.problems:
            slug = Path(doc.path).stem
            catalogue.entries[kind.name][slug] = Entry(kind, slug, doc.path, doc.data, doc.body, outline)
        catalogue.problems.extend(doc.problems)
    catalogue.problems.extend(_cross_problems(documents))
    catalogue.instruments, instrument_problems = instruments.load(root)
    catalogue.problems.extend(instrument_problems)
    catalogue.problems = placeholders.hide_masked(catalogue.problems)
    catalogue.problems.sort(key=lambda problem: (problem.path, problem.line))
    return catalogue



def _cross_problems(documents: list[tuple[Kind, Document]]) -> list[Problem]:
    """Rules across entries: names must be unique, a case study's approaches must exist."""
    problems = []
    approaches = names.approach_names([(Path(doc.path).stem, doc.data) for kind, doc in documents
                                       if kind.name == "approach" and isinstance(doc.data, dict)])

    for kind in kinds().values():
        seen: dict[str, str] = {}
        for doc_kind, doc in documents:
            if doc_kind is not kind or not isinstance(doc.data, dict):
                continue
            for name in names.names(doc.data):
                other = seen.setdefault(names.same(name), doc.path)
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

