"""The catalogue: every checked entry of every kind, and the problems found in them.

Some rules need every entry at once (a case study's approaches must exist, titles must differ), and
listings and related entries need them all too, so the entries of a repository are held together.
`hooks.checks.loader` fills a catalogue; the pages and the published files only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hooks.model.schema import Kind, data_kinds, kinds
from hooks.model.settings import Settings
from hooks.read import outline as markdown
from hooks.read.problems import Problem


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
    settings: Settings
    """The site's engine facts the entries were read with: the pages and published files are made to match."""
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    """Entries by kind name, then by slug, sorted by slug."""
    problems: list[Problem] = field(default_factory=list)
    pages: frozenset[str] = frozenset()
    """Hand-written pages (repository-relative paths), for checking links to them."""
    linkable: frozenset[str] = frozenset()
    """Every file an entry's body may link to: the hand-written pages and the entry files, valid or not."""
    _indexes: dict = field(default_factory=dict, repr=False)
    instruments: dict = field(default_factory=dict)
    """Readiness instruments by slug (`hooks.model.instruments.Instrument`), checked with the entries."""

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
