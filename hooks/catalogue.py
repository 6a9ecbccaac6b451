"""All entries of a repository, loaded and checked together.

Some rules need every entry at once (a case study's approaches must exist, titles must differ),
so entries are loaded as one catalogue. Loading never stops at the first bad file: each file's
problems are collected and the rest are still read, so one run lists everything to fix.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hooks import body as markdown
from hooks import characters, citations, instruments, names, placeholders, sections, slow_markdown, sources
from hooks.frontmatter import Document, read
from hooks.problems import Problem, quote
from hooks.schema import Kind, Section, data_kinds, kinds, validate
from hooks.sections import title_key as _key
from hooks.slugs import slug_problem

PAGES_DIRECTORY = "content"
"""Hand-written pages, which entries may link to."""
LINK_SCHEMES = ("http", "https", "mailto")


@dataclass
class Entry:
    """One checked entry: its kind, slug, fields and Markdown body."""

    kind: Kind
    slug: str
    path: str
    """Source file, relative to the repository root."""
    data: dict
    body: str
    outline: markdown.Outline

    @property
    def title(self) -> str:
        return self.data["title"]


@dataclass
class Catalogue:
    """Every entry of every kind, and every problem found in them."""

    root: Path
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    """Entries by kind name, then by slug, sorted by slug."""
    problems: list[Problem] = field(default_factory=list)
    pages: frozenset[str] = frozenset()
    """Hand-written pages (repository-relative paths), for checking links to them."""
    linkable: frozenset[str] = frozenset()
    """Every file an entry's body may link to: the hand-written pages and the entry files, valid or not."""
    _indexes: dict = field(default_factory=dict, repr=False)
    instruments: dict = field(default_factory=dict)
    """Readiness instruments by slug (`hooks.instruments.Instrument`), checked with the entries."""

    def of(self, kind: str) -> list[Entry]:
        return list(self.entries.get(kind, {}).values())

    def having(self, kind: str, field_name: str, value) -> list[Entry]:
        """Entries of `kind` whose list field holds `value`, newest first, from an index built on
        first use: listings and related entries ask this for every page, which would otherwise grow
        with the square of the entries."""
        index = self._indexes.get((kind, field_name))
        if index is None:
            index = {}
            for entry in sorted(self.of(kind), key=lambda e: e.data.get("published", ""), reverse=True):
                for item in entry.data.get(field_name, ()):
                    index.setdefault(item, []).append(entry)
            self._indexes[(kind, field_name)] = index
        return index.get(value, [])

    def case_studies_using(self, approach: str) -> list[Entry]:
        return self.having("case_study", "approaches", approach)


def watched_paths(root: Path) -> list[Path]:
    """The folders whose changes should rebuild a live preview."""
    folders = [root / kind.directory for kind in [*kinds().values(), *data_kinds().values()]]
    return [folder for folder in folders if folder.is_dir()]  # watching a missing folder stops the server


def load(root: Path) -> Catalogue:
    """Read and check every entry under `root`. Never raises for anything an entry contains."""
    root = Path(root)
    catalogue = Catalogue(root, pages=frozenset(
        p.relative_to(root).as_posix() for p in (root / PAGES_DIRECTORY).rglob("*") if p.is_file()))
    documents: list[tuple[Kind, Document]] = []
    known: dict[str, set[str]] = {}
    """The entry files of each kind's folder, for checking links to them."""
    stalling: set[str] = set()
    """Documents whose body would stall the Markdown parsers: it is not parsed, so the check cannot stall."""
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
                    stalling.add(path)
            doc.problems.extend(placeholders.problems(kind, doc, read_body=path not in stalling))
            documents.append((kind, doc))
    catalogue.linkable = catalogue.pages.union(*known.values())
    for kind, doc in documents:
        if doc.body is None or doc.path in stalling:
            catalogue.problems.extend(doc.problems)
            continue
        outline = markdown.outline(doc.body, first_line=doc.body_line)
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
    problems = [Problem(path, html.line, "body", f"raw HTML ({_short(html.text)}) is not allowed; "
                        "use Markdown instead", "raw-html") for html in outline.html]
    for name in outline.names:
        theirs, ours = markdown.RESERVED_PREFIXES[name.kind]
        if name.text.lower().startswith((theirs, ours)):
            problems.append(Problem(path, name.line, "body", f"the {name.kind} {quote(name.text)} is taken by the "
                                    "site's theme or scripts, and would break them on this page; choose one that "
                                    f"does not start with {quote(theirs)} or {quote(ours)}", "reserved-name"))
    problems.extend(link_problems(path, outline.links, targets))
    problems.extend(_section_problems(path, kind.sections, outline.headings))
    problems.extend(sections.problems(path, kind, outline))
    return problems


