"""The scripts are formatted by Prettier and pass ESLint, both at the versions package-lock.json pins.

`npm run format` rewrites what Prettier would change. The linter's rules are in eslint.config.js: among
them, lines of at most 120 characters, no variable the module does not declare or import, and modules of
plain functions that cannot reach the page.
"""

from __future__ import annotations

import json
import subprocess

import tools
from conftest import ROOT

tools.require_node_packages()

VENDOR = ROOT / "overrides/assets/javascripts/vendor"
"""The pinned libraries the site ships, as their packages publish them (tests/test_vendor.py): not ours to format."""
SCRIPTS = sorted(str(path.relative_to(ROOT)) for folder in ("overrides/assets/javascripts", "tests/js")
                 for path in (ROOT / folder).rglob("*.js") if VENDOR not in path.parents)


def run(tool: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([tools.NODE, str(tools.NODE_PACKAGES / ".bin" / tool), *arguments], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_every_script_is_formatted():
    result = run("prettier", "--list-different", ".")
    assert result.returncode == 0 and result.stdout == "", (
        f"not formatted (run `npm run format`):\n{result.stdout}{result.stderr}")
    for script in (SCRIPTS[0], SCRIPTS[-1]):
        assert json.loads(run("prettier", "--file-info", script).stdout)["ignored"] is False, script


def test_the_linter_reads_every_script_and_finds_nothing():
    result = run("eslint", "--format", "json")
    files = json.loads(result.stdout)
    assert {str(ROOT / script) for script in SCRIPTS} <= {file["filePath"] for file in files}
    problems = [f"{file['filePath']}:{message['line']}: {message['message']} ({message['ruleId']})"
                for file in files for message in file["messages"]]
    assert result.returncode == 0 and problems == [], "\n".join(problems) + result.stderr
