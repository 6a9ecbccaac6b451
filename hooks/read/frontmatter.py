"""Strict reading of an entry file: bytes in; fields, body and the line of every field out.

Contributors often write YAML for the first time. Whatever YAML allows but a reader would not
expect is reported here instead of silently changing meaning: a second `title:` that wins over
the first, anchors that copy values from elsewhere, tabs, `2019-01-31` turned into a date
object, `no` turned into false. Dates and yes/no stay text; the schema decides what they mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from hooks.read.problems import Problem, field_path

MAX_BYTES = 1_000_000
MAX_DEPTH = 20
"""Lists and groups within each other: an entry needs three or four; far more would exhaust Python's stack."""
FENCE = "---"


SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader built on libyaml where PyYAML has it (its wheels do): it reads a file several times
faster, with the same result."""


class StrictLoader(SafeLoader):
    """YAML 1.2 core-schema scalars: only true/false are booleans, and no timestamps."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

# PyYAML's own wording for the mistakes people make most, and what to do about each.
_YAML_ADVICE = (
    ("mapping values are not allowed",
     "a value contains ': ', or a line is indented further than the field above it; put the value in "
     "double quotes, or line the field up with the others"),
    ("did not find expected '-' indicator",
     "a list item must start with '- ', lined up with the items above it"),
    ("found character that cannot start any token",
     "a value starts with a character YAML keeps for itself (such as @, ` or %); put the value in double quotes"),
    ("did not find expected ',' or '}'",
     "a group in { } is not closed or its items are not separated by commas"),
    ("could not find expected ':'",
     "a line is not in the form 'field: value'; check for a missing colon or a value that runs onto the next line"),
    ("did not find expected key",
     "the indentation is off; line this field up with the fields around it"),
    ("expected <block end>",
     "the indentation is off; line this field up with the fields around it"),
    ("found unexpected end of stream",
     "a quotation mark or bracket is opened but never closed"),
    ("found unknown escape character",
     "a backslash inside double quotes; use single quotes, or write \\\\ for a backslash"),
    ("did not find expected node content",
     "a value is missing or a list item is empty; remove the stray '-' or ',' or give the value"),
    ("did not find expected ',' or ']'",
     "a list in [ ] is not closed or its items are not separated by commas"),
)


@dataclass
class Document:
    """What one entry file holds, once read."""

    path: str
    data: dict | None = None
    """The front matter fields, or None when they could not be read at all."""
    lines: dict[tuple, int] = field(default_factory=dict)
    """1-based file line of each field path; `()` is the front matter's first line."""
    body: str | None = None
    """The Markdown after the front matter; None when the file could not be split into the two."""
    body_line: int = 1
    """File line of the body's first line, so Markdown problems point at the file's line."""
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, parts: tuple) -> int:
        """The line of the field, or of its nearest parent that has one."""
        parts = tuple(parts)
        while parts not in self.lines and parts:
            parts = parts[:-1]
        return self.lines.get(parts, 1)


def read(path: str, raw: bytes) -> Document:
    """Read an entry file's bytes. Never raises: whatever is wrong becomes a problem."""
    doc = Document(path)

    def problem(line: int, field_name: str, message: str, rule: str) -> None:
        doc.problems.append(Problem(path, line, field_name, message, rule))

    text = _text(doc, raw)
    if text is None:
        return doc
    lines = text.split("\n")

    if not lines or lines[0].rstrip() != FENCE:
        problem(1, "file", "the file must start with a line of three dashes (---), then the fields, "
                "then another --- line before the text", "no-front-matter")
        return doc
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE), None)
    if end is None:
        problem(1, "file", "the front matter has no closing line; add a line of three dashes (---) "
                "after the last field", "unclosed-front-matter")
        return doc

    doc.body = "\n".join(lines[end + 1:])
    doc.body_line = end + 2
    _parse(doc, "\n".join(lines[1:end]), first_line=2, where="front matter")
    return doc


def read_yaml(path: str, raw: bytes) -> Document:
    """Read a whole file of YAML fields (a readiness instrument) as strictly as front matter."""
    doc = Document(path, body="")
    text = _text(doc, raw)
    if text is None:
        return doc
    if not text.strip():
        doc.problems.append(Problem(path, 1, "file", "the file is empty; write the fields as 'name: value', "
                                    "one per line", "not-a-mapping"))
        return doc
    _parse(doc, text, first_line=1, where="file")
    return doc


