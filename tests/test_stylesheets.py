"""The hub's style sheets parse as CSS means them: every rule closed where it should be; and a colour scheme
changes only colours.

A brace left open swallows every rule after it, which the browser then drops without a word, and the formatter
accepts; a rule found inside another's declarations is the sign of one.
"""

from __future__ import annotations

import pytest
import tinycss2
from conftest import ROOT

GROUPING = {"media", "supports", "layer", "container"}
"""At-rules that hold rules; the others (`@page`, `@font-face`) hold declarations, as a rule does."""
STYLESHEETS = sorted((ROOT / "overrides/assets/stylesheets").glob("*.css"))
SCHEME = "data-md-color-scheme"
"""The attribute the theme sets to the colour scheme a reader chose, which a rule for one scheme selects."""
COLOURS = {"color", "background-color", "border-color", "outline-color", "text-decoration-color", "caret-color",
           "accent-color", "fill", "stroke", "color-scheme"}
"""The properties that set a colour; a custom property does when its name says so (`--md-accent-fg-color`)."""


def problems(rules, where: str) -> list[str]:
    """What does not parse in `rules`, and each rule nested in another's declarations."""
    found = []
    for rule in rules:
        if rule.type == "error":
            found.append(f"{where}:{rule.source_line}: {rule.message}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            found += problems(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), where)
        elif rule.content is not None:
            for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                if item.type != "declaration":
                    found.append(f"{where}:{item.source_line}: a {item.type} inside the rule of line {rule.source_line}")
    return found


def beyond_colours(rules, where: str) -> list[str]:
    """Each property, other than a colour, that a rule for one colour scheme sets in `rules`."""
    found = []
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            found += beyond_colours(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                    where)
        elif rule.type == "qualified-rule" and SCHEME in tinycss2.serialize(rule.prelude):
            found += [f"{where}:{item.source_line}: {item.lower_name}"
                      for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                      if item.type == "declaration" and item.lower_name not in COLOURS
                      and not (item.lower_name.startswith("--") and "color" in item.lower_name)]
    return found


@pytest.mark.parametrize("sheet", STYLESHEETS, ids=[sheet.name for sheet in STYLESHEETS])
def test_every_rule_is_closed_and_holds_only_declarations(sheet):
    rules = tinycss2.parse_stylesheet(sheet.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    assert problems(rules, sheet.name) == []


def test_a_brace_left_open_is_found():
    rules = tinycss2.parse_stylesheet(".a {\n  margin: 0;\n\n.b {\n  display: none;\n}\n", skip_comments=True,
                                      skip_whitespace=True)
    assert problems(rules, "x.css") == ["x.css:4: a qualified-rule inside the rule of line 1"]


def test_a_colour_scheme_changes_only_colours():
    """So a page checked by axe in one scheme is checked in the other against the rules about colour alone
    (`tools.violations_in_each_scheme`): nothing else a rule could find has changed."""
    found = [problem for sheet in STYLESHEETS for problem in beyond_colours(
        tinycss2.parse_stylesheet(sheet.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True),
        sheet.name)]
    assert found == []


def test_a_scheme_that_changes_more_than_colours_is_found():
    rules = tinycss2.parse_stylesheet('@media print {\n  [data-md-color-scheme="slate"] .a {\n    color: red;\n'
                                      '    --md-accent-fg-color: #fff;\n    display: none;\n  }\n}\n'
                                      '.b { display: none; }\n', skip_comments=True, skip_whitespace=True)
    assert beyond_colours(rules, "x.css") == ["x.css:5: display"]
