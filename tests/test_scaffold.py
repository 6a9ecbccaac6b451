"""Templates and `make new`: generated from the schema, and valid apart from the placeholders the check names."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, make_repo
from hypothesis import given
from hypothesis import strategies as st

from hooks.checks import loader
from hooks.checks.placeholders import hide_masked, is_placeholder
from hooks.checks.sources import slug_problem
from hooks.model import fields as schema_fields
from hooks.model.fields import of as fields_of
from hooks.model.fields import walk
from hooks.model.schema import kinds
from hooks.model.slugs import SLUG, SLUG_LENGTH, name_for, slugify
from hooks.read.frontmatter import read
from hooks.read.problems import Problem
from hooks.write import scaffold


def placeholder_fields(kind_name: str, *, filled: tuple[str, ...] = ()) -> set[str]:
    """Where a new file has a placeholder: every field that holds a value, a list at its first item,
    and a list of groups with as many groups as it needs."""
    def visit(fields, prefix):
        for field in fields:
            path = prefix + field.name
            if path in filled:
                continue
            if field.group and field.many:
                for index in range(max(field.min_items, 1)):
                    yield from visit(field.fields, f"{path}[{index}].")
            elif field.group:
                yield from visit(field.fields, f"{path}.")
            else:
                yield f"{path}[0]" if field.many else path
    return set(visit(fields_of(kind_name), ""))


def leaf_sections(kind_name: str) -> int:
    return sum(len(section.subsections) or 1 for section in kinds()[kind_name].sections)


@pytest.mark.parametrize("kind", kinds().values(), ids=kinds().keys())
def test_the_committed_template_is_what_the_generator_writes(kind):
    committed = scaffold.template_path(ROOT, kind)
    assert committed.read_text(encoding="utf-8") == scaffold.entry_text(kind), \
        f"{committed.relative_to(ROOT)} is out of date with the schema; run `make templates`"


@pytest.mark.parametrize("kind", kinds().values(), ids=kinds().keys())
def test_a_number_typed_over_a_templates_placeholder_is_read_as_a_number(kind):
    """Typing `2019` over a placeholder in quotes would leave `"2019"`, text, which the check refuses as not a
    whole number: the template gives whole-number fields a bare TODO, so a number typed there is a number."""
    numbers = [path for path, field in walk(fields_of(kind.name))
               if (field.item_type if field.many else field.type) == "integer"]
    text = scaffold.entry_text(kind).replace(": TODO\n", ": 7\n").replace(": [TODO]\n", ": [7]\n")
    data = read("x.md", text.encode()).data
    typed = [_value(data, path) for path in numbers]
    assert numbers and all(value in (7, [7]) or value is None for value in typed), dict(zip(numbers, typed))
    assert any(value is not None for value in typed)


def _value(data, path: str):
    """The value at a field path like `references[].year` (of a list's first item), or None if it is absent."""
    for part in path.split("."):
        name = part.removesuffix("[]")
        if not isinstance(data, dict) or name not in data:
            return None
        data = data[name][0] if part.endswith("[]") else data[name]
    return data


@pytest.mark.parametrize("kind", kinds().values(), ids=kinds().keys())
def test_a_template_is_valid_apart_from_the_placeholders_the_check_names(kind, tmp_path):
    root = make_repo(tmp_path / "repo")
    shutil.copy(scaffold.template_path(ROOT, kind), root / kind.directory / "from-the-template.md")
    problems = [p for p in loader.load(root).problems if p.path.endswith("from-the-template.md")]
    assert {p.rule for p in problems} == {"placeholder"}, [str(p) for p in problems if p.rule != "placeholder"]
    assert {p.field for p in problems if p.field != "body"} == placeholder_fields(kind.name)
    assert sum(p.field == "body" for p in problems) == leaf_sections(kind.name)


def test_templates_are_not_entries(tmp_path):
    root = make_repo(tmp_path / "repo")
    scaffold.write_templates(root)
    loaded = loader.load(root)
    assert loaded.problems == []
    assert sorted(loaded.entries["case_study"]) == ["huddles-on-ward-7"]


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`make` in `root`, as a contributor runs it, even from inside `make test` (which would make it a sub-make)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("GITHUB_ACTIONS", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=root, capture_output=True, text=True,
                          env=env, check=False)


@pytest.fixture
def make_repo_copy(tmp_path) -> Path:
    """The base fixture with the project's Makefile and its set-up virtual environment."""
    root = make_repo(tmp_path / "repo")
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy2(ROOT / name, root / name)  # keeps the times, so make sees .venv as up to date
    (root / ".venv").symlink_to(ROOT / ".venv")
    return root


def test_make_new_then_make_check_names_exactly_the_placeholders_left(make_repo_copy):
    root = make_repo_copy
    made = run(root, "new", "KIND=case-study", "TITLE=Peer support huddles in a hospice")
    assert made.returncode == 0, made.stderr
    written = root / "case_studies/peer-support-huddles-in-a-hospice.md"
    assert written.exists() and "case_studies/peer-support-huddles-in-a-hospice.md" in made.stdout
    data = read("x.md", written.read_bytes()).data
    assert data["title"] == "Peer support huddles in a hospice"
    assert data["published"] == date.today().isoformat(), "the hub's date is the day the file is made"

    checked = run(root, "check")
    assert checked.returncode != 0
    lines = checked.stdout.splitlines()
    assert lines and all(line.startswith("case_studies/peer-support-huddles-in-a-hospice.md:") for line in lines)
    assert all(line.endswith("[placeholder]") for line in lines)
    fields = [line.split(": ", 2)[1] for line in lines]
    assert {f for f in fields if f != "body"} == placeholder_fields("case_study", filled=("title", "published"))
    assert fields.count("body") == leaf_sections("case_study")
    assert f"{len(lines)} problems in 1 file" in checked.stderr


KEY_LINE = re.compile(r"^( *)(- )?([a-z_]+):(?: (.*))?$")
TYPED_SECTION = "Staff met every week to talk about the work (Maben et al. 2018)."
"""A section as a contributor writes it, citing the reference the schema gives as its example."""


def typed_over_placeholders(text: str, kind, entries: dict[str, list[str]]) -> str:
    """`text` with each placeholder line of the front matter replaced as a contributor types a value there (the
    field's example, written as YAML reads it; for a field naming entries, an entry of the repository) and each
    TODO paragraph of the body replaced by a sentence."""
    lines, top, in_body = [], None, False
    for number, line in enumerate(text.split("\n")):
        in_body = in_body or (number > 0 and line == "---")
        key = KEY_LINE.match(line)
        if in_body and line.startswith("TODO"):
            line = TYPED_SECTION
        elif not in_body and key and "TODO" in (key[4] or ""):
            indent, dash, name, _ = key.groups()
            outer = schema_fields.at(kind, (top,))[-1] if indent or dash else None
            path = (name,) if outer is None else (top, 0, name) if outer.many else (top, name)
            field = schema_fields.at(kind, path)[-1]
            value = entries[field.entries][:1] if field.entries else field.example
            line = f"{indent}{dash or ''}{name}: {json.dumps(value, ensure_ascii=False)}"
        elif not in_body and key and not key[1] and not key[2]:
            top = key[3]
        lines.append(line)
    return "\n".join(lines)


def test_make_new_then_typing_a_value_over_every_placeholder_passes_the_check(make_repo_copy):
    root = make_repo_copy
    assert run(root, "new", "KIND=case-study", "TITLE=Peer support huddles in a hospice").returncode == 0
    written = root / "case_studies/peer-support-huddles-in-a-hospice.md"
    slugs = {name: sorted(loader.load(root).entries[name]) for name in kinds()}
    written.write_text(typed_over_placeholders(written.read_text(encoding="utf-8"), kinds()["case_study"], slugs),
                       encoding="utf-8")
    checked = run(root, "check")
    assert checked.returncode == 0, checked.stdout


def test_make_new_never_overwrites_and_explains_a_bad_kind(make_repo_copy):
    root = make_repo_copy
    assert run(root, "new", "KIND=case-study", "TITLE=Huddles on Ward 8").returncode == 0
    again = run(root, "new", "KIND=case-study", "TITLE=Huddles on ward 8")
    assert again.returncode != 0 and "already exists" in again.stderr
    wrong = run(root, "new", "KIND=story", "TITLE=Anything")
    assert "use one of: approach, case-study" in wrong.stderr


def test_filling_a_placeholder_brings_back_the_checks_on_that_value(tmp_path):
    root = make_repo(tmp_path / "repo")
    path, _ = scaffold.new_entry(root, "case-study", "Peer support huddles in a hospice")
    path.write_text(path.read_text().replace('["TODO: The care settings where the work happened."]', "[maternty]"))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("settings:"))
    problems = [str(p) for p in loader.load(root).problems if "settings" in p.field]
    assert problems == [f"case_studies/{path.name}:{line}: settings[0]: 'maternty' is not a known setting; "
                        "did you mean 'maternity'? [bad-value]"]


