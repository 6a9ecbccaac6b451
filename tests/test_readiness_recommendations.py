"""The recommended approaches on the real site: a small hospice with no budget and strong peer support answers
the organisational assessment by clicking, and its results show the ranked three and what is not yet, axe clean."""

from __future__ import annotations

import json
import subprocess

import tools
from conftest import ROOT

tools.require_chromium()
tools.require_node()


PROFILE = "a small hospice with no budget and strong peer support"
EXPECTED = json.loads((ROOT / "tests/js/readiness-profiles.expected.json").read_text(encoding="utf-8"))[PROFILE]
"""What the node tests expect for this profile; here it must also be what a reader sees."""


def answers_of(instrument: str) -> dict:
    """The profile's answers, from the same module the node tests use."""
    script = ("import { readFileSync } from 'node:fs'; import { PROFILES, answersFor } from "
              "'./tests/js/readiness-profiles.js'; const data = JSON.parse(readFileSync(process.argv[1], 'utf8'));"
              f"console.log(JSON.stringify(answersFor(data, PROFILES[{json.dumps(PROFILE)}])));")
    result = subprocess.run([tools.NODE, "--input-type=module", "-e", script, instrument], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_a_hospice_sees_its_ranked_three_and_what_is_not_yet(page, real_site):
    data = real_site / "readiness/organisational/instrument.json"
    approaches = json.loads(data.read_text(encoding="utf-8"))["approaches"]
    titles = {slug: entry["title"] for slug, entry in approaches.items()}
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with tools.serve(real_site) as url:
        page.goto(url + "readiness/organisational/")
        page.locator("fieldset").first.wait_for()
        tools.answer(page, answers_of(str(data)))
        page.goto(url + "readiness/organisational/results/")
        ranked = page.locator(".hub-readiness-recommended > li")
        ranked.first.wait_for()
        assert [ranked.nth(index).locator("a").first.inner_text() for index in range(ranked.count())] == \
            [titles[entry["slug"]] for entry in EXPECTED["recommended"]]
        first = ranked.first.inner_text()
        assert all(reason in " ".join(first.split()) for reason in EXPECTED["recommended"][0]["reasons"])
        assert "From your answers:" in first
        not_yet = page.locator(".hub-readiness-not-yet > li")
        assert [not_yet.nth(index).locator("a").first.inner_text() for index in range(not_yet.count())] == \
            [titles[entry["slug"]] for entry in EXPECTED["notYet"]]
        assert EXPECTED["notYet"][0]["inTheWay"][0] in " ".join(not_yet.first.inner_text().split())
        assert tools.violations(page) == ""
    assert errors == []
