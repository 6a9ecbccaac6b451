"""Only regular files inside the repository are read as entries; anything else is a problem, never a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, make_repo

STUDY = "case_studies/huddles-on-ward-7.md"


def check(root) -> dict[str, list[str]]:
    """Problems by file, from a fresh process with a time limit, so a read that blocks fails the test."""
    code = ("import json, sys; from hooks.checks import loader; result = loader.load(sys.argv[1]); "
            "print(json.dumps({'problems': [[p.path, p.rule, p.message] for p in result.problems], "
            "'entries': sorted(e.path for k in result.entries.values() for e in k.values())}))")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, check=True)
    return json.loads(done.stdout)


def test_links_devices_pipes_and_folders_are_problems_and_are_not_read(tmp_path):
    root = make_repo(tmp_path / "repo")
    outside = tmp_path / "outside.md"
    outside.write_text((root / STUDY).read_text().replace("Huddles", "Borrowed huddles"))
    folder = root / "case_studies"
    (folder / "from-outside.md").symlink_to(outside)
    (folder / "dangling.md").symlink_to(tmp_path / "missing.md")
    (folder / "zeroes.md").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.md")
    (folder / "folder.md").mkdir()
    (folder / "Capitals.MD").write_text("---\ntitle: X\n---\n")
    (folder / "long.markdown").write_text("---\ntitle: X\n---\n")

    result = check(root)
    found = {(path, rule) for path, rule, _ in result["problems"]}
    assert found == {(f"case_studies/{name}", "not-an-entry") for name in (
        "from-outside.md", "dangling.md", "zeroes.md", "pipe.md", "folder.md", "Capitals.MD", "long.markdown")}
    assert result["entries"] == ["approaches/peer-huddles.md", STUDY]
    messages = {path: message for path, _, message in result["problems"]}
    assert "is a link" in messages["case_studies/from-outside.md"]
    assert "Rename it to 'capitals.md'" in messages["case_studies/Capitals.MD"]
    assert "not a regular file" in messages["case_studies/pipe.md"]


def test_a_linked_entry_folder_is_not_read(tmp_path):
    root = make_repo(tmp_path / "repo")
    (root / "case_studies").rename(tmp_path / "elsewhere")
    (root / "case_studies").symlink_to(tmp_path / "elsewhere")
    result = check(root)
    assert [(path, rule) for path, rule, _ in result["problems"]] == [("case_studies", "not-an-entry")]
    assert result["entries"] == ["approaches/peer-huddles.md"]
