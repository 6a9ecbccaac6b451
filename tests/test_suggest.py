"""'Did you mean': one matcher for every check, by the name a reader sees, then by spelling."""

from __future__ import annotations

from hooks.checks.suggest import did_you_mean, nearest


def test_a_choice_is_found_whatever_its_case_spacing_or_other_name():
    assert nearest("  Maternity ", ["maternity", "mental-health"]) == "maternity"
    assert nearest("a&e", ["emergency-department"], names={"A&E": "emergency-department"}) == "emergency-department"
    assert nearest("maternty", ["maternity", "mental-health"]) == "maternity"


def test_nothing_is_suggested_for_a_value_far_from_every_choice_or_not_text():
    assert nearest("zzzz", ["maternity"]) is None
    assert nearest(5, ["5"]) is None
    assert did_you_mean("zzzz", ["maternity"], otherwise="use one of: maternity") == "use one of: maternity"


def test_the_suggestion_is_shown_as_the_caller_writes_it():
    assert did_you_mean("content/abot.md", ["content/about.md"], cutoff=0.7,
                        shown=lambda path: "../" + path, otherwise="") == "did you mean '../content/about.md'?"
