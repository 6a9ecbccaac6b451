"""The worst texts for the tests and the benchmark: case study bodies the check still accepts, and text for
rewriting links.

Each body is just under one limit of `hooks.checks.slow_markdown`, repeated to the size cap. The tests hold
that the check accepts each body and that links in the text are rewritten where they are and nowhere else;
`benchmarks/worst_cases.py` measures how long the build takes over each body, against an ordinary body of the
same size.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import tools

from hooks.checks import loader, slow_markdown
from hooks.pages import site
from hooks.publish.sanitise import sanitise
from hooks.read.frontmatter import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent

ENTRY = "case_studies/huddles-on-ward-7.md"
BASE = (ROOT / "tests" / "fixtures" / "base" / ENTRY).read_text(encoding="utf-8")
NEXT_SECTION = "\n\n## What to change"
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
    for item in tools.MKDOCS_YML["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        extensions.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def build_page(root: Path) -> str:
    """Check the repository, render the entry's page and convert it, as the build does."""
    loaded = loader.load(root)
    if loaded.problems:
        raise ValueError("\n".join(map(str, loaded.problems)))
    page = next(page for page in site.pages(loaded) if page.source == ENTRY)
    return sanitise(site_markdown().convert(page.markdown))


LINK = "../approaches/peer-huddles.md"
TARGETS = {LINK: "../../approaches/peer-huddles/"}
"""A relative link and the page address it is rewritten to."""
ADVERSARIAL_UNITS = ["[a\n", "]( ", "` ", "`` `", "[" + "a" * 990 + "\n", "[a]: <", f"[a]({LINK}) "]
"""Pieces of text that, repeated, trouble a hand-written link finder: brackets, code and definitions never
closed, and real links."""
