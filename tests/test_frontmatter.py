"""The strict reader: what YAML would silently change is kept as written or reported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooks.read.frontmatter import MAX_BYTES, read


def rules_of(doc):
    return [problem.rule for problem in doc.problems]


def test_dates_and_yes_no_stay_as_written():
    doc = read("x.md", b"---\npublished: 2019-01-31\nanswer: no\nother: Yes\nflag: true\ncount: 3\n---\nbody\n")
    assert doc.problems == []
    assert doc.data == {"published": "2019-01-31", "answer": "no", "other": "Yes", "flag": True, "count": 3}


def test_lines_point_at_each_field_and_list_item():
    doc = read("x.md", b"---\ntitle: A\nsettings:\n  - maternity\n  - mental-health\ncontact:\n  email: x\n---\n")
    assert doc.line_of(("title",)) == 2
    assert doc.line_of(("settings", 1)) == 5
    assert doc.line_of(("contact", "email")) == 7
    assert doc.line_of(("contact", "missing")) == 6


def test_body_keeps_its_file_line():
    doc = read("x.md", b"---\na: 1\n---\n## First\n")
    assert doc.body == "## First\n"
    assert doc.body_line == 4


def test_bom_crlf_and_non_ascii_are_accepted():
    text = "---\r\ntitle: Soins compassionnés à Zürich — “quoted”\r\n---\r\n## Où\r\n"
    doc = read("x.md", b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert doc.problems == []
    assert doc.data["title"] == "Soins compassionnés à Zürich — “quoted”"
    assert doc.body == "## Où\n"


def test_old_mac_line_ends_are_accepted():
    doc = read("x.md", b"---\rtitle: A\r---\rbody\r")
    assert doc.problems == [] and doc.data == {"title": "A"}


def test_duplicate_key_is_reported_with_both_lines_and_the_first_value_kept():
    doc = read("x.md", b"---\ntitle: First\nsummary: s\ntitle: Second\n---\n")
    assert [str(p) for p in doc.problems] == [
        "x.md:4: title: this field is given twice (first on line 2); keep one [duplicate-key]"]
    assert doc.data["title"] == "First"


def test_tabs_are_reported_and_the_rest_still_read():
    doc = read("x.md", b"---\ntitle: A\nsettings:\n\t- maternity\n---\n")
    assert rules_of(doc) == ["tab"]
    assert doc.data == {"title": "A", "settings": ["maternity"]}


def test_size_limit():
    doc = read("x.md", b"---\na: 1\n---\n" + b"x" * MAX_BYTES)
    assert rules_of(doc) == ["too-large"] and doc.data is None


def test_python_tags_are_refused_without_running_anything():
    doc = read("x.md", b"---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n")
    assert rules_of(doc) == ["yaml-syntax"]
    assert "tag" in doc.problems[0].message


def test_merge_keys_and_complex_keys_do_not_crash():
    assert rules_of(read("x.md", b"---\n<<: {a: 1}\n---\n")) == ["yaml-syntax"]
    assert rules_of(read("x.md", b"---\n? [a, b]\n: 1\n---\n")) == ["yaml-syntax"]


def test_non_utf8_names_the_line_of_the_bad_byte():
    doc = read("x.md", b"---\ntitle: A\nsummary: caf\xe9\n---\n")
    assert [str(p) for p in doc.problems] == [
        "x.md:3: file: the file is not UTF-8 text; save it again choosing UTF-8 encoding [not-utf8]"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_data_or_problems_never_an_exception(raw):
    doc = read("x.md", b"---\n" + raw)
    assert doc.problems or isinstance(doc.data, dict)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#\t\n,?%@`0123456789")), max_size=200))
def test_any_yaml_like_text_gives_data_or_problems_never_an_exception(text):
    doc = read("x.md", f"---\n{text}\n---\nbody\n".encode())
    assert doc.problems or isinstance(doc.data, dict)


def test_nested_aliases_are_reported_and_never_expanded():
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]" for previous, name in zip("abcdefghi", "bcdefghij")]
    doc = read("x.md", ("---\n" + "\n".join(lines) + "\n---\nbody\n").encode())
    assert "yaml-anchor" in rules_of(doc)
    assert doc.data["j"] == [None] * 9  # 9**9 copies of "lol" had the aliases been followed


def test_an_alias_inside_its_own_anchor_is_reported():
    doc = read("x.md", b"---\na: &x [1, *x]\n---\n")
    assert doc.data == {"a": [1, None]}
    assert "yaml-anchor" in rules_of(doc)


@pytest.mark.parametrize("value, words", [
    ("!!int abc", "invalid literal"),
    ("1" * 4301, "4300 digits"),
    ("!!float x", "could not convert"),
    ("!!timestamp 2019-99-99", "month must be"),
    ("!!python/name:os.system", "could not determine a constructor"),
])
def test_values_yaml_cannot_make_are_problems_on_their_line(value, words):
    doc = read("x.md", f"---\ntitle: A\nvalue: {value}\n---\n".encode())
    trouble = [problem for problem in doc.problems if problem.field == "value"]
    assert [(problem.line, problem.rule) for problem in trouble] == [(3, "yaml-syntax")]
    assert words in trouble[0].message and "double quotes" in trouble[0].message
    assert doc.data["title"] == "A"


def test_deep_nesting_is_a_problem_not_a_crash():
    deep = "[" * 500 + "]" * 500
    doc = read("x.md", f"---\ntitle: A\nvalue: {deep}\n---\n".encode())
    assert rules_of(doc) == ["yaml-syntax"]
    assert doc.problems[0].line == 3
