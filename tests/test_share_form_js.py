"""The scripts' unit tests under Node, as `node --test tests/js/` runs them, on the form description of today.

The share form's tests read a form description. From a fresh clone they read the one committed in
`tests/fixtures/share-form.json`; here they are given the one `contribute.form_spec` writes now for the
test repository, and a test keeps the committed one the same, so both runs test the same thing.
Run with `UPDATE_FIXTURES=1` to rewrite it after a change to the schema or the check's rules.
"""

from __future__ import annotations

import os
import subprocess

import tools
from conftest import ROOT, make_repo

from hooks.checks import loader
from hooks.pages import contribute

tools.require_node()

FIXTURE = ROOT / "tests/fixtures/share-form.json"


def description(tmp_path) -> str:
    """The form description of the test repository, as the build writes it."""
    spec = contribute.form_spec(loader.load(make_repo(tmp_path / "repo")))
    return contribute.form_json(spec)


def test_the_committed_form_description_is_todays(tmp_path):
    today = description(tmp_path)
    if os.environ.get("UPDATE_FIXTURES") == "1":
        FIXTURE.write_text(today, encoding="utf-8")
    assert FIXTURE.read_text(encoding="utf-8") == today, (
        f"{FIXTURE.relative_to(ROOT)} is out of date: rewrite it with "
        "UPDATE_FIXTURES=1 .venv/bin/python -m pytest tests/test_share_form_js.py")


def test_the_scripts_unit_tests_pass(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(description(tmp_path), encoding="utf-8")
    result = subprocess.run([tools.NODE, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "SHARE_SPEC": str(spec)}, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
