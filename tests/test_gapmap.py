"""The evidence and gap map's numbers: a case study counts once in every (approach, setting) and (approach, staff
group) pair it names, every vocabulary value is a column, and each cell's query opens the finder on that pair."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs

from conftest import ROOT

from hooks.checks import loader
from hooks.model.schema import vocabularies
from hooks.pages import browse, gapmap


class Stub:
    """A catalogue of the few entries a test writes out: all `counts` and `view` ask of one."""

    def __init__(self, approaches: list[str], studies: list[dict]):
        self.entries = {"approach": [SimpleNamespace(slug=slug, data={}) for slug in approaches],
                        "case_study": [SimpleNamespace(data=data) for data in studies]}

    def of(self, kind: str) -> list:
        return self.entries[kind]


def test_a_case_study_counts_in_every_pair_it_names_and_once_only():
    stub = Stub(["a", "b"], [{"approaches": ["a", "b"], "settings": ["maternity", "mental-health"]},
                             {"approaches": ["a"], "settings": ["maternity"], "other_approaches": ["Unlisted"]},
                             {"approaches": ["b"], "staff_groups": ["nurses"], "settings": ["critical-care"]}])
    found = gapmap.counts(stub, "settings")
    assert found["a", "maternity"] == 2
    assert found["a", "mental-health"] == found["b", "maternity"] == found["b", "mental-health"] == 1
    assert found["b", "critical-care"] == 1 and found["a", "critical-care"] == 0
    assert gapmap.counts(stub, "staff_groups") == {("b", "nurses"): 1}

    view = gapmap.view(stub, "settings")
    assert [row.approach.slug for row in view.rows] == ["a", "b"]  # an approach without a page is no row
    assert [value for value, _ in view.columns] == [str(value) for value in vocabularies()["settings"].values]
    cell = next(cell for cell in view.rows[0].cells if cell.value == "maternity")
    assert (cell.count, cell.label) == (2, "Maternity")


def test_the_real_map_agrees_with_the_case_studies_and_links_the_finder_by_its_own_keys():
    catalogue = loader.load(ROOT)
    studies = catalogue.of("case_study")
    keys = {facet.field: facet.key for facet in browse.facets()}
    for field in gapmap.VIEWS:
        view = gapmap.view(catalogue, field)
        assert len(view.rows) == len(catalogue.of("approach"))
        for row in view.rows:
            for cell in row.cells:
                named = [s for s in studies
                         if row.approach.slug in s.data.get("approaches", ()) and cell.value in s.data.get(field, ())]
                assert cell.count == len(named), (row.approach.slug, cell.value)
                assert parse_qs(cell.query) == {keys["approaches"]: [row.approach.slug], keys[field]: [cell.value]}
    assert any(cell.count for row in gapmap.view(catalogue, "settings").rows for cell in row.cells)


def test_the_comparison_shows_the_providers_still_in_their_role():
    column = next(column for column in browse.comparison_columns() if column.field == browse.PROVIDERS)
    entry = SimpleNamespace(data={"providers": [
        {"name": "Old Licensor", "role": "licensor", "valid_from": "2009", "valid_to": "2025-12-31"},
        {"name": "New Licensor", "role": "licensor", "valid_from": "2026"},
        {"name": "A Trainer", "role": "training-provider"}]})
    cell = browse.comparison_cell(entry, column)
    assert cell.values == (("New Licensor", "Licensor"), ("A Trainer", "Training provider"))
    assert cell.sort == "new licensor"
    ended = SimpleNamespace(data={"providers": entry.data["providers"][:1]})
    assert browse.comparison_cell(ended, column).text == "No current provider"
    assert browse.comparison_cell(SimpleNamespace(data={}), column).text == "Not given"