def _text(doc: Document, raw: bytes) -> str | None:
    """The file's text with one kind of line ending, or None after reporting why it cannot be read."""
    if len(raw) > MAX_BYTES:
        doc.problems.append(Problem(doc.path, 1, "file", f"the file is over {MAX_BYTES:,} bytes, the most an entry "
                                    "may be. Move long material to a linked document", "too-large"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        doc.problems.append(Problem(doc.path, line, "file", "the file is not UTF-8 text; save it again choosing "
                                    "UTF-8 encoding", "not-utf8"))
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _parse(doc: Document, text: str, *, first_line: int, where: str) -> None:
    """Fill `doc.data` and `doc.lines` from YAML text that starts on file line `first_line`.

    Tabs are reported, then read as two spaces, so the rest of the fields are still checked.
    """
    for number, text_line in enumerate(text.split("\n"), start=first_line):
        if "\t" in text_line:
            doc.problems.append(Problem(doc.path, number, where, "a tab character; YAML needs spaces, so "
                                        "replace each tab with two spaces", "tab"))
    text = text.replace("\t", "  ")
    try:
        loader = StrictLoader(text)
        try:
            if any(mark in text for mark in "&*!"):  # no anchor, alias or tag can be written without one
                _report_hidden_yaml(doc, text, first_line)
            node = loader.get_single_node()
            doc.data = _to_data(doc, loader, node, (), first_line) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        doc.problems.append(Problem(doc.path, line, "front matter", _advice(error), "yaml-syntax"))
        doc.data = None
        return
    except yaml.YAMLError as error:
        doc.problems.append(Problem(doc.path, first_line, "front matter",
                                    f"the fields could not be read as YAML: {error}", "yaml-syntax"))
        doc.data = None
        return
    if doc.data is None:
        doc.problems.append(Problem(doc.path, first_line - 1, "front matter",
                                    "the front matter is empty; add the fields between the --- lines",
                                    "not-a-mapping"))
    elif not isinstance(doc.data, dict):
        doc.problems.append(Problem(doc.path, first_line, "front matter",
                                    "the front matter must be fields written as 'name: value', one per line",
                                    "not-a-mapping"))
        doc.data = None
    doc.lines.setdefault((), first_line)


def _report_hidden_yaml(doc: Document, text: str, first_line: int) -> None:
    """Report anchors (&name), aliases (*name) and tags (!!type): they change values invisibly."""
    for event in yaml.parse(text, Loader=StrictLoader):
        line = first_line + event.start_mark.line
        tag = getattr(event, "tag", None)
        if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
            doc.problems.append(Problem(doc.path, line, "front matter", f"'{tag}' is a YAML tag; remove it. "
                                        "If the value starts with !, put it in quotes", "yaml-syntax"))
        name = getattr(event, "anchor", None)
        if name is None:
            continue
        symbol = "*" if isinstance(event, yaml.AliasEvent) else "&"
        doc.problems.append(Problem(
            doc.path, line, "front matter",
            f"'{symbol}{name}' is a YAML {'alias' if symbol == '*' else 'anchor'}; write the value out in full. "
            "If the value starts with * or &, put it in quotes", "yaml-anchor"))


def _to_data(doc: Document, loader: StrictLoader, node: yaml.Node, parts: tuple, offset: int,
             seen: set[int] | None = None):
    """Build plain data from a node, recording lines and reporting duplicate keys.

    An alias is the node it names, met again. It is already reported; a list or group it names
    becomes None instead of a copy, since copying would let a few hundred bytes of nested aliases
    expand to gigabytes, and an alias inside its own anchor would never end.
    """
    seen = set() if seen is None else seen
    if id(node) in seen:
        return _scalar(doc, loader, node, parts, offset) if isinstance(node, yaml.ScalarNode) else None
    seen.add(id(node))
    doc.lines.setdefault(parts, offset + node.start_mark.line)
    if len(parts) > MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
        doc.problems.append(Problem(doc.path, offset + node.start_mark.line, field_path(parts),
                                    f"lists and groups are nested more than {MAX_DEPTH} deep; "
                                    "write the value out plainly", "yaml-syntax"))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            line = offset + key_node.start_mark.line
            reported = len(doc.problems)
            key = _scalar(doc, loader, key_node, parts, offset) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)):
                if len(doc.problems) == reported:
                    doc.problems.append(Problem(doc.path, line, "front matter",
                                                "a field name must be a plain word", "yaml-syntax"))
                continue
            if key in result:
                first = doc.lines[parts + (key,)]
                doc.problems.append(Problem(doc.path, line, field_path(parts + (key,)),
                                            f"this field is given twice (first on line {first}); keep one",
                                            "duplicate-key"))
                continue
            doc.lines[parts + (key,)] = line
            result[key] = _to_data(doc, loader, value_node, parts + (key,), offset, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(doc, loader, item, parts + (index,), offset, seen) for index, item in enumerate(node.value)]
    return _scalar(doc, loader, node, parts, offset)


def _scalar(doc: Document, loader: StrictLoader, node: yaml.ScalarNode, parts: tuple, offset: int):
    """The value of a scalar, or None after a problem if YAML cannot make one (`!!int abc`, 5,000 digits)."""
    try:
        return loader.construct_object(node)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError) as error:
        reason = error.problem if isinstance(error, yaml.MarkedYAMLError) else str(error).split(";")[0]
        doc.problems.append(Problem(doc.path, offset + node.start_mark.line, field_path(parts) or "front matter",
                                    f"this value cannot be read ({reason}); put it in double quotes",
                                    "yaml-syntax"))
        return None


def _advice(error: yaml.MarkedYAMLError) -> str:
    wording = " ".join(filter(None, (error.context, error.problem)))
    for pattern, advice in _YAML_ADVICE:
        if pattern in wording:
            return advice
    return f"the fields could not be read as YAML ({error.problem or error.context})"
