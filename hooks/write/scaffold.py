"""New entries and the templates, written from the schema: every field and section, ready to fill.

A contributor copies a template or runs `make new`; either way they start from a file the check
accepts apart from the placeholders it names. Both are generated here from the schema (titles,
descriptions, examples, vocabularies, sections and their guidance), so a field added to the schema
appears in them without anyone editing a template by hand.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
import textwrap
import unicodedata
from datetime import date
from pathlib import Path

from hooks.checks import characters
from hooks.checks.placeholders import PREFIX
from hooks.checks.sections import NOT_REPORTED
from hooks.model import fields as schema_fields
from hooks.model.fields import Field
from hooks.model.schema import Kind, Section, kinds
from hooks.model.slugs import SLUG_LENGTH, Name, name_for
from hooks.read.problems import quote

TEMPLATE_NAME = "_template.md"
"""Names starting with `_` are not entries (see `Kind.files`), so templates are never published."""
_WIDTH = 100
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def kind_named(name: str) -> Kind:
    """The kind for a name as people type it: `case-study`, `case_study` or `approach`."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in kinds():
        raise ValueError(f"unknown kind {quote(name)}; use one of: {', '.join(k.replace('_', '-') for k in kinds())}")
    return kinds()[key]


def quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`, whatever characters it holds.

    JSON's string syntax is a subset of YAML's double-quoted style; the characters YAML reads as
    line breaks or refuses outright are escaped as well.
    """
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return quoted(str(value))


def entry_text(kind: Kind, values: dict | None = None) -> str:
    """An entry file: front matter with every field, then every section; placeholders where no value is given."""
    values = values or {}
    lines = ["---", *_comment(f"A new {kind.label.lower()}. Replace each value that starts with TODO, and each "
                              "TODO paragraph below. Fields marked optional can be deleted instead. "
                              "The field reference in the hub's contributing guide explains every field.")]
    for field in schema_fields.of(kind.name):
        lines.extend(_field_lines(field, values.get(field.name), indent=""))
    lines.append("---")
    lines.extend(_section_lines(kind.sections, level=2))
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=f"{indent}# ", subsequent_indent=f"{indent}# ",
                         break_long_words=False, break_on_hyphens=False)


def _about(field: Field) -> str:
    """The comment above a field: its title, whether it is needed, and its choices or an example."""
    need = "required" if field.required else \
        f"required unless you give {' or '.join(field.alternatives)}" if field.alternatives else "optional"
    if field.vocabulary:
        values = ", ".join(str(value) for value in field.vocabulary.values)
        return f"{field.title} ({need}): {'one or more' if field.many else 'one'} of {values}."
    if field.group:
        return f"{field.title} ({need}{', with ' + field.needs if field.needs else ''})."
    return f"{field.title} ({need}). For example: {json.dumps(field.example, ensure_ascii=False)}"


def _defaults(kind: Kind) -> dict:
    """The values a new entry holds without asking: the hub's publication date is the day it is made."""
    return {field.name: date.today().isoformat() for field in schema_fields.of(kind.name) if field.default == "today"}


def _placeholder(field: Field) -> str:
    """The value a field starts with: its description after `TODO: `, or a bare `TODO` for a whole number, so that
    the number a contributor types in its place is read as a number, not as quoted text."""
    if (field.item_type if field.many else field.type) == "integer":
        return PREFIX.strip().rstrip(":")
    dated = field.format in ("date", "partial-date")  # the descriptions of the others say how they are written
    return quoted(PREFIX + field.description + (f" ({schema_fields.FORMAT_WORDS[field.format]})" if dated else ""))


def _field_lines(field: Field, value, *, indent: str, first: str | None = None) -> list[str]:
    """A field's comment and `name: value` lines; `first` replaces the indent of the key line (for `- `)."""
    lines = _comment(_about(field), indent)
    key = f"{first if first is not None else indent}{field.name}:"
    if value is not None:
        return lines + value_lines(key, value, indent)
    if field.group and field.many:
        lines.append(key)
        for _ in range(max(field.min_items, 1)):
            for index, child in enumerate(field.fields):
                lines.extend(_field_lines(child, None, indent=indent + "    ",
                                          first=indent + "  - " if index == 0 else None))
        return lines
    if field.group:
        lines.append(key)
        for child in field.fields:
            lines.extend(_field_lines(child, None, indent=indent + "  "))
        return lines
    if field.many:
        return lines + [f"{key} [{_placeholder(field)}]"]
    return lines + [f"{key} {_placeholder(field)}"]


def value_lines(key: str, value, indent: str) -> list[str]:
    """A given value: scalars and lists of scalars on one line, groups as blocks."""
    if isinstance(value, dict):
        return [key] + [line for name, item in value.items()
                        for line in value_lines(f"{indent}  {name}:", item, indent + "  ")]
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        lines = [key]
        for item in value:
            for index, (name, inner) in enumerate(item.items()):
                lines.extend(value_lines(f"{indent}{'  - ' if index == 0 else '    '}{name}:", inner, indent + "    "))
        return lines
    if isinstance(value, list):
        return [f"{key} [{', '.join(scalar(item) for item in value)}]"]
    return [f"{key} {scalar(value)}"]


NOT_REPORTED_ADVICE = f"If the source does not say, write only: {NOT_REPORTED}"
"""What every section's placeholder says about a section the source does not cover."""


def _section_lines(sections: tuple[Section, ...], *, level: int) -> list[str]:
    """Each section's heading, then its guidance: as a TODO to replace, or, above subsections, a comment."""
    lines = []
    for section in sections:
        lines += ["", f"{'#' * level} {section.title}", ""]
        if section.subsections:
            lines.append(f"<!-- {section.guidance} -->")
            lines += _section_lines(section.subsections, level=level + 1)
        else:
            lines.append(f"{PREFIX}{section.guidance} {NOT_REPORTED_ADVICE}")
    return lines


def template_path(root: Path, kind: Kind) -> Path:
    return Path(root) / kind.directory / TEMPLATE_NAME


def write_templates(root: Path) -> list[Path]:
    """Write each kind's template, so the committed copies follow the schema."""
    written = []
    for kind in kinds().values():
        path = template_path(root, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_text(kind), encoding="utf-8")
        written.append(path)
    return written


def new_entry(root: Path, kind_name: str, title: str) -> tuple[Path, Name]:
    """Write `<folder>/<slug>.md` for a new entry with its title filled in, and say how the name was made.

    The title is kept as typed apart from runs of spaces and line breaks, which become one space.
    Nothing is overwritten and no symbolic link is followed, dangling or not: a link at the entry's
    path or in place of its folder could send the write anywhere on the contributor's disk.
    """
    kind = kind_named(kind_name)
    title = " ".join(title.split())
    if not title:
        raise ValueError('give the entry a title, like TITLE="Peer support huddles in a hospice"')
    if characters.refused_in_a_field(title) or any(unicodedata.category(char) == "Cs" for char in title):
        raise ValueError(f"the title {quote(title)} holds a control character or bytes that are not UTF-8 text; "
                         "type it again without them")
    name = name_for(title)
    if not name.slug:
        raise ValueError(f"the title {quote(title)} has no letters or digits to make a file name from; give it words")
    _write_new(Path(root), kind.directory, f"{name.slug}.md", entry_text(kind, {**_defaults(kind), "title": title}))
    return Path(root) / kind.directory / f"{name.slug}.md", name


def _write_new(root: Path, folder: str, name: str, text: str) -> None:
    """Create `root/folder/name` and write `text` in it, refusing an existing file or any symbolic link.

    The folder is opened without following a link, and the file created in it with O_EXCL and
    O_NOFOLLOW, so checking and writing are one step: nothing can swap a link in between.
    """
    root_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, dir_fd=root_fd)
        try:
            folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=root_fd)
        except OSError:  # ELOOP for a link, ENOTDIR for a file
            raise ValueError(f"{folder} is not a folder of the repository (it is a file or a symbolic link); "
                             "nothing is written through a link") from None
    finally:
        os.close(root_fd)
    try:
        file_fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=folder_fd)
    except FileExistsError:
        if stat.S_ISLNK(os.stat(name, dir_fd=folder_fd, follow_symlinks=False).st_mode):
            raise ValueError(f"{folder}/{name} is a symbolic link; nothing is written through a link, so remove "
                             "it or choose another title") from None
        raise ValueError(f"{folder}/{name} already exists; choose another title or edit that file") from None
    finally:
        os.close(folder_fd)
    with open(file_fd, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def new_command(root: Path, kind_name: str, title: str) -> int:
    """`make new`: write the entry and say what to do next, or say plainly why not."""
    try:
        path, name = new_entry(root, kind_name, title)
    except ValueError as error:
        print(f"Nothing was written: {error}.", file=sys.stderr)
        return 2
    print(f"Wrote {path.relative_to(root).as_posix()}.")
    if name.transliterated:
        print("The file name spells the title in Latin letters, as an address may hold only a-z, digits and "
              "hyphens; rename the file if you prefer another name of those characters.")
    if name.shortened:
        print(f"The file name was shortened to {name.slug}.md, at a whole word, as addresses are kept to "
              f"{SLUG_LENGTH} characters; the title in the file is kept whole.")
    print("Replace each TODO in it (or delete the optional fields you leave out), then run `make check` to see "
          "what is left.")
    return 0


def templates_command(root: Path) -> int:
    for path in write_templates(root):
        print(f"Wrote {path.relative_to(root).as_posix()}")
    return 0
