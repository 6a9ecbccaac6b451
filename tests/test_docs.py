"""The documentation cannot fall behind the code: every folder, command and problem line it shows is real.

README's table of folders, the commands in its code blocks and in the guides, and the example
problem lines are each compared with what they describe: the tree, the Makefile, the command
line's parser, and the check itself.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, make_repo

from hooks.checks import loader
from hooks.read.problems import RULES

README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDES = {name: (ROOT / name).read_text(encoding="utf-8")
          for name in ("README.md", "CONTRIBUTING.md", "SECURITY.md", "content/contributing.md")}
PROBLEM_LINE = re.compile(r"^(?P<path>[\w/.-]+\.md):(?P<line>\d+): (?P<field>[^:]+): (?P<message>.+) "
                          r"\[(?P<rule>[a-z0-9-]+)\]$", re.MULTILINE)


def _section(text: str, heading: str) -> str:
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def _table_paths(text: str) -> list[str]:
    """The first column of each row of the folders table, without its backquotes."""
    return re.findall(r"^\| `([^`]+)` \|", _section(text, "Where things are"), re.MULTILINE)


def _tracked() -> list[str]:
    return subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()


def _make_targets() -> dict[str, str]:
    """Each target of the Makefile that says what it does (`target: ...  ## what it does`), with that text."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z]+):[^#\n]*## (.+)$", makefile, re.MULTILINE))


def test_every_path_in_the_folders_table_exists():
    missing = [path for path in _table_paths(README) if not (ROOT / path).exists()]
    assert _table_paths(README) and missing == []


def test_every_top_folder_and_every_layer_of_the_code_is_in_the_folders_table():
    """A folder added to the repository, or a layer added to the code, needs a row that says what it holds."""
    listed = {path.rstrip("/") for path in _table_paths(README)}
    tracked = _tracked()
    top = {path.split("/")[0] for path in tracked if "/" in path and not path.startswith(".")}
    layers = {"/".join(path.split("/")[:2]) for path in tracked
              if path.startswith("hooks/") and path.count("/") >= 2 and "/__" not in path}
    doors = {path for path in tracked if re.fullmatch(r"hooks/[a-z]+\.py", path)}
    assert sorted((top | layers | doors) - listed) == []


def test_every_documented_make_command_is_a_target_and_every_target_is_documented():
    targets = _make_targets()
    named = {name: set(re.findall(r"(?:^|`)make ([a-z]+)\b", text, re.MULTILINE))
             for name, text in GUIDES.items()}
    assert {name: sorted(found - set(targets)) for name, found in named.items()} == {name: [] for name in GUIDES}
    commands = _section(README, "Two commands") + README.split("Also:", 1)[1].split("\n## ", 1)[0]
    assert sorted(set(targets) - set(re.findall(r"^make ([a-z]+)", commands, re.MULTILINE))) == []


def test_every_documented_check_command_is_one_the_command_line_takes():
    parser_help = subprocess.run([sys.executable, "-m", "hooks", "--help"], cwd=ROOT,
                                 capture_output=True, text=True, check=False).stdout
    commands = set(re.search(r"\{([a-z,]+)\}", parser_help)[1].split(","))
    documented = {command for text in GUIDES.values()
                  for command in re.findall(r"python -m hooks ([a-z]+)", text)}
    assert documented and documented <= commands


def test_every_problem_line_in_the_guides_names_a_declared_rule():
    shown = [(name, match["rule"]) for name, text in GUIDES.items() for match in PROBLEM_LINE.finditer(text)]
    assert shown and [(name, rule) for name, rule in shown if rule not in RULES] == []


@pytest.mark.parametrize("name", [name for name, text in GUIDES.items() if PROBLEM_LINE.search(text)])
def test_each_example_problem_is_what_the_check_says_for_that_mistake(tmp_path, name):
    """Each example is made again: the base fixture's case study given the example's mistake, checked."""
    for example in PROBLEM_LINE.finditer(GUIDES[name]):
        field, index = re.fullmatch(r"([a-z_]+)\[(\d+)\]", example["field"]).groups()
        wrong = re.match(r"'([^']+)'", example["message"])[1]
        root = make_repo(tmp_path / f"{name.replace('/', '-')}-{example.start()}")
        entry = root / "case_studies/huddles-on-ward-7.md"
        text = entry.read_text(encoding="utf-8")
        listed = re.search(rf"^{field}: \[([^\]]*)\]$", text, re.MULTILINE)
        values = [value.strip() for value in listed[1].split(",")]
        values[int(index):int(index)] = [wrong]
        entry.write_text(text.replace(listed[0], f"{field}: [{', '.join(values)}]"), encoding="utf-8")
        said = [f"{p.field}: {p.message} [{p.rule}]" for p in loader.load(root).problems]
        assert said == [f"{example['field']}: {example['message']} [{example['rule']}]"]
