"""The contributor pages generated from the schema: the field reference and the case study form.

Both are derived from `fields.of(kind)`, the vocabularies and the rule ids, never written by hand,
so they cannot fall behind the check. The form is built in the browser by
`overrides/assets/javascripts/share-form.js` from a JSON description the page links to; the
repository address and branch for its "Propose on GitHub" link come from the site's engine
configuration, as the catalogue's settings.
"""

from __future__ import annotations

import json

from hooks.checks import characters, citations, names, placeholders, sections, slow_markdown
from hooks.checks.links import LINK_SCHEMES
from hooks.model import fields as schema_fields
from hooks.model.catalogue import Catalogue
from hooks.model.fields import Field
from hooks.model.schema import DATE, PARTIAL_DATE, WHOLE_VALUE_FORMATS, Kind, Section, kinds
from hooks.model.slugs import SEPARATORS, SLUG_LENGTH
from hooks.pages.browse import NO_PAGE
from hooks.read import outline as body
from hooks.read.frontmatter import MAX_BYTES
from hooks.read.problems import RULES
from hooks.write.scaffold import value_lines

FIELD_REFERENCE_PAGE = "contributing/fields.md"
SHARE_PAGE = "contributing/share.md"
SHARE_SPEC = "contributing/share-form.json"
SHARE_KIND = "case_study"
MAX_URL_LENGTH = 8000
"""Longer links are cut off by some browsers and servers; beyond this the form asks the writer to paste."""
LONG_TEXT = 300
"""Text fields allowed to be longer than this get a multi-line box in the form."""

_TYPE_WORDS = {"string": "text", "integer": "whole number", "boolean": "true or false",
               "object": "group of fields"}


def describe_type(field: Field) -> str:
    """The kind of value a field takes, with its limits, in words a contributor reads."""
    if field.group:
        base = "list of groups of fields" if field.many else "group of fields"
    elif field.many:
        base = f"list of {_value_words(field, field.item_type)}s"
    else:
        base = _value_words(field, field.type)
    limits = []
    if field.min_items:
        limits.append(f"at least {field.min_items}")
    if field.min_length and field.max_length:
        limits.append(f"{field.min_length} to {field.max_length} characters")
    elif field.min_length:
        limits.append(f"at least {field.min_length} characters")
    elif field.max_length:
        limits.append(f"at most {field.max_length} characters")
    if field.minimum is not None and field.maximum is not None:
        limits.append(f"from {field.minimum} to {field.maximum}")
    elif field.minimum is not None:
        limits.append(f"{field.minimum} or more")
    if field.pattern_description:
        limits.append(field.pattern_description)
    if field.needs:
        limits.append(field.needs)
    return base[0].upper() + base[1:] + (f" ({'; '.join(limits)})" if limits else "")


def _value_words(field: Field, value_type: str | None) -> str:
    if field.vocabulary:
        return "value from the list below"
    if field.entries:
        return f"{kinds()[field.entries].label.lower()} file name"
    return schema_fields.FORMAT_WORDS.get(field.format or "", _TYPE_WORDS.get(value_type or "string", "text"))


def example_yaml(field: Field) -> str:
    """The field's example as the contributor would write it in the front matter."""
    return "\n".join(value_lines(f"{field.name}:", field.example, ""))


def anchor(kind: Kind, path: str) -> str:
    """A stable id for a field's heading on the reference page, like `case-study-references-url`."""
    return "-".join([kind.name.replace("_", "-"), *path.replace("[]", "").replace("_", "-").split(".")])


def heading(kind: Kind, path: str) -> str:
    """A field's title with the titles of the groups it is in, like `References: Web address`."""
    chain = schema_fields.at(kind, tuple(path.replace("[]", "").split(".")))
    return ": ".join(field.title for field in chain)


def reference_context() -> dict:
    return {"kinds": list(kinds().values()),
            "fields_of": lambda kind: list(schema_fields.walk(schema_fields.of(kind.name))),
            "describe_type": describe_type, "example_yaml": example_yaml, "anchor": anchor, "heading": heading,
            "rules": RULES, "placeholder": placeholders.PREFIX.strip(), "share_page": SHARE_PAGE,
            "character_rule": characters.RULE, "not_reported": sections.NOT_REPORTED}


