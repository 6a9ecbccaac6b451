"""Recommendation rules of a readiness instrument: checked like entries, and ranked from five realistic answer
profiles by the browser's own scoring, run under node over the real instrument's data."""

from __future__ import annotations

import io
import json
import os
import subprocess
from pathlib import Path

import pytest
import tools
from conftest import FIXTURES, ROOT, make_repo

from hooks import cli
from hooks.checks import loader
from hooks.pages import readiness

RULES = """recommend:
  - approach: peer-huddles
    points:
      - when: [{item: funding, answers: [1, 2]}]
        weight: 2
        reason: Huddles have no fee; they cost fifteen minutes of staff time.
      - when: [{domain: time, bands: [ready]}]
        weight: -1
        reason: Huddles take fifteen minutes a week, which is short of protected time.
    blockers:
      - when: [{item: protected-time, answers: [1]}]
        reason: Even a huddle needs fifteen minutes a week away from the ward.
sources:
"""


@pytest.fixture
def rules_file(tmp_path) -> Path:
    repo = make_repo(tmp_path / "repo", FIXTURES / "readiness")
    file = repo / "readiness/organisational.yml"
    file.write_text(file.read_text(encoding="utf-8").replace("sources:\n", RULES, 1), encoding="utf-8")
    return file


def _check(file: Path, old: str, new: str) -> list[str]:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    out = io.StringIO()
    cli.check(file.parent.parent, out=out)
    return out.getvalue().splitlines()


def test_recommendation_rules_are_valid_and_reach_the_browser(rules_file):
    repo = rules_file.parent.parent
    catalogue = loader.load(repo)
    assert catalogue.problems == []
    data = readiness.browser_data(catalogue.instruments["organisational"], catalogue)
    assert [rule["approach"] for rule in data["recommend"]] == ["peer-huddles"]
    assert data["recommend"][0]["blockers"][0]["when"] == [{"item": "protected-time", "answers": [1]}]
    assert "peer-huddles" in data["approaches"]


@pytest.mark.parametrize("old,new,expected", [
    ("bands: [ready]}]\n        weight: -1", "bands: [redy]}]\n        weight: -1",
     "readiness/organisational.yml:54: recommend[0].points[1].when[0].bands[0]: 'redy' is not a band of this "
     "instrument; did you mean 'ready'? [unknown-id]"),
    ("{item: protected-time, answers: [1]}", "{item: protected-tme, answers: [1]}",
     "readiness/organisational.yml:58: recommend[0].blockers[0].when[0].item: 'protected-tme' is not a statement of "
     "this instrument; did you mean 'protected-time'? [unknown-id]"),
    ("{item: protected-time, answers: [1]}", "{item: protected-time, answers: [6]}",
     "readiness/organisational.yml:58: recommend[0].blockers[0].when[0].answers[0]: 6 is above the highest "
     "answer (5) [bad-value]"),
    ("  - approach: peer-huddles", "  - approach: peer-hudles",
     "readiness/organisational.yml:49: recommend[0].approach: 'peer-hudles' is not an approach in approaches/; "
     "did you mean 'peer-huddles'? [unknown-approach]"),
    ("weight: -1", "weight: 0",
     "readiness/organisational.yml:55: recommend[0].points[1].weight: a weight of 0 counts for nothing; give a "
     "weight from -3 to 3 other than 0 [bad-value]"),
    ("reason: Even a huddle needs fifteen minutes a week away from the ward.",
     "reason: Huddles have no fee;  they cost fifteen minutes of staff time.",
     "readiness/organisational.yml:59: recommend[0].blockers[0].reason: this reason is the same as the one on "
     "line 53; say why the answers count for this approach in its own words [repeated-value]"),
])
def test_a_mistake_in_a_recommendation_rule_is_reported_with_its_line(rules_file, old, new, expected):
    assert expected in _check(rules_file, old, new)


def test_five_profiles_are_ranked_as_expected_by_the_browsers_scoring(tmp_path):
    """tests/js/readiness-recommend.test.js over the real instrument, as the build writes it for the browser."""
    tools.require_node()
    real = loader.load(ROOT)
    data = tmp_path / "instrument.json"
    data.write_text(json.dumps(readiness.browser_data(real.instruments["organisational"], real)), encoding="utf-8")
    result = subprocess.run([tools.NODE, "--test", "tests/js/readiness-recommend.test.js"], cwd=ROOT,
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "READINESS_REAL_INSTRUMENT": str(data)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# skipped 0" in result.stdout
