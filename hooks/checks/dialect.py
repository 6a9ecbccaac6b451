"""Markdown that the site's renderer and the checks would read differently.

The checks read a body as CommonMark (markdown-it); the site renders it with Python-Markdown. The two
agree on what the checks look at, except for a line that starts with `#` and no space: Python-Markdown
shows `##Results` as a heading, CommonMark as text. The check would then report a section missing that
the page shows, or miss a heading the page has, so such a line is a problem with one plain fix.
"""

from __future__ import annotations

from hooks.read import outline as markdown
from hooks.read.problems import Problem, quote

RULE = "unspaced-heading"


def problems(path: str, outline: markdown.Outline) -> list[Problem]:
    """One problem per line of a paragraph that starts with `#` and no space."""
    found = []
    for line in outline.unspaced_headings:
        marks = "#" * line.level
        heading = f"{marks} {line.text}".rstrip()
        found.append(Problem(path, line.line, "body", f"the line {quote(marks + line.text)} starts with '#' and no "
                             "space: the site shows it as a heading, but the check reads it as text; for a heading "
                             f"write {quote(heading)}, with a space after the #, or put a backslash before the # "
                             "to keep it as text", RULE))
    return found