def form_spec(catalogue: Catalogue, *, kind_name: str = SHARE_KIND) -> dict:
    """What the browser needs to build the form for one kind, to name and propose the file, and to
    check it as `make check` will: the characters, formats, placeholder, slug, size, links and names the check
    allows, each as the Python side holds it, so the form repeats no rule by hand.

    The form proposes the file on the repository's branch the settings name; without a repository or a
    branch it offers no such link, and the writer copies or downloads the file instead. Where the settings
    give the hub team's address, it also offers to email the file to them.
    """
    kind, settings = kinds()[kind_name], catalogue.settings
    propose = settings.repo_url and settings.branch
    return {
        "characters": {"text": characters.ANYWHERE, "field": characters.IN_A_FIELD},
        "formats": WHOLE_VALUE_FORMATS,
        "dates": {"day": DATE, "partial": PARTIAL_DATE},
        "placeholder": placeholders.PATTERN,
        "maxBytes": MAX_BYTES,
        "linkSchemes": LINK_SCHEMES,
        "reservedNames": body.RESERVED_PREFIXES,
        "linkTargets": sorted(catalogue.pages | {entry.path for name in kinds() for entry in catalogue.of(name)}),
        "taken": [{"file": entry.path, "title": entry.title} for entry in catalogue.of(kind_name)],
        "kind": kind.name,
        "label": kind.label,
        "directory": kind.directory,
        "newFileUrl": f"{settings.repo_url.rstrip('/')}/new/{settings.branch}/{kind.directory}" if propose else "",
        "maxUrlLength": MAX_URL_LENGTH,
        "contact": settings.contact,
        "slug": {"length": SLUG_LENGTH, "separators": SEPARATORS},
        "reservedSlugs": sorted(kind.reserved_slugs),
        "slowMarkdown": _slow_markdown_limits(),
        "storageKey": f"hub-share-form:v1:{kind.name}",
        "fields": [_field_spec(field, catalogue, kind) for field in schema_fields.of(kind.name)],
        "sections": [_section_spec(section) for section in kind.sections],
        "notReported": sections.NOT_REPORTED,
        "noPage": NO_PAGE,
        "citations": {"patterns": citations.PATTERNS, "undated": citations.UNDATED,
                      "references": citations.REFERENCES, "fields": citations.CITING_FIELDS},
    }


def _slow_markdown_limits() -> dict:
    """The limits of `hooks/checks/slow_markdown.py`, which the form applies to the body it writes."""
    return {"bracketDepth": slow_markdown.MAX_BRACKET_DEPTH,
            "markupPerParagraph": slow_markdown.MAX_MARKUP_PER_PARAGRAPH,
            "bracesPerParagraph": slow_markdown.MAX_BRACES_PER_PARAGRAPH,
            "breaksPerParagraph": slow_markdown.MAX_BREAKS_PER_PARAGRAPH, "headings": slow_markdown.MAX_HEADINGS,
            "lines": slow_markdown.MAX_LINES, "markup": slow_markdown.MAX_MARKUP, "nesting": slow_markdown.MAX_NESTING,
            "markupCharacters": slow_markdown.MARKUP}


def _field_spec(field: Field, catalogue: Catalogue, kind: Kind) -> dict:
    choices = None
    if field.vocabulary:
        choices = [{"value": value, "label": field.vocabulary.label(value)} for value in field.vocabulary.values]
    elif field.entries and catalogue.of(field.entries):
        choices = [{"value": entry.slug, "label": entry.title} for entry in catalogue.of(field.entries)]
    return {
        "name": field.name, "title": field.title, "description": field.description, "example": field.example,
        "required": field.required, "type": field.type, "itemType": field.item_type, "format": field.format,
        "pattern": field.pattern, "patternDescription": field.pattern_description,
        "minLength": field.min_length, "maxLength": field.max_length, "minimum": field.minimum,
        "maximum": field.maximum, "minItems": field.min_items, "choices": choices,
        "entries": kinds()[field.entries].directory if field.entries else None,
        "multiline": bool(field.max_length and field.max_length > LONG_TEXT),
        "fields": [_field_spec(child, catalogue, kind) for child in field.fields],
        "oneOf": list(field.one_of), "default": field.default, "alternatives": list(field.alternatives),
        "notIn": _names_with_entries(field, catalogue, kind) if field.not_in else None,
    }


def _names_with_entries(field: Field, catalogue: Catalogue, kind: Kind) -> dict:
    """For a field of names of what has no entry yet, every name an entry already answers to (its file name,
    title and aliases), with the field to choose it in instead."""
    listed = schema_fields.at(kind, (field.not_in,))[-1]
    return {"field": listed.name, "title": listed.title,
            "names": [{"name": name, "label": entry.title} for entry in catalogue.of(listed.entries)
                      for name in (entry.slug, *names.names(entry.data))]}


def _section_spec(section: Section) -> dict:
    return {"title": section.title, "guidance": section.guidance,
            "subsections": [_section_spec(child) for child in section.subsections]}


def form_json(spec: dict) -> str:
    return json.dumps(spec, ensure_ascii=False, indent=1) + "\n"
