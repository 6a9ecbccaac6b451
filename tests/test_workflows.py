"""The GitHub Actions workflow: valid YAML with the jobs and steps a pull request and main need."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


@pytest.fixture(scope="module")
def workflow() -> dict:
    assert len(WORKFLOWS) == 1, WORKFLOWS
    return yaml.safe_load(WORKFLOWS[0].read_text(encoding="utf-8"))


def steps(job: dict) -> list[dict]:
    assert job["steps"], job
    return job["steps"]


def runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def test_it_runs_on_every_pull_request_and_on_main(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and "branches" not in (triggers["pull_request"] or {})
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}


def test_every_job_is_well_formed(workflow):
    for name, job in workflow["jobs"].items():
        assert job["runs-on"] == "ubuntu-latest", name
        for step in steps(job):
            assert ("uses" in step) != ("run" in step), f"{name}: {step}"
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]
        assert set(job.get("needs", [])) <= set(workflow["jobs"]), name


def test_the_check_job_runs_make_check_where_annotations_show(workflow):
    job = workflow["jobs"]["check"]
    assert "actions/checkout" in uses(job)
    assert re.search(r"^make check$", runs(job), re.MULTILINE)
    # GitHub sets GITHUB_ACTIONS=true, which makes the check print ::error annotations; nothing may unset it.
    assert "GITHUB_ACTIONS" not in str(job)


def test_the_test_job_runs_every_test_with_debian_chromium(workflow):
    job = workflow["jobs"]["test"]
    assert re.fullmatch(r"python:3\.1\d-bookworm", job["container"])
    assert "apt-get install" in runs(job) and re.search(r"\bchromium-headless-shell\b", runs(job))
    assert re.search(r"^make test$", runs(job), re.MULTILINE)
    assert job["env"]["CI"] == "true"  # a missing browser then fails instead of skipping


def test_the_build_job_builds_strictly_and_keeps_the_site(workflow):
    job = workflow["jobs"]["build"]
    assert re.search(r"^make build$", runs(job), re.MULTILINE)
    recipe = re.search(r"^build:.*\n\t(.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE).group(1)
    assert "--strict" in recipe and "--site-dir site" in recipe
    preview = next(step for step in steps(job) if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert preview["with"]["path"] == "site" and "pull_request" in preview["if"]
    pages = next(step for step in steps(job) if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages["with"]["path"] == "site"


def test_only_main_deploys_and_only_after_everything_passed(workflow):
    job = workflow["jobs"]["deploy"]
    assert set(job["needs"]) == {"check", "test", "build"}
    assert "push" in job["if"] and "refs/heads/main" in job["if"]
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    assert uses(job) == ["actions/deploy-pages"]
    assert "pages" not in str(workflow["permissions"])


def test_the_pull_request_template_has_the_consent_checklist():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, re.MULTILINE)
    assert 3 <= len(boxes) <= 7
    for words in ("patient", "permission|agreed", "work address|work email", "TODO"):
        assert any(re.search(words, box) for box in boxes), words
