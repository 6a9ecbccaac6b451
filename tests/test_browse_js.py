"""The browser scripts' logic (filters, counts, address, sorting, print line) under Node's test runner."""

from __future__ import annotations

import subprocess

import tools
from conftest import ROOT

tools.require_node()


def test_browse_scripts_pass_their_node_tests():
    result = subprocess.run([tools.NODE, "--test", str(ROOT / "tests/js/browse.test.js")], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
