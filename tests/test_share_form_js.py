"""The form's JavaScript, without a browser: its unit tests under Node, and YAML quoting that matches Python's."""

from __future__ import annotations

import json
import os
import re
import subprocess

import tools
from conftest import ROOT, make_repo

from hooks.checks import citations, loader, slow_markdown
from hooks.model.slugs import SLUG_LENGTH, slugify
from hooks.pages import contribute
from hooks.read import outline as body
from hooks.read.frontmatter import read
from hooks.write import scaffold

tools.require_node()
NODE = tools.NODE

SCRIPT = ROOT / "overrides/assets/javascripts/share-form.js"
AWKWARD = ["plain", "St Example's: \"Care\" & more", "#not a comment", "- not a list", "[x]", "{y}", "*star",
           "&amp", "!tag", "@at", "`tick`", "%percent", "no", "true", "null", "2024-01-01", "1e3", "0x10",
           "line\nbreak", "tab\there", "back\\slash", "é — “quotes” 😀", "\u2028\u2029\u0085\u007f\ufeff",
           "  spaces  ", "TODO: still", ""]


def test_the_unit_tests_pass(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(contribute.form_json(contribute.form_spec(loader.load(make_repo(tmp_path / "repo")))))
    result = subprocess.run([NODE, "--test", str(ROOT / "tests/js/share-form.test.js")], capture_output=True,
                            text=True, env={**os.environ, "SHARE_SPEC": str(spec)}, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_javascript_quotes_text_as_python_does_and_it_reads_back_exactly():
    code = (f"const c = require({json.dumps(str(SCRIPT))});"
            f"process.stdout.write(JSON.stringify({json.dumps(AWKWARD)}.map(c.quoted)));")
    quoted = json.loads(subprocess.run([NODE, "-e", code], capture_output=True, text=True, check=True).stdout)
    assert quoted == [scaffold.quoted(text) for text in AWKWARD]
    for text, yaml_text in zip(AWKWARD, quoted):
        doc = read("x.md", f"---\nvalue: {yaml_text}\n---\n".encode())
        assert doc.problems == [] and doc.data == {"value": text}


def javascript_slugs(titles: list[str]) -> list[str]:
    code = (f"const c = require({json.dumps(str(SCRIPT))});"
            f"process.stdout.write(JSON.stringify({json.dumps(titles)}.map((t) => c.slugify(t, {SLUG_LENGTH}))));")
    return json.loads(subprocess.run([NODE, "-e", code], capture_output=True, text=True, check=True).stdout)


def test_javascript_names_a_file_as_python_does():
    titles = [*AWKWARD, "Schwartz Rounds: Zürich’s “first” year!", "Gwella gofal: Ŵyl ŷ ffydd", "ﬁve ½ ①",
              "x" * 100, "x" * 80 + " y", "word " * 30, "Ελληνικά", "同理心关怀小组"]
    assert javascript_slugs(titles) == [slugify(title) for title in titles]


def test_a_long_title_makes_a_slug_of_at_most_the_documented_length_in_both_languages():
    """Around the limit, where a cut one character late gives a slug one character too long."""
    near = SLUG_LENGTH // 2
    titles = {"x" * 100: "x" * SLUG_LENGTH, "x" * (SLUG_LENGTH + 1): "x" * SLUG_LENGTH,
              "a" * (near - 1) + " " + "b" * near: "a" * (near - 1) + "-" + "b" * near,
              "a" * near + " " + "b" * near: "a" * near, "a" * SLUG_LENGTH + " b": "a" * SLUG_LENGTH,
              "é" * 100: "e" * SLUG_LENGTH, "ﬁ" * 50: "fi" * near, "Zürich " * 20: "-".join(["zurich"] * 11),
              "Ελληνικά " * 20: "", "同理心关怀小组" * 20: ""}
    python = [slugify(title) for title in titles]
    assert python == list(titles.values())
    assert javascript_slugs(list(titles)) == python


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


def test_javascript_finds_slow_markdown_as_python_does(tmp_path):
    """Each kind of slow construct, at its first line: the form and the check read the same body alike."""
    code = (f"const c = require({json.dumps(str(SCRIPT))});"
            "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
            "process.stdout.write(JSON.stringify(input.bodies.map((b) => c.slowMarkdown(input.limits, b))));")
    limits = contribute.form_spec(loader.load(make_repo(tmp_path / "repo")))["slowMarkdown"]
    result = subprocess.run([NODE, "-e", code], input=json.dumps({"limits": limits, "bodies": SLOW}),
                            capture_output=True, text=True, check=True)
    kinds = {message: kind for kind, message in slow_markdown.MESSAGES.items()}
    found = [sorted((kinds[re.sub(r" \(\d+ more lines? like it in this file\)$", "", p.message)], p.line)
                    for p in slow_markdown.problems("x.md", body, first_line=0)) for body in SLOW]
    assert [sorted((f["kind"], f["line"]) for f in each) for each in json.loads(result.stdout)] == found
    assert sum(map(bool, found)) > len(SLOW) / 2


CITED = [
    "(NHS England 2021)", "(The Point of Care Foundation 2016)", "(Maben et al 2018; Maben et al. 2018a)",
    "(Wallbank and Hatton 2011)", "(Wallbank & Hatton 2011)", "(NHS England n.d.)", "(see Wallbank 2013, p. 4)",
    "(e.g. Proctor 2008; cf. Deery 2005)", "(Point of\n  Care Foundation 2025)", "(March 2019)", "(Q1 2021)",
    "(from 2016 to 2019)", "(n = 290)", "(Since 2019)", "(Innovation Agency 2020)", "(Department of Health 2013)",
    "(Zürich Ärzte 2019)", "(O'Neil 2019)", "```\n(Nobody 2000)\n```\n(Somebody 2001)", "(A; B 2019; C n.d.)",
]
REFERENCES = [{"citation": "NHS England. A plan", "year": 2021}, {"citation": "NHS England. Undated"},
              {"citation": "The Point of Care Foundation. Guidance", "year": 2016},
              {"citation": "Point of Care Foundation. Closure", "year": 2025},
              {"citation": "Maben J, Taylor C, et al. Rounds", "year": 2018},
              {"citation": "Wallbank S, Hatton S. Burnout", "year": 2011}, {"citation": "Hatton S. Other", "year": 2011},
              {"citation": "Zürich Ärzte. Bericht", "year": 2019}, {"citation": "O'Neil A. A study", "year": 2019}]


def test_javascript_reads_and_matches_citations_as_python_does(tmp_path):
    """The form and the check find the same citations in a text, and match them to the same references."""
    code = (f"const c = require({json.dumps(str(SCRIPT))});"
            "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
            "const p = c.citationPatterns(input.patterns);"
            "process.stdout.write(JSON.stringify(input.texts.map((t) => c.citationsIn(p, t).map((found) => ["
            "found.authors, found.year, input.references.map((r) => c.citationMatches(p, found, r))]))));")
    data = {"patterns": citations.PATTERNS, "texts": CITED, "references": REFERENCES}
    result = subprocess.run([NODE, "-e", code], input=json.dumps(data), capture_output=True, text=True, check=True)
    expected = [[[found.authors, found.year, [found.matches(reference) for reference in REFERENCES]]
                 for found in citations.in_text(text, first_line=1, skip=_fences(text))] for text in CITED]
    assert json.loads(result.stdout) == expected
    assert sum(bool(found) for found in expected) > len(CITED) / 2
    assert any(any(match for _, _, matches in found for match in matches) for found in expected)


def _fences(text: str) -> tuple:
    """The code blocks of `text` as the check finds them."""
    return body.outline(text, first_line=1).code_blocks
