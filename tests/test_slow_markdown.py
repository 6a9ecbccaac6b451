"""A body the check accepts builds in seconds, and one that would stall the engine is refused with its line.

The worst bodies still accepted are each just under one limit of `hooks.checks.slow_markdown`, repeated to
the size cap, and are converted as the build converts them: the hub renders the entry's page, the
Markdown engine converts it with the extensions of `mkdocs.yml`, and the HTML is sanitised.
"""

from __future__ import annotations

import time
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import FIXTURES, ROOT, make_repo

from hooks.checks import loader, slow_markdown
from hooks.pages import site
from hooks.publish.sanitise import sanitise
from hooks.read.frontmatter import MAX_BYTES

ENTRY = "case_studies/huddles-on-ward-7.md"
BASE = (FIXTURES / "base" / ENTRY).read_text(encoding="utf-8")
NEXT_SECTION = "\n\n## What to change"
BUILD_SECONDS = 10
MARGIN = 50
"""Lines, formatting characters and headings left for the rest of the entry."""


def entry_with(block: str) -> str:
    """The valid base case study with `block` at the end of its first section, after the section's own text."""
    return BASE.replace(NEXT_SECTION, f"\n\n{block}{NEXT_SECTION}", 1)


def filled(unit: str, *, separator: str = "\n\n") -> str:
    """Paragraphs each holding `unit` and then words, as many as the limits on the whole text allow
    (less a margin for the rest of the entry), filling an entry up to the size cap."""
    room = MAX_BYTES - len(entry_with("").encode()) - 10
    lines = unit.count("\n") + 1
    markup = sum(map(unit.count, slow_markdown.MARKUP + "|")) + unit.count("  \n")
    headings = sum(line.startswith(("#", "---")) for line in unit.split("\n"))
    copies = min(room // len(unit + separator), (slow_markdown.MAX_LINES - MARGIN) // lines,
                 (slow_markdown.MAX_MARKUP - MARGIN) // (markup or 1),
                 (slow_markdown.MAX_HEADINGS - MARGIN) // (headings or 1))
    return separator.join([unit + words(room // copies - len(unit + separator) - 1)] * copies)


def words(size: int) -> str:
    return (" staff said they had no time" * (size // 28 + 1))[:size]


def one_paragraph(unit: str) -> str:
    """One paragraph of the whole size cap holding `unit` once, at its start, and words after it."""
    room = MAX_BYTES - len(entry_with("").encode()) - 10
    return unit + words(room - len(unit))


LIMIT = slow_markdown.MAX_MARKUP_PER_PARAGRAPH
DEPTH = slow_markdown.MAX_BRACKET_DEPTH
WORST_ACCEPTED = {
    "brackets nested to the limit around a whole paragraph":
        one_paragraph("[" * DEPTH)[:-DEPTH] + "]" * DEPTH,
    "a link whose address holds the whole paragraph":
        one_paragraph("[a](https://a.example/")[:-1].replace(" ", "-") + ")",
    "as many links as allowed in one paragraph": one_paragraph("[a](https://a.example/) " * (LIMIT - 1)),
    "as many code spans as allowed": filled("`a` " * (LIMIT // 2)),
    "as many emphasis markers as allowed": filled("***a* " * (LIMIT // 4)),
    "as many escapes as allowed": filled("\\[ " * (LIMIT // 2)),
    "as many entities as allowed": filled("&amp; " * LIMIT),
    "as many autolinks as allowed": filled("<https://a.example> " * (LIMIT // 2)),
    "as many line breaks as allowed": filled("a  \n" * (LIMIT - 1)),
    "as many '{' as allowed in long headings": filled("### h" + " {" * slow_markdown.MAX_BRACES_PER_PARAGRAPH),
    "as many '<' as allowed, closed on their line": filled("<a " * (LIMIT - 1) + "=>"),
    "comments never closed": filled("a <!-- a >"),
    "headings, rules and definitions up to the limit in each paragraph":
        filled("### h\n---\nterm\n: a" + "\n: a" * 7),
    "as many headings as allowed, all the same": filled("### Same"),
    "quotes nested to the limit": filled("> " * slow_markdown.MAX_NESTING, separator="\n"),
    "lists nested to the limit": filled("- " * slow_markdown.MAX_NESTING),
    "unbalanced parentheses and closing brackets": filled("( ] ) ( " * 50),
    "a table": "a | b\n--- | ---\n" + filled("c | d", separator="\n"),
    "paragraphs": filled("a"),
    "one line of words": one_paragraph(""),
}


def site_markdown() -> markdown.Markdown:
    """The Markdown engine as the site configures it in `mkdocs.yml`."""
    extensions, settings = [], {}
    for item in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        extensions.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def build_page(root: Path) -> str:
    """Check the repository, render the entry's page and convert it, as the build does."""
    loaded = loader.load(root)
    assert [str(problem) for problem in loaded.problems] == []
    page = next(page for page in site.pages(loaded) if page.source == ENTRY)
    return sanitise(site_markdown().convert(page.markdown))


@pytest.mark.parametrize("name", sorted(WORST_ACCEPTED))
def test_the_worst_accepted_body_builds_in_seconds(name, tmp_path):
    root = make_repo(tmp_path / "repo")
    text = entry_with(WORST_ACCEPTED[name])
    assert MAX_BYTES * 0.85 < len(text.encode()) <= MAX_BYTES
    (root / ENTRY).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    html = build_page(root)
    assert time.perf_counter() - started < BUILD_SECONDS
    assert "Staff said they had no time to talk" in html


@pytest.mark.parametrize("size", [40_000, 990_000])
def test_a_body_of_brackets_is_refused_at_its_line_without_stalling_the_check(size, tmp_path):
    """40 KB of `[` took 107 s to build, and 1 MB took the check's own parser a minute."""
    root = make_repo(tmp_path / "repo")
    (root / ENTRY).write_text(entry_with("[" * size), encoding="utf-8")
    line = entry_with("BLOCK").splitlines().index("BLOCK") + 1
    started = time.perf_counter()
    problems = loader.load(root).problems
    assert time.perf_counter() - started < 5
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
