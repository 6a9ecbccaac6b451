"""What `make check` prints: every problem on one line, and on CI no workflow command but its own annotations.

A contributor controls file names and every value the messages quote; none of it may end a line, forge a
`::error`, move an annotation to another file or line, or send a terminal escape.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys

from conftest import make_repo, write_entry
from hypothesis import given
from hypothesis import strategies as st

from hooks.checks import loader
from hooks.read.problems import Problem, one_line, quote

FORGED = "\n::error file=x::pwned"
HOSTILE_VALUES = [FORGED, "\r::warning::pwned", ",line=1", "a::b", "%0A::error::pwned", "\x1b[31mred\x1b[0m",
                  "\x85::error::pwned", "\u2028::error::pwned", "\u2029x", "##[error]pwned", "back\\slash'\"",
                  "\x9b2J", "\x0b\x0c\x1c"]
HOSTILE_NAMES = ["x\n::error file=evil.md,line=1::pwned", "a,line=99::b", "%0A%2C", "esc\x1bc", "sep\u2028x"]
# GitHub's runner reads `::name properties::message` after leading spaces, with `,`-separated properties.
COMMAND = re.compile(r"::(?P<name>[^ :]+)(?: (?P<properties>.*?))?::(?P<data>.*)")


def hostile_repository(root):
    make_repo(root)
    study = (root / "case_studies/huddles-on-ward-7.md").read_text(encoding="utf-8")
    for number, value in enumerate(HOSTILE_VALUES):
        text = (study.replace("settings: [acute-hospital]", f"settings: [{json.dumps(value)}]")
                .replace("Huddles on a busy surgical ward", f"Hostile value {number}")
                .replace("## What to change", f"## What to change {value}"))
        text = text.replace("---\n", f"---\n{json.dumps(value)}: 1\n", 1)  # the value as a field name too
        write_entry(root, f"case_studies/hostile-{number}.md", text)
    for name in HOSTILE_NAMES:
        write_entry(root, f"case_studies/{name}.md", study.replace("title: Huddles on a busy surgical ward",
                                                                   f"title: {json.dumps('A file named ' + name)}"))
    return root


def run_check(root, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hooks", "check", "--root", str(root)], capture_output=True,
                          text=True, env={**os.environ, "GITHUB_ACTIONS": "", **env}, check=False)


def parse_command(line: str) -> tuple[str, dict[str, str]] | None:
    """The command and properties the runner reads from a line, as its `TryParseV2` does; None if it reads none."""
    found = COMMAND.fullmatch(line.lstrip())
    if not found:
        return None
    properties = {}
    for pair in (found["properties"] or "").split(","):
        name, _, value = pair.partition("=")
        for token, escaped in (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")):
            value = value.replace(escaped, token)
        properties[name] = value
    return found["name"], properties


def test_hostile_names_and_values_print_one_line_per_problem_and_no_forged_command(tmp_path):
    root = hostile_repository(tmp_path / "repo")
    problems = loader.load(root).problems
    assert {f"case_studies/{name}.md" for name in HOSTILE_NAMES} <= {problem.path for problem in problems}
    assert {"bad-value", "unknown-field", "unknown-section", "bad-slug"} <= {problem.rule for problem in problems}

    result = run_check(root, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    lines = result.stdout.splitlines()  # splits at every line break Python knows, \x85 and U+2028 included
    assert len(lines) == 2 * len(problems), "a problem took more than one line"
    assert lines == [str(problem) for problem in problems] + [problem.annotation() for problem in problems]
    for line in lines:
        assert line.isprintable() and "##[" not in line, line
    commands = [parse_command(line) for line in lines if parse_command(line)]
    assert [name for name, _ in commands] == ["error"] * len(problems)
    for (_, properties), problem in zip(commands, problems):
        assert properties.keys() == {"file", "line"} and properties["line"] == str(problem.line)
    files = {properties["file"] for _, properties in commands}
    assert "case_studies/a,line=99::b.md" in files and "case_studies/%0A%2C.md" in files


def test_without_ci_the_same_problems_print_without_annotations(tmp_path):
    root = hostile_repository(tmp_path / "repo")
    result = run_check(root)
    assert result.stdout.splitlines() == [str(problem) for problem in loader.load(root).problems]
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


@given(st.text())
def test_a_quoted_value_is_one_printable_line_that_reads_back_exactly(text):
    shown = quote(text)
    assert shown.isprintable() and "##[" not in shown
    if not ("'" in text and '"' in text):
        assert ast.literal_eval(shown) == text


@given(st.text(), st.text(), st.text())
def test_a_problem_prints_as_one_printable_line_in_either_form(path, field, message):
    problem = Problem(path, 3, field, message, "bad-value")
    for line in (str(problem), problem.annotation()):
        assert line.isprintable() and "##[" not in line
    name, properties = parse_command(problem.annotation())
    assert name == "error" and properties == {"file": one_line(path), "line": "3"}


def test_annotation_properties_and_message_are_escaped_as_github_documents():
    annotation = Problem("case_studies/a,b:c%d.md", 7, "title", "50% done: a, b", "bad-value").annotation()
    assert annotation == "::error file=case_studies/a%2Cb%3Ac%25d.md,line=7::title: 50%25 done: a, b [bad-value]"