def link_problems(path: str, links: tuple[markdown.Link, ...], targets: frozenset[str]) -> list[Problem]:
    """Links of the entry at `path` that use a scheme other than the web's and mail's, or point to a file not in
    `targets` (repository paths). Each link is one lookup: the check runs over every link of every entry."""
    problems, folder = [], posixpath.dirname(path)
    for link in links:
        parts = urlsplit(link.href)
        scheme = parts.scheme.lower()
        if (scheme and scheme not in LINK_SCHEMES) or (not scheme and parts.netloc):
            problems.append(Problem(path, link.line, "body", f"the link {quote(_short(link.href))} uses "
                                    f"{quote(scheme + ':') if scheme else 'no scheme'}; links must start with "
                                    "https://, http:// or mailto:, or be relative to this file", "link-scheme"))
            continue
        target = None if scheme else _resolve_in(folder, link.href)
        if target and target not in targets:
            near = difflib.get_close_matches(target, sorted(targets), n=1, cutoff=0.7)
            advice = f"did you mean {quote(posixpath.relpath(near[0], posixpath.dirname(path)))}?" if near \
                else "check the file name; links are relative to this file"
            problems.append(Problem(path, link.line, "body", f"the link {quote(link.href)} points to "
                                    f"{target}, which does not exist; {advice}", "broken-link"))
    return problems


def resolve(path: str, href: str) -> str | None:
    """The repository path a relative link points to; "" for a link within the page."""
    return _resolve_in(posixpath.dirname(path), href)


@functools.lru_cache(maxsize=65536)
def _resolve_in(folder: str, href: str) -> str | None:
    """`resolve` for a link in `folder`, remembered: entries of one folder link to the same few files."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    target = unquote(parts.path)
    if not target:
        return ""
    if target.startswith("/"):
        return target
    return posixpath.normpath(posixpath.join(folder, target))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."


def _section_problems(path: str, sections: tuple[Section, ...], headings: tuple[markdown.Heading, ...],
                      *, level: int = 2, end_line: int | None = None) -> list[Problem]:
    """The body's headings at `level` must be `sections`, all of them, in order."""
    if not sections:
        return []
    problems = []
    wanted = [s.title for s in sections]
    wanted_keys = [_key(t) for t in wanted]
    found = [h for h in headings if h.level == level]
    found_keys = [_key(h.text) for h in found]
    heading_marks = "#" * level
    for heading in headings:
        if heading.level < level:
            problems.append(Problem(path, heading.line, "body", f"the heading {quote(heading.text)} is level "
                                    f"{heading.level}; the page title comes from the title field, so start "
                                    f"sections with {heading_marks}", "unknown-section"))
    for heading in found:
        if _key(heading.text) not in wanted_keys:
            near = difflib.get_close_matches(heading.text, wanted, n=1, cutoff=0.6)
            advice = f"did you mean {quote(near[0])}?" if near else f"the sections are: {'; '.join(wanted)}"
            problems.append(Problem(path, heading.line, "body", f"{quote(heading.text)} is not one of the "
                                    f"sections; {advice}", "unknown-section"))
    for index, heading in enumerate(found):
        if found_keys[index] in wanted_keys and found_keys[index] in found_keys[:index]:
            problems.append(Problem(path, heading.line, "body", f"the section {quote(heading.text)} appears "
                                    "more than once; merge the two", "section-order"))
    if not any(key in wanted_keys for key in found_keys):
        return problems + [Problem(path, end_line or (headings[0].line if headings else 1), "body",
                                   "the required sections are missing; add these headings, in this order: "
                                   + "; ".join(f"{heading_marks} {title}" for title in wanted), "missing-section")]
    present = list(dict.fromkeys(key for key in found_keys if key in wanted_keys))
    for index, section in enumerate(sections):
        if wanted_keys[index] not in found_keys:
            following = next((h.line for h in found if _key(h.text) in wanted_keys[index + 1:]), end_line)
            problems.append(Problem(path, following or (found[-1].line if found else 1), "body",
                                    f"the section {quote(heading_marks + ' ' + section.title)} is missing; "
                                    f"add it{' before this line' if following else ''}: {section.guidance}",
                                    "missing-section"))
    expected_order = [key for key in wanted_keys if key in present]
    if present != expected_order:
        first_wrong = next(i for i, (a, b) in enumerate(zip(present, expected_order)) if a != b)
        heading = next(h for h in found if _key(h.text) == present[first_wrong])
        problems.append(Problem(path, heading.line, "body", f"the section {quote(heading.text)} is out of "
                                f"order; the order is: {'; '.join(wanted)}", "section-order"))
    for index, section in enumerate(sections):
        if not section.subsections or wanted_keys[index] not in found_keys:
            continue
        start = found[found_keys.index(wanted_keys[index])]
        after = [h.line for h in found if h.line > start.line]
        inside = tuple(h for h in headings if h.line > start.line and (not after or h.line < after[0])
                       and h.level > level)
        problems.extend(_section_problems(path, section.subsections, inside, level=level + 1,
                                          end_line=after[0] if after else None))
    return problems