def test_only_problems_inside_a_placeholder_are_hidden():
    def problem(field, rule):
        return Problem("a.md", 1, field, "x", rule)

    kept = hide_masked([problem("contact.email", "placeholder"), problem("contact.email", "bad-email"),
                        problem("contact", "missing-field"), problem("contact.emails", "unknown-field"),
                        problem("references[0]", "placeholder"), problem("references[0].year", "wrong-type"),
                        problem("references[10].year", "wrong-type")])
    assert [(p.field, p.rule) for p in kept] == [
        ("contact.email", "placeholder"), ("contact", "missing-field"), ("contact.emails", "unknown-field"),
        ("references[0]", "placeholder"), ("references[10].year", "wrong-type")]


@pytest.mark.parametrize("title,slug", [("Peer support huddles in a hospice", "peer-support-huddles-in-a-hospice"),
                                        ("Schwartz Rounds: Zürich’s “first” year!", "schwartz-rounds-zurichs-first-year"),
                                        ("x" * 50 + " " + "y" * 50, "x" * 50),
                                        ("x" * 100, "x" * SLUG_LENGTH)])
def test_slugify(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize("title,slug", [
    ("ab " + "x" * 100, "ab-" + "x" * (SLUG_LENGTH - 3)),
    ("ab " + "x" * (SLUG_LENGTH - 2), "ab-" + "x" * (SLUG_LENGTH - 3)),
    ("Rounds in Zürich " + "é" * 100, "rounds-in-zurich-" + "e" * (SLUG_LENGTH - 17)),
    ("a" * (SLUG_LENGTH // 2) + " " + "b" * 100, "a" * (SLUG_LENGTH // 2)),
    ("a" * (SLUG_LENGTH // 2 - 1) + " " + "b" * 100, ("a" * (SLUG_LENGTH // 2 - 1) + "-" + "b" * 100)[:SLUG_LENGTH]),
    ("word " * 30, "-".join(["word"] * 16)),
])
def test_slugify_cuts_a_long_word_rather_than_drop_it(title, slug):
    """Cut after the last whole word that fits, unless the words that fit fill less than half the limit."""
    assert slugify(title) == slug
    assert len(slug) <= SLUG_LENGTH


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_quoted_text_reads_back_exactly(text):
    doc = read("x.md", f"---\nvalue: {scaffold.quoted(text)}\n---\n".encode())
    assert doc.problems == [] and doc.data == {"value": text}


def test_placeholders_are_text_starting_with_todo():
    assert is_placeholder("TODO: write it") and is_placeholder("  TODO") and not is_placeholder("Todo list")
    assert not is_placeholder(["TODO"]) and not is_placeholder("TODOS")


LITERAL_TITLES = [
    "Cost $5 and $$ savings: $(HOME) ${PATH}",
    "$(shell touch pwned-by-make) `touch pwned-by-backtick` $$(touch pwned-by-shell) \"; touch pwned-by-quote; \"",
    "!important & *starred* # not a comment: \"quoted\" 'single' \\back\\slash %20 {x} [y] | >",
    "- looks like a list item",
    "&anchor-like start of a title",
    "*alias-like start of a title",
    "Gwella gofal: Ŵyl ŷ ffydd yn Ysbyty Gwynedd",
    "Συνεδρίες αναστοχασμού 2024",
    "同理心关怀小组的经验分享",
    "دعم الموظفين في الرعاية الرحيمة",
    "Huddles 🫶 on ward 7 𝒜",
    "👩‍⚕️🏥🫶💬🌱📋🧑‍🤝‍🧑",
]


def written(made: subprocess.CompletedProcess, root: Path) -> Path:
    assert made.returncode == 0, made.stderr
    return root / re.search(r"^Wrote (\S+)\.$", made.stdout, re.MULTILINE).group(1)


def test_make_new_takes_the_title_literally_in_any_script(make_repo_copy):
    root = make_repo_copy
    paths = {}
    for title in LITERAL_TITLES:
        made = run(root, "new", "KIND=case-study", f"TITLE={title}")
        paths[title] = written(made, root)
        assert SLUG.fullmatch(paths[title].stem), paths[title]
        assert read("x.md", paths[title].read_bytes()).data["title"] == title
    assert not list(root.rglob("pwned*")) and not list(Path.cwd().glob("pwned*"))
    assert paths[LITERAL_TITLES[0]].name == "cost-5-and-savings-home-path.md"
    assert paths["同理心关怀小组的经验分享"].name == "tong-li-xin-guan-huai-xiao-zu-de-jing-yan-fen-xiang.md"
    assert paths["Συνεδρίες αναστοχασμού 2024"].name == "synedries-anastochasmoy-2024.md"
    problems = [p for p in loader.load(root).problems if p.path != "case_studies/huddles-on-ward-7.md"]
    assert {p.rule for p in problems} == {"placeholder"}, [str(p) for p in problems if p.rule != "placeholder"]
    assert {p.path for p in problems} == {path.relative_to(root).as_posix() for path in paths.values()}


def test_make_new_takes_the_kind_literally(make_repo_copy):
    made = run(make_repo_copy, "new", "KIND=$(shell touch pwned-by-kind)", "TITLE=Anything at all")
    assert "unknown kind '$(shell touch pwned-by-kind)'" in made.stderr
    assert not (make_repo_copy / "pwned-by-kind").exists()


def test_make_new_says_when_it_spelt_the_title_in_latin_letters(make_repo_copy):
    made = run(make_repo_copy, "new", "KIND=approach", "TITLE=同理心关怀小组")
    assert "spells the title in Latin letters" in made.stdout
    assert "Latin letters" not in run(make_repo_copy, "new", "KIND=approach", "TITLE=Zürich rounds").stdout


def test_make_new_says_to_what_and_why_it_shortened_the_file_name(make_repo_copy):
    title = " ".join(["Compassionate"] * 12)
    made = run(make_repo_copy, "new", "KIND=case-study", f"TITLE={title}")
    path = written(made, make_repo_copy)
    assert len(path.stem) <= SLUG_LENGTH and path.stem == "-".join(["compassionate"] * 5)
    assert f"shortened to {path.name}" in made.stdout and f"{SLUG_LENGTH} characters" in made.stdout
    assert read("x.md", path.read_bytes()).data["title"] == title
    assert "shortened" not in run(make_repo_copy, "new", "KIND=case-study", "TITLE=A short title").stdout


def test_make_new_never_writes_through_a_symbolic_link(make_repo_copy, tmp_path):
    root = make_repo_copy
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "case_studies/dangling-link.md").symlink_to(outside / "created-through-the-link.md")
    (outside / "kept.md").write_text("kept\n")
    (root / "case_studies/link-to-a-file.md").symlink_to(outside / "kept.md")
    for title in ("Dangling link", "Link to a file"):
        made = run(root, "new", "KIND=case-study", f"TITLE={title}")
        assert made.returncode != 0 and "is a symbolic link; nothing is written through a link" in made.stderr
    assert sorted(path.name for path in outside.iterdir()) == ["kept.md"]
    assert (outside / "kept.md").read_text() == "kept\n"

    shutil.move(root / "approaches", outside / "approaches")
    (root / "approaches").symlink_to(outside / "approaches")
    made = run(root, "new", "KIND=approach", "TITLE=Through a linked folder")
    assert made.returncode != 0 and "approaches is not a folder of the repository" in made.stderr
    assert sorted(path.name for path in (outside / "approaches").iterdir()) == ["peer-huddles.md"]


@pytest.mark.parametrize("title,says", [
    ("Bad \x1b[31m title", "the title 'Bad \\x1b[31m title' holds a control character"),
    ("!!! ???", "the title '!!! ???' has no letters or digits"), ("   ", "give the entry a title")])
def test_make_new_refuses_a_title_it_cannot_name_and_says_why_on_one_line(make_repo_copy, title, says):
    made = run(make_repo_copy, "new", "KIND=case-study", f"TITLE={title}")
    message, make_says = made.stderr.splitlines()
    assert made.returncode != 0 and message.startswith(f"Nothing was written: {says}") and message.isprintable()
    assert make_says.startswith("make: ***")
    assert list((make_repo_copy / "case_studies").iterdir()) == [make_repo_copy / "case_studies/huddles-on-ward-7.md"]


@pytest.mark.parametrize("title,slug,transliterated", [
    ("Zürich’s rounds", "zurichs-rounds", False), ("Straße", "strasse", True), ("NHS 中文", "nhs-zhong-wen", True),
    ("Ελληνικά 2024", "ellinika-2024", True), ("🫶", "heart-hands", True), ("!!!", "", True)])
def test_a_title_in_any_script_gets_a_file_name(title, slug, transliterated):
    assert name_for(title) == (slug, transliterated, False)


def test_a_file_name_in_another_script_is_given_a_latin_name_to_rename_it_to():
    [problem] = slug_problem("case_studies/同理心.md", Path("case_studies/同理心.md"), kinds()["case_study"])
    assert "like 'tong-li-xin.md'; rename the file" in problem.message
