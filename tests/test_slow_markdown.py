"""A body the check accepts is converted in seconds, and one that would stall the engine is refused with its line.

The worst bodies still accepted are in `worst_bodies`; how long the build takes to convert each is measured by
`make bench` (`benchmarks/worst_cases.py`), as a ratio to an ordinary body of the same size.
"""

from __future__ import annotations

import pytest
from conftest import make_repo
from worst_bodies import DEPTH, ENTRY, LIMIT, WORST_ACCEPTED, entry_with

from hooks.checks import loader, slow_markdown
from hooks.read.frontmatter import MAX_BYTES


@pytest.mark.parametrize("name", sorted(WORST_ACCEPTED))
def test_each_worst_body_fills_the_size_cap_and_is_accepted(name, tmp_path):
    root = make_repo(tmp_path / "repo")
    text = entry_with(WORST_ACCEPTED[name])
    assert MAX_BYTES * 0.85 < len(text.encode()) <= MAX_BYTES
    (root / ENTRY).write_text(text, encoding="utf-8")
    assert [str(problem) for problem in loader.load(root).problems] == []


@pytest.mark.parametrize("size", [40_000, 990_000])
def test_a_body_of_brackets_is_refused_at_its_line_without_stalling_the_check(size, tmp_path):
    """40 KB of `[` took 107 s to build, and 1 MB took the check's own parser a minute."""
    root = make_repo(tmp_path / "repo")
    (root / ENTRY).write_text(entry_with("[" * size), encoding="utf-8")
    line = entry_with("BLOCK").splitlines().index("BLOCK") + 1
    problems = loader.load(root).problems
    assert [(p.line, p.rule) for p in problems if "never closed" in p.message] == [(line, "slow-markdown")]


def paragraphs(text: str, number: int) -> str:
    return "\n\n".join([text] * number)


OVER_THE_LIMIT = {
    "bracket": ("see the\nnote [here", "see the\nnote [here]"),
    "address": ("[a](https://a.example/(x", "[a](https://a.example/(x))"),
    "depth": ("[" * (DEPTH + 1) + "a" + "]" * (DEPTH + 1), "[" * DEPTH + "a" + "]" * DEPTH),
    "angle": ("a <b and c", "a <b and c>"),
    "braces": ("### h" + " {" * (slow_markdown.MAX_BRACES_PER_PARAGRAPH + 1),
               "### h" + " {" * slow_markdown.MAX_BRACES_PER_PARAGRAPH + " \\{"),
    "markup": ("*a* " * (LIMIT // 2 + 1), "*a* " * (LIMIT // 2)),
    "breaks": ("\n".join(["### h"] * (slow_markdown.MAX_BREAKS_PER_PARAGRAPH + 1)),
               "\n".join(["### h"] * slow_markdown.MAX_BREAKS_PER_PARAGRAPH)),
    "nesting": ("> " * (slow_markdown.MAX_NESTING + 1) + "a", "> " * slow_markdown.MAX_NESTING + "a"),
    "headings": (paragraphs("### h", slow_markdown.MAX_HEADINGS + 1),
                 paragraphs("### h", slow_markdown.MAX_HEADINGS)),
    "lines": (paragraphs("a", slow_markdown.MAX_LINES), paragraphs("a", slow_markdown.MAX_LINES - 1)),
    "markup-total": (paragraphs("||", slow_markdown.MAX_MARKUP // 2 + 1),
                     paragraphs("||", slow_markdown.MAX_MARKUP // 2)),
}
"""For each kind: a text just over its limit, and one at it. Each follows a one-line paragraph, which counts
towards the limits on the whole text."""
LINE = {"bracket": 1, **{kind: OVER_THE_LIMIT[kind][0].count("\n") for kind in ("headings", "lines", "markup-total")}}
"""The line of the text a problem is on, if not the first: the bracket's, or the paragraph that goes over."""


@pytest.mark.parametrize("kind", sorted(OVER_THE_LIMIT))
def test_each_limit_is_reported_once_at_its_line_just_over_it_and_not_at_it(kind):
    over, at = OVER_THE_LIMIT[kind]
    line = 12 + LINE.get(kind, 0)
    assert [(p.line, p.message) for p in slow_markdown.problems("x.md", "intro\n\n" + over, first_line=10)] \
        == [(line, slow_markdown.MESSAGES[kind])]
    assert slow_markdown.problems("x.md", "intro\n\n" + at, first_line=10) == []


def test_a_problem_on_many_lines_says_how_many_more():
    found = slow_markdown.problems("x.md", "a <b\n\nc <d\n\ne <f", first_line=1)
    assert [str(p) for p in found] == [f"x.md:1: body: {slow_markdown.MESSAGES['angle']} (2 more lines like it in "
                                       "this file) [slow-markdown]"]
