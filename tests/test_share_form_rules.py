"""Each rule the share form repeats from the check, run on the same cases in Python and in JavaScript.

The form is given the check's patterns and limits in its description (`contribute.form_spec`), but it
applies them with JavaScript's regular expressions, strings and dates, which differ from Python's at
the edges (what `\\s`, `\\b` and `\\d` match, how a date is read, how case is folded). Each test here
runs one rule on a table of cases, awkward ones among them, through both and asks for the same answers.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import tools
from conftest import ROOT, make_repo

from hooks.checks import characters, citations, loader, names, placeholders, slow_markdown
from hooks.checks.schema import FORMATS
from hooks.model import fields as schema_fields
from hooks.model.slugs import SLUG_LENGTH, slugify
from hooks.pages import contribute
from hooks.read import outline as body
from hooks.read.frontmatter import read
from hooks.write import scaffold

tools.require_node()

ASSETS = ROOT / "overrides/assets/javascripts"


def javascript(module: str, expression: str, data):
    """The value of `expression` under Node, as JSON, with `m` the module's exports and `data` the given data."""
    code = (f"import * as m from {json.dumps(Path(ASSETS / module).as_uri())};\n"
            "import { readFileSync } from 'node:fs';\n"
            "const data = JSON.parse(readFileSync(0, 'utf8'));\n"
            f"process.stdout.write(JSON.stringify({expression}));\n")
    result = subprocess.run([tools.NODE, "--input-type=module", "-e", code], input=json.dumps(data),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def spec(tmp_path_factory) -> dict:
    return contribute.form_spec(loader.load(make_repo(tmp_path_factory.mktemp("spec") / "repo")))


def rule(spec: dict, expression: str, values: list) -> list:
    """`expression` for each value `v`, with `rules` the rules the form compiles from the description."""
    return javascript("share-rules.js", f"((rules) => data.values.map((v) => {expression}))(m.rulesOf(data.spec))",
                      {"spec": spec, "values": values})


AWKWARD = ["plain", "St Example's: \"Care\" & more", "#not a comment", "- not a list", "[x]", "{y}", "*star",
           "&amp", "!tag", "@at", "`tick`", "%percent", "no", "true", "null", "2024-01-01", "1e3", "0x10",
           "line\nbreak", "tab\there", "back\\slash", "é — “quotes” 😀", "\u2028\u2029\u0085\u007f\ufeff",
           "  spaces  ", "TODO: still", ""]

FORMAT_CASES = {
    "email": ["a.person@example.nhs.uk", "o'neil@example.nhs.uk", "a person@example.nhs.uk", "<a@b.org>",
              "a@b", "a@b.c", "a@b.co", "a@-b.org", "ä@b.org", "a@b.org\n", "a@b.org ", "", "a@b.org\u2028"],
    "url": ["https://a.org", "http://a.org/x_(y)?q=1&r=2#f", "https://a.org/x>y", 'https://a.org/"x"',
            "https://a.org/x y", "www.a.org", "javascript:alert(1)", "https://a.org:8080/x", "https://a.org:123456",
            "https://a.org/\u00a0x", "https://a.org/\u200bx", "https://a.org/é", "https://a.org/x\n", "https://a"],
    "date": ["2024-02-29", "2023-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2024-5-1", "01/05/2024",
             "2024-01-01\n", " 2024-01-01", "٢٠٢٤-٠١-٠١", "2024-01-01T00:00", "2024-13-01", "2024-04-31", ""],
    "partial-date": ["2023", "2023-02", "2023-02-28", "2023-13", "2023-2", "23", "2023-02-30", "February 2023",
                     "٢٠٢٣", "2023\n", "0000", "2023-00", "2023-02-2", ""],
}


@pytest.mark.parametrize("name", FORMAT_CASES)
def test_javascript_reads_each_format_as_python_does(spec, name):
    values = FORMAT_CASES[name]
    python = [FORMATS.conforms(value, name) for value in values]
    assert rule(spec, f"rules.formats[{json.dumps(name)}](v)", values) == python
    assert True in python and False in python


def test_javascript_finds_a_placeholder_as_python_does(spec):
    values = ["TODO", "TODO: the title", "  TODO later", "\tTODO", "\u3000TODO", "\x1cTODO", "\ufeffTODO",
              "\u00a0TODO", "\u0085TODO", "TODOS", "TODO_x", "TODO1", "TODOé", "TODO-x", "todo: x", "Not TODO",
              "\nTODO", "xTODO", "", *AWKWARD]
    python = [placeholders.is_placeholder(value) for value in values]
    assert rule(spec, "m.isPlaceholder(rules, v)", values) == python
    assert True in python and False in python


CHARACTER_CASES = ["plain", "tab\there", "line\nbreak", "carriage\rreturn", "\x00", "\x08", "\x0b", "\x1f", "\x7f",
                   "\x85", "\x9f", "\xa0", "\u2028", "\u2029", "\ufdd0", "\ufdef", "\ufdf0", "\ufffe", "\uffff",
                   "\U0001fffe", "\U0010ffff", "😀", "\u200b", "\ufeff", "é — “quotes”"]


def test_javascript_refuses_the_characters_python_refuses_in_a_field_and_in_a_section(spec):
    in_field = [characters.refused_in_a_field(value) for value in CHARACTER_CASES]
    in_text = [bool(characters.body_problems(value, path="x.md", first_line=1)) for value in CHARACTER_CASES]
    assert rule(spec, "rules.field.test(v)", CHARACTER_CASES) == in_field
    assert rule(spec, "rules.text.test(v)", CHARACTER_CASES) == in_text
    assert in_field != in_text and True in in_text and False in in_text


def test_javascript_matches_each_pattern_of_the_schema_as_python_does(spec):
    """Patterns the whole value must match (a DOI, an approach's file name), with values at their edges."""
    patterns = sorted({field.pattern for kind in ("case_study", "approach")
                       for _path, field in schema_fields.walk(schema_fields.of(kind)) if field.pattern})
    values = ["10.1016/S0140-6736(13)60000-X", "10.1000/a>b", "10.1000/ab\n", "10.1000/a\u2028b", "10.12/x",
              "peer-huddles", "peer--huddles", "Peer-huddles", "peer-huddles\n", "-peer", "a", "٣", ""]
    assert patterns
    for pattern in patterns:
        python = [re.fullmatch(pattern, value) is not None for value in values]
        found = javascript("share-rules.js", "data.values.map((v) => m.whole(data.pattern).test(v))",
                           {"pattern": pattern, "values": values})
        assert found == python, pattern
        assert True in python, pattern


def test_javascript_compares_names_as_python_does():
    values = ["Staff huddles", "STAFF  huddles", " staff\thuddles ", "Staff\u200b huddles", "ﬁve", "Straße",
              "STRASSE", "HUDDLES ON A BUſY WARD", "İstanbul", "ǅ", "Ω", "½", "", *AWKWARD]
    assert javascript("share-rules.js", "data.map((v) => m.sameName(v))", values) == [names.same(v) for v in values]


def test_javascript_quotes_text_as_python_does_and_it_reads_back_exactly():
    quoted = javascript("share-yaml.js", "data.map((v) => m.quoted(v))", AWKWARD)
    assert quoted == [scaffold.quoted(text) for text in AWKWARD]
    for text, yaml_text in zip(AWKWARD, quoted):
        doc = read("x.md", f"---\nvalue: {yaml_text}\n---\n".encode())
        assert doc.problems == [] and doc.data == {"value": text}


def javascript_slugs(spec: dict, titles: list[str]) -> list[str]:
    return javascript("share-entry.js", "data.titles.map((t) => m.slugify(t, data.rule))",
                      {"titles": titles, "rule": spec["slug"]})


def test_javascript_names_a_file_as_python_does(spec):
    titles = [*AWKWARD, "Schwartz Rounds: Zürich’s “first” year!", "Gwella gofal: Ŵyl ŷ ffydd", "ﬁve ½ ①",
              "x" * 100, "x" * 80 + " y", "word " * 30, "Ελληνικά", "同理心关怀小组"]
    assert javascript_slugs(spec, titles) == [slugify(title) for title in titles]


def test_a_long_title_makes_a_slug_of_at_most_the_documented_length_in_both_languages(spec):
    """Around the limit, where a cut one character late gives a slug one character too long, and where the
    whole words that fit are too short to stand alone, so the long word after them is cut instead."""
    near = SLUG_LENGTH // 2
    titles = {"x" * 100: "x" * SLUG_LENGTH, "x" * (SLUG_LENGTH + 1): "x" * SLUG_LENGTH,
              "a" * (near - 1) + " " + "b" * near: "a" * (near - 1) + "-" + "b" * near,
              "a" * near + " " + "b" * near: "a" * near, "a" * SLUG_LENGTH + " b": "a" * SLUG_LENGTH,
              "é" * 100: "e" * SLUG_LENGTH, "ﬁ" * 50: "fi" * near, "Zürich " * 20: "-".join(["zurich"] * 11),
              "Ελληνικά " * 20: "", "同理心关怀小组" * 20: "",
              "ab " + "x" * 100: ("ab-" + "x" * 100)[:SLUG_LENGTH],
              "a" * (near - 2) + " " + "b" * 100: ("a" * (near - 2) + "-" + "b" * 100)[:SLUG_LENGTH]}
    python = [slugify(title) for title in titles]
    assert python == list(titles.values())
    assert javascript_slugs(spec, list(titles)) == python


SLOW = [
    "", "plain words\n\nmore words", "We met [weekly.", "We met \\[weekly.", "a \\\\[b", "[a](b(c)d", "[a](b(c)d)",
    "[[[[a]]]]", "[[[a]]]", "[a\n\n]", "<a\n>", "<a <b>", "a <b> <c", "< a", "<", "x <",
    "> " * 9 + "x", "> " * 8 + "x", "\t\t\t\t\t- x", "\t" * 4 + "  - x", "😀\t- x", "- " * 9 + "x", "-x " * 9,
    "  " * 9 + "x", "1. " * 9 + "x", "1) " * 9 + "x", "> ١. " * 9 + "x", "1234567890. " * 9 + "x",
    "Term\n" + ":\u2028x\n" * 11, "Term\n" + ":\u00a0x\n" * 11, "Term\n" + ":\ufeffx\n" * 11, "Term\n" + ": x\n" * 10,
    "# a\n" * 11, "a\n" + "===\n" * 11, "a\n" + "* * *\n" * 11, "a\n" + "_ _\n" * 11, "a\n" + "    ---\n" * 11,
    "x  \n" * 301, "x   \n" * 300, "`a` " * 150 + "&", "{a} " * 11, "\\{a} " * 11, "{a}\n\n" * 11,
    "#x\n\n" * 501, "#x\n\n" * 500, "-\n\n" * 501, "a\n" * 5001, "a\n" * 5000, "a\r\n" * 5001, "a\r" * 5001,
    "| " * 5001, "| " * 2500 + "\n\n" + "* " * 2501, "a\n\n\n[b\n \n[c\n\t\n[d", "[x](y\n\n(z", "[a]\\(b",
]


def test_javascript_finds_slow_markdown_as_python_does(spec):
    """Each kind of slow construct, at its first line: the form and the check read the same body alike."""
    found_in_javascript = javascript("slow-markdown.js", "data.bodies.map((b) => m.slowMarkdown(data.limits, b))",
                                     {"limits": spec["slowMarkdown"], "bodies": SLOW})
    kinds = {message: kind for kind, message in slow_markdown.MESSAGES.items()}
    found = [sorted((kinds[re.sub(r" \(\d+ more lines? like it in this file\)$", "", p.message)], p.line)
                    for p in slow_markdown.problems("x.md", text, first_line=0)) for text in SLOW]
    assert [sorted((f["kind"], f["line"]) for f in each) for each in found_in_javascript] == found
    assert sum(map(bool, found)) > len(SLOW) / 2


CITED = [
    "(NHS England 2021)", "(The Point of Care Foundation 2016)", "(Maben et al 2018; Maben et al. 2018a)",
    "(Wallbank and Hatton 2011)", "(Wallbank & Hatton 2011)", "(NHS England n.d.)", "(see Wallbank 2013, p. 4)",
    "(e.g. Proctor 2008; cf. Deery 2005)", "(Point of\n  Care Foundation 2025)", "(March 2019)", "(Q1 2021)",
    "(from 2016 to 2019)", "(n = 290)", "(Since 2019)", "(Innovation Agency 2020)", "(Department of Health 2013)",
    "(Zürich Ärzte 2019)", "(O'Neil 2019)", "```\n(Nobody 2000)\n```\n(Somebody 2001)", "(A; B 2019; C n.d.)",
    "(NHS\u3000England 2021)", "(NHS\ufeffEngland 2021)", "(NHS\x85England 2021)", "(NHS\u2028England 2021)",
]
REFERENCES = [{"citation": "NHS England. A plan", "year": 2021}, {"citation": "NHS England. Undated"},
              {"citation": "The Point of Care Foundation. Guidance", "year": 2016},
              {"citation": "Point of Care Foundation. Closure", "year": 2025},
              {"citation": "Maben J, Taylor C, et al. Rounds", "year": 2018},
              {"citation": "Wallbank S, Hatton S. Burnout", "year": 2011},
              {"citation": "Hatton S. Other", "year": 2011},
              {"citation": "Zürich Ärzte. Bericht", "year": 2019}, {"citation": "O'Neil A. A study", "year": 2019},
              {"citation": "NHS\u2003England. Spaced", "year": 2021}]


def test_javascript_reads_and_matches_citations_as_python_does():
    """The form and the check find the same citations in a text, and match them to the same references."""
    expression = ("((p) => data.texts.map((t) => m.citationsIn(p, t).map((found) => [found.authors, found.year, "
                  "data.references.map((r) => m.citationMatches(p, found, r))])))(m.citationPatterns(data.patterns))")
    data = {"patterns": citations.PATTERNS, "texts": CITED, "references": REFERENCES}
    expected = [[[found.authors, found.year, [found.matches(reference) for reference in REFERENCES]]
                 for found in citations.in_text(text, first_line=1, skip=_fences(text))] for text in CITED]
    assert javascript("citations.js", expression, data) == expected
    assert sum(bool(found) for found in expected) > len(CITED) / 2
    assert any(any(match for _, _, matches in found for match in matches) for found in expected)


def _fences(text: str) -> tuple:
    """The code blocks of `text` as the check finds them."""
    return body.outline(text, first_line=1).code_blocks
