"""Ways around the check that a review found: each is now a problem on its line."""

from __future__ import annotations

import pytest

from hooks.checks import loader
from hooks.publish.sanitise import sanitise

STUDY = "case_studies/huddles-on-ward-7.md"


def problems_after(repo, old: str, new: str, path: str = STUDY) -> list[tuple[int, str]]:
    file = repo / path
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new, 1))
    return [(problem.line, problem.rule) for problem in loader.load(repo).problems]


@pytest.mark.parametrize("html", [
    "<!-- --><script>alert(1)</script>",
    "<!-- a note --> <img src=x onerror=alert(1)>",
    "<!-- a --> <!-- b --> <b>x</b>",
])
def test_a_block_is_a_comment_only_if_all_of_it_is_one_comment(repo, html):
    assert problems_after(repo, "Make time.\n", f"Make time.\n\n{html}\n") == [(24, "raw-html")]


def test_a_comment_alone_is_still_allowed(repo):
    assert problems_after(repo, "Make time.\n", "Make time.\n\n<!-- a note for reviewers -->\n") == []


@pytest.mark.parametrize("href", ["//evil.example/x", "///evil.example/x", "\\\\evil.example/x"])
def test_a_link_to_another_host_without_a_scheme_is_refused(repo, href):
    found = problems_after(repo, "Make time.\n", f"Make [time]({href}).\n")
    assert found and {rule for _, rule in found} <= {"link-scheme", "broken-link"}


@pytest.mark.parametrize("attributes", ["{: #__config }", "{#__drawer}", "{: .md-header }", '{: id="__search" }',
                                        "{: class='hub-print-source' }", "{: #hub-finder }"])
def test_body_ids_and_classes_cannot_take_the_theme_or_hub_names(repo, attributes):
    assert problems_after(repo, "Make time.\n", f"Make time.\n{attributes}\n") == [(23, "reserved-name")]


def test_ids_and_classes_of_ones_own_are_allowed(repo):
    assert problems_after(repo, "Make time.\n", "Make time.\n{: #our-huddles .wide }\n") == []


def test_the_sanitiser_drops_theme_names_as_a_second_layer():
    clean = sanitise('<p id="__config" class="md-header wide">a</p><h2 id="ok">b</h2>')
    assert clean == '<p class="wide">a</p><h2 id="ok">b</h2>'


def second_approach(repo, title: str) -> list[str]:
    first = (repo / "approaches/peer-huddles.md").read_text()
    (repo / "approaches/peer-huddles-again.md").write_text(
        first.replace("title: Peer huddles", f"title: {title}").replace("aliases: [Staff huddles]\n", ""))
    return [problem.rule for problem in loader.load(repo).problems]


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\ufeff", "\u00ad", "\u2060"])
def test_invisible_characters_do_not_make_a_title_new(repo, hidden):
    assert second_approach(repo, f"Peer{hidden} huddles") == ["duplicate-title"]


def test_compatible_forms_and_spacing_do_not_make_a_title_new(repo):
    assert second_approach(repo, "Ｐｅｅｒ  HUDDLES") == ["duplicate-title"]
