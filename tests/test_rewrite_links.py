"""Links written relative to an entry's file are re-pointed at the site's pages, at the characters the
parser read as their destinations: never inside code. `make bench` measures that the time grows linearly."""

from __future__ import annotations

import pytest
from worst_bodies import ADVERSARIAL_UNITS, LINK, TARGETS

from hooks.read import outline as body


def rewrite(text: str) -> str:
    return body.rewrite_links(text, TARGETS, body.outline(text, first_line=1).destinations)


def test_inline_links_images_and_references_are_rewritten():
    text = (f"See [the approach]({LINK}) and ![a picture](<{LINK}> \"title\").\n\n"
            f"[ref]: {LINK}\n[other]:\n  <{LINK}>\n")
    assert rewrite(text) == text.replace(LINK, TARGETS[LINK])


def test_links_in_code_are_left_as_written():
    code = (f"`[x]({LINK})` and ``a ` [x]({LINK}) ``\n\n"
            f"```\n[x]({LINK})\n[ref]: {LINK}\n```\n\n"
            f"    [x]({LINK})\n")
    text = code + f"\nAfter the code, [a link]({LINK}); a lone ` and [another]({LINK}).\n"
    assert rewrite(text) == code + text[len(code):].replace(LINK, TARGETS[LINK])


def test_only_what_the_parser_reads_as_a_link_is_rewritten():
    text = (f"A real [link]({LINK}) and `[x]({LINK})` on one line; \\[escaped]({LINK}) is text.\n\n"
            f"```markdown\nSee [link]({LINK}).\n```\n")
    assert rewrite(text) == text.replace(f"[link]({LINK}) and", f"[link]({TARGETS[LINK]}) and", 1)


def test_a_reference_link_followed_by_text_in_brackets_rewrites_only_its_definition():
    text = f"See [ref](../approaches/peer-huddles.md and more) here.\n\n[ref]: {LINK}\n"
    assert rewrite(text) == text.replace(f"[ref]: {LINK}", f"[ref]: {TARGETS[LINK]}")


def test_links_in_table_cells_quotes_lists_and_headings_are_rewritten_and_code_cells_are_not():
    code = f"`[x]({LINK})`"
    text = (f"| a | b |\n|---|---|\n| {code} | [x]({LINK}) |\n| [y]({LINK}) | [y]({LINK}) |\n\n"
            f"> quoted [q]({LINK}) and\n> [r]({LINK})\n\n- item [i]({LINK})\n  more [j](<{LINK}>)\n\n"
            f"## Head [h]({LINK}) ##\n")
    rewritten = rewrite(text)
    assert rewritten.count(TARGETS[LINK]) == text.count(LINK) - 1
    assert f"| {code} |" in rewritten


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS)
def test_text_made_to_trouble_a_parser_is_rewritten_where_it_links_and_nowhere_else(unit):
    text = unit * (50_000 // len(unit))
    assert rewrite(text) == text.replace(LINK, TARGETS[LINK])
