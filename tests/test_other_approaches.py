"""Approaches the hub has no page for yet, named by a case study; and the staff groups a case study was for."""

from __future__ import annotations

import json
import re

import html5lib
import pytest
from conftest import ROOT, build, make_repo, write_entry
from test_build import page

from hooks.checks import loader, names
from hooks.pages import browse

STUDY = "case_studies/huddles-on-ward-7.md"


def with_fields(repo, **changes) -> list[str]:
    """The problems of the base case study with fields replaced (a value of None deletes the field)."""
    lines = (repo / STUDY).read_text(encoding="utf-8").split("\n")
    for name, value in changes.items():
        at = next((i for i, line in enumerate(lines) if line.startswith(f"{name}:")), None)
        if at is not None:
            del lines[at]
        if value is not None:
            lines.insert(at if at is not None else 8, f"{name}: {json.dumps(value)}")
    write_entry(repo, STUDY, "\n".join(lines))
    return [str(problem) for problem in loader.load(repo).problems]


def test_a_case_study_may_name_only_approaches_the_hub_has_no_page_for(repo):
    assert with_fields(repo, approaches=None, other_approaches=["Balint groups"]) == []


def test_a_case_study_naming_no_approach_is_told_both_ways_to_name_one(repo):
    assert with_fields(repo, approaches=None) == [
        f"{STUDY}:2: approaches: the case study names no approach; list those the hub has a page for under "
        "'approaches' (by file name), and name any it has no page for yet under 'other_approaches' [missing-field]"]


@pytest.mark.parametrize("name,rule", [("B", "too-short"), ("B" * 81, "too-long"), ("Balint\ngroups", "bad-character")])
def test_a_name_is_one_line_of_2_to_80_characters(repo, name, rule):
    assert [problem.rsplit("[", 1)[1] for problem in with_fields(repo, other_approaches=[name])] == [f"{rule}]"]


@pytest.mark.parametrize("name", ["Peer huddles", "peer-huddles", "STAFF  huddles"])
def test_a_name_of_an_approach_with_a_page_is_moved_to_approaches(repo, name):
    assert with_fields(repo, other_approaches=[name]) == [
        f"{STUDY}:9: other_approaches[0]: the hub has a page for {name!r}: name it under approaches as "
        "'peer-huddles', and take it out of other_approaches [approach-has-page]"]


def test_an_unknown_slug_is_told_to_name_it_as_an_approach_without_a_page_and_how_to_propose_one(repo):
    [problem] = with_fields(repo, approaches=["balint-groups"])
    assert problem.startswith(f"{STUDY}:8: approaches[0]: 'balint-groups' is not an approach in approaches/; ")
    assert "name it under other_approaches instead" in problem and "make new KIND=approach" in problem
    assert problem.endswith("[unknown-approach]")


def test_the_guide_the_message_points_to_says_how_to_propose_an_approach():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = re.search(r"^## Proposing an approach\n(.*?)(?=^## |\Z)", guide, re.MULTILINE | re.DOTALL)
    assert section and "Proposing an approach" in names.PROPOSE
    assert "make new KIND=approach" in section.group(1) and "other_approaches" in section.group(1)
    assert "make new KIND=approach" in names.PROPOSE


def test_names_that_read_the_same_are_one_value_of_the_finder_no_page_can_have():
    value = browse.unlisted_value("Balint groups")
    assert value == browse.unlisted_value(" balint  GROUPS ") == browse.unlisted_value("Balint\u200b groups")
    assert value not in {browse.unlisted_value("Balint circles"), browse.unlisted_value("Bálint groups")}
    assert not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value) and not re.search(r"\s", value)
    assert browse.unlisted_value("<b>x</b>") != browse.unlisted_value("b x b")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("other") / "repo")
    text = (root / STUDY).read_text(encoding="utf-8")
    write_entry(root, STUDY, text.replace("approaches: [peer-huddles]\n", "approaches: [peer-huddles]\n"
                                          "other_approaches: [Balint groups, <b>Trauma</b> & *risk*]\n"
                                          "staff_groups: [nurses, control-room-staff]\n"))
    second = text.replace("title: Huddles on a busy surgical ward", "title: Balint groups in a hospice") \
        .replace("approaches: [peer-huddles]\n", "other_approaches: [BALINT GROUPS]\n")
    write_entry(root, "case_studies/balint-groups-in-a-hospice.md", second)
    loaded = loader.load(root)
    assert loaded.problems == []
    result = build(root, root.parent / "site")
    assert result.returncode == 0, result.stderr
    return loaded, root.parent / "site"


def _definition(html: str, term: str) -> str:
    dom = html5lib.parse(html, namespaceHTMLElements=False)
    terms = dom.findall(".//dt")
    at = next(i for i, dt in enumerate(terms) if "".join(dt.itertext()).strip() == term)
    return html5lib.serialize(dom.findall(".//dd")[at])


def test_the_page_shows_other_approaches_as_text_marked_as_without_a_page(site):
    _, built = site
    shown = _definition(page(built, "case-studies/huddles-on-ward-7"), "Approaches")
    assert re.search(r'<a href="\.\./\.\./approaches/peer-huddles/">Peer huddles</a>, Balint groups '
                     rf"<em>\({browse.NO_PAGE}\)</em>, &lt;b&gt;Trauma&lt;/b&gt; &amp; \*risk\* <em>", shown)
    assert shown.count("<a ") == 1


def test_the_listing_shows_them_too(site):
    _, built = site
    assert f"Balint groups <em>({browse.NO_PAGE})</em>" in page(built, "case-studies")


def test_the_page_shows_the_staff_groups_linked_to_the_finder(site):
    _, built = site
    shown = _definition(page(built, "case-studies/huddles-on-ward-7"), "Staff groups")
    assert '<a href="../?staff-group=nurses">Nurses</a>' in shown
    assert '<a href="../?staff-group=control-room-staff">Ambulance control room staff</a>' in shown
    assert "Staff groups" not in page(built, "case-studies/balint-groups-in-a-hospice")


def test_the_finder_counts_each_other_approach_once_labelled_as_without_a_page(site):
    loaded, built = site
    data = json.loads((built / "entries.json").read_text(encoding="utf-8"))
    facet = next(f for f in data["facets"] if f["key"] == "approach")
    value = browse.unlisted_value("Balint groups")
    [label] = [option["label"] for option in facet["options"] if option["value"] == value]
    assert label in (f"Balint groups ({browse.NO_PAGE})", f"BALINT GROUPS ({browse.NO_PAGE})")
    assert {"value": "peer-huddles", "label": "Peer huddles"} in facet["options"]
    having = [study["slug"] for study in data["case_studies"] if value in study["facets"]["approach"]]
    assert sorted(having) == ["balint-groups-in-a-hospice", "huddles-on-ward-7"]
    groups = next(f for f in data["facets"] if f["key"] == "staff-group")
    assert groups["label"] == "Staff group"
    assert {option["value"] for option in groups["options"]} == {"nurses", "control-room-staff"}
