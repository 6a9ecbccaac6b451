"""Readiness instruments: a checked instrument and where its pages and data file go.

An instrument (`readiness/<slug>.yml`) is data an improvement lead edits, not code. It is read and
checked with the entries (`hooks.checks.loader`, `hooks.checks.instruments`); what the pages see is
an `Instrument` made only from a file without problems.
"""

from __future__ import annotations

from dataclasses import dataclass

from hooks.model.schema import Kind, data_kinds


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
