"""The facts of the site that belong to its engine's configuration, held in one small object.

Where the hand-written pages live, which branch contributions go to, whether a page is published as
a folder (`about/`) or a file (`about.html`), and the site's and repository's addresses are all set
in the engine's configuration file, and so is the hub team's contact address (`extra: contact:`).
The core needs them to check links, make addresses and write the
form's link, but must not know the engine: the adapter (or the command line) reads them once and
passes this object down, so no module repeats or guesses one of them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import yaml

from hooks.read.frontmatter import SafeLoader

CONFIG_FILE = "mkdocs.yml"
"""The engine's configuration, at the repository's root, read as plain YAML where the engine is not running."""
_ENGINE_DEFAULTS = {"docs_dir": "docs", "use_directory_urls": True}
"""What the engine assumes for a key its configuration leaves out."""
_EDIT_VERBS = ("edit", "blob", "tree", "src")
"""The word before the branch in a forge's edit address: `edit/<branch>/...` (GitHub, GitLab), `src/<branch>/...`."""


@dataclass(frozen=True)
class Settings:
    """The engine's facts the core needs, read once from its configuration."""

    pages_folder: str
    """Folder of the hand-written pages, relative to the repository root, like `content`."""
    branch: str | None = None
    """The branch contributions are proposed to; None if the configuration does not say."""
    directory_urls: bool = True
    """A page is published as a folder (`about/`), or else as a file (`about.html`)."""
    site_url: str = ""
    repo_url: str = ""
    site_name: str = ""
    contact: str = ""
    """The hub team's email address, or "" where the site has none: then readers are sent to the repository."""


def from_config(config: Mapping, root: Path) -> Settings:
    """The settings from the engine's configuration keys (`docs_dir`, `edit_uri`, `use_directory_urls`,
    `site_url`, `repo_url`, `site_name`, `extra.contact`), as the engine holds them or as its file writes them."""
    def value(key: str):
        found = config.get(key)
        return _ENGINE_DEFAULTS.get(key) if found is None else found

    pages = Path(os.path.relpath(Path(root) / value("docs_dir"), root)).as_posix()
    extra = value("extra") if isinstance(value("extra"), Mapping) else {}
    return Settings(pages_folder=pages, branch=branch_of(value("edit_uri") or ""),
                    directory_urls=bool(value("use_directory_urls")), site_url=value("site_url") or "",
                    repo_url=value("repo_url") or "", site_name=value("site_name") or "",
                    contact=str(extra.get("contact") or "").strip())


def branch_of(edit_uri: str) -> str | None:
    """The branch named in an edit address like `edit/trunk/pages/`, or None if it names none."""
    parts = [unquote(part) for part in edit_uri.strip("/").split("/") if part not in ("", "-")]
    for verb, branch in zip(parts, parts[1:]):
        if verb in _EDIT_VERBS:
            return branch
    return None


class _IgnoringTags(SafeLoader):
    """Reads a configuration whose tags (`!!python/name:...`, `!ENV`) only the engine can resolve, as plain YAML."""


_IgnoringTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read(root: Path) -> Settings:
    """The settings of the repository at `root`, from its engine configuration file; the engine's defaults
    where it has none."""
    file = Path(root) / CONFIG_FILE
    config = yaml.load(file.read_text(encoding="utf-8"), Loader=_IgnoringTags) if file.is_file() else None
    return from_config(config if isinstance(config, dict) else {}, root)
