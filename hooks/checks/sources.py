"""Finding the repository's entry files, reading them without being led anywhere else, and checking their names.

A pull request can add more than text: a symbolic link to a file outside the repository or to
`/dev/zero`, a pipe that never ends, a folder named like an entry, or `X.MD`, which the build would
skip without a word. Only regular files inside the repository are read, never more than the size
limit plus one byte, and every file that looks like an entry but will not be read is a problem.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from hooks.model.schema import Kind
from hooks.model.slugs import SLUG, name_for
from hooks.read.frontmatter import MAX_BYTES, Document
from hooks.read.problems import Problem, quote

_SPELLINGS = {".md": (".md", ".markdown", ".mdown", ".mkd"), ".yml": (".yml", ".yaml")}
"""Other spellings of each kind's file ending, in any case: the file was meant as an entry."""


def files(root: Path, kind: Kind) -> list[Path]:
    """The entry files of `kind`: regular files with the kind's ending; names starting with `_` are templates."""
    return [file for file in _listing(root, kind) if _is_entry(file, kind)]


def strays(root: Path, kind: Kind) -> list[Problem]:
    """A problem for each file in the kind's folder that looks like an entry but will not be read."""
    problems = []
    folder = Path(root) / kind.directory
    if folder.is_symlink():
        return [Problem(kind.directory, 1, "file", f"the folder {quote(kind.directory)} is a link; entries must be "
                        "files in the repository itself", "not-an-entry")]
    for file in _listing(root, kind):
        if _is_entry(file, kind) or file.name.startswith("_"):
            continue
        path = f"{kind.directory}/{file.name}"
        if file.is_symlink():
            reason = "is a link; an entry must be a file of its own here, not a link to one. Replace it with the file"
        elif file.is_dir():
            reason = "is a folder; an entry must be a file. Move what it holds out, or rename it"
        elif file.suffix.lower() not in _SPELLINGS[kind.suffix]:
            continue
        elif not file.is_file():
            reason = "is not a regular file; an entry must be a text file"
        else:
            reason = (f"is not read: entry files end in {quote(kind.suffix)}, in lower case. Rename it to "
                      f"{quote(file.stem.lower() + kind.suffix)}")
        problems.append(Problem(path, 1, "file", f"{quote(file.name)} {reason}", "not-an-entry"))
    return problems


def read(path: str, file: Path, reader: Callable[[str, bytes], Document]) -> Document:
    """The document `reader` makes of the file at repository path `path`, or one that says why it cannot be read.

    The file is opened without following a link and without waiting on a pipe, and checked to be a
    regular file before anything is read; `reader` sees at most `MAX_BYTES` + 1 bytes.
    """
    try:
        handle = os.open(file, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return _unreadable(path, f"it cannot be opened ({error.strerror})")
    with os.fdopen(handle, "rb") as opened:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return _unreadable(path, "it is not a regular file")
        raw = opened.read(MAX_BYTES + 1)
    return reader(path, raw)


def _unreadable(path: str, reason: str) -> Document:
    return Document(path, problems=[Problem(path, 1, "file", f"the file cannot be read: {reason}; an entry must "
                                            "be a text file in the repository", "not-an-entry")])


def _listing(root: Path, kind: Kind) -> list[Path]:
    folder = Path(root) / kind.directory
    if folder.is_symlink() or not folder.is_dir():
        return []
    return sorted(folder.iterdir())


def _is_entry(file: Path, kind: Kind) -> bool:
    return file.suffix == kind.suffix and not file.name.startswith("_") and stat.S_ISREG(file.lstat().st_mode)


def slug_problem(path: str, file: Path, kind: Kind) -> list[Problem]:
    """A problem if the file's name cannot be its slug, with the name to rename it to."""
    if file.stem in kind.reserved_slugs:
        return [Problem(path, 1, "file", f"the file name {quote(file.stem)} is the address of a page the site makes "
                        f"itself, so this {kind.label.lower()} would replace it; rename the file, for example to "
                        f"{quote(file.stem + '-' + kind.name.replace('_', '-') + file.suffix)}", "reserved-slug")]
    if SLUG.fullmatch(file.stem):
        return []
    suggestion = (name_for(file.stem).slug or "my-entry") + file.suffix
    return [Problem(path, 1, "file", f"the file name {quote(file.stem)} must be lower-case letters, digits and "
                    f"single hyphens, like {quote(suggestion)}; rename the file", "bad-slug")]
