"""The form's JavaScript, without a browser: its unit tests under Node, and YAML quoting that matches Python's."""

from __future__ import annotations

import json
import os
import subprocess


import tools
from conftest import ROOT, make_repo
from hooks import catalogue, contribute, scaffold
from hooks.frontmatter import read
from hooks.slugs import SLUG_LENGTH, slugify

tools.require_node()
NODE = tools.NODE

SCRIPT = ROOT / "overrides/assets/javascripts/share-form.js"
AWKWARD = ["plain", "St Example's: \"Care\" & more", "#not a comment", "- not a list", "[x]", "{y}", "*star",
           "&amp", "!tag", "@at", "`tick`", "%percent", "no", "true", "null", "2024-01-01", "1e3", "0x10",
           "line\nbreak", "tab\there", "back\\slash", "é — “quotes” 😀", "\u2028\u2029\u0085\u007f\ufeff",
           "  spaces  ", "TODO: still", ""]


def test_the_unit_tests_pass(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(contribute.form_json(contribute.form_spec(catalogue.load(make_repo(tmp_path / "repo")),
                                                              repo_url="https://github.com/o/r")))
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


def test_javascript_names_a_file_as_python_does():
    titles = [*AWKWARD, "Schwartz Rounds: Zürich’s “first” year!", "Gwella gofal: Ŵyl ŷ ffydd", "ﬁve ½ ①",
              "x" * 100, "x" * 80 + " y", "word " * 30, "Ελληνικά", "同理心关怀小组"]
    code = (f"const c = require({json.dumps(str(SCRIPT))});"
            f"process.stdout.write(JSON.stringify({json.dumps(titles)}.map((t) => c.slugify(t, {SLUG_LENGTH}))));")
    named = json.loads(subprocess.run([NODE, "-e", code], capture_output=True, text=True, check=True).stdout)
    assert named == [slugify(title) for title in titles]
