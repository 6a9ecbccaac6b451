"""Relative links in entry bodies, checked across a corpus as big as a benchmark's, each at its line."""

from __future__ import annotations

from corpus import FIGURE, write_corpus

from hooks.checks import loader


def test_in_a_big_corpus_only_the_broken_link_is_reported_at_its_line(tmp_path):
    corpus = write_corpus(tmp_path, case_studies=300, words=40)
    valid = loader.load(tmp_path)
    found = [link for by_slug in valid.entries.values() for entry in by_slug.values() for link in entry.outline.links]
    links = [link.href for link in found]
    assert valid.problems == []
    assert any(link.image and link.href.endswith(FIGURE) for link in found)
    assert any(href.startswith("../approaches/") for href in links)
    assert any("#" in href for href in links) and any(href.startswith("synthetic-case-study-") for href in links)

    path = f"case_studies/{corpus.case_studies[-1]}.md"
    lines = (tmp_path / path).read_text(encoding="utf-8").split("\n")
    number, line = next((n, text) for n, text in enumerate(lines, 1) if "](synthetic-case-study-" in text)
    earlier = line.split("](", 1)[1].split(".md", 1)[0]
    lines[number - 1] = line.replace(f"]({earlier}.md", f"]({earlier}s.md")
    (tmp_path / path).write_text("\n".join(lines), encoding="utf-8")

    problems = loader.load(tmp_path).problems
    assert [(p.path, p.line, p.rule) for p in problems] == [(path, number, "broken-link")]
    assert f"did you mean '{earlier}.md'?" in problems[0].message


def test_a_broken_link_is_matched_only_with_the_files_of_the_folder_it_points_into(repo):
    """Matching every file of the repository costs a comparison per file for each broken link; the files of
    the folder the link names are what a slip of the keyboard makes, and are few."""
    path = repo / "case_studies/huddles-on-ward-7.md"
    text = path.read_text(encoding="utf-8")
    links = "(../content/peer-huddles.md), [about](../content/About.md), [x](../approaches/peer-hudles.md)"
    path.write_text(text.replace("(../approaches/peer-huddles.md#what-it-is)", links), encoding="utf-8")
    messages = [problem.message for problem in loader.load(repo).problems]
    assert messages == [
        "the link '../content/peer-huddles.md' points to content/peer-huddles.md, which does not exist; "
        "check the file name; links are relative to this file",
        "the link '../content/About.md' points to content/About.md, which does not exist; "
        "did you mean '../content/about.md'?",
        "the link '../approaches/peer-hudles.md' points to approaches/peer-hudles.md, which does not exist; "
        "did you mean '../approaches/peer-huddles.md'?",
    ]
