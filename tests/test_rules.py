"""Each rule id has an invalid fixture, and the check prints exactly the expected lines for it.

A fixture folder under fixtures/rules/<rule-id>/ holds files laid over the valid base repository
and `expected.txt`, the exact output of the check. A new rule without a fixture fails here.
"""

from __future__ import annotations

import io

import pytest
from conftest import FIXTURES, make_repo

from hooks import cli
from hooks.checks import loader
from hooks.read.problems import RULES

RULE_FIXTURES = FIXTURES / "rules"


def test_the_base_fixture_is_valid(repo):
    assert loader.load(repo).problems == []


def test_every_fixture_is_for_a_declared_rule():
    assert {p.name for p in RULE_FIXTURES.iterdir()} <= set(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_fixture_gives_exactly_the_expected_lines(rule, tmp_path):
    fixture = RULE_FIXTURES / rule
    assert fixture.is_dir(), f"rule {rule!r} has no fixture in {fixture}"
    root = make_repo(tmp_path / "repo", fixture)
    out = io.StringIO()
    status = cli.check(root, out=out)
    expected = (fixture / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert out.getvalue().splitlines() == expected
    assert status == 1
    assert any(line.endswith(f"[{rule}]") for line in expected)
