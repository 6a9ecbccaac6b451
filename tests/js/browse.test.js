// The finder's, the sortable table's and the printed line's logic, without a browser: `node --test tests/js/`.
import assert from "node:assert/strict";
import test from "node:test";

import * as finder from "../../overrides/assets/javascripts/finder-state.js";
import { printedLine } from "../../overrides/assets/javascripts/print-line.js";
import * as sortable from "../../overrides/assets/javascripts/table-order.js";

const facets = [
  { key: "setting", options: [{ value: "maternity" }, { value: "mental-health" }, { value: "critical-care" }] },
  { key: "year", options: [{ value: "2025" }, { value: "2024" }] },
];
const studies = [
  { slug: "a", facets: { setting: ["maternity"], year: ["2025"] } },
  { slug: "b", facets: { setting: ["maternity", "mental-health"], year: ["2024"] } },
  { slug: "c", facets: { setting: ["mental-health"], year: ["2025"] } },
  { slug: "d", facets: { setting: ["critical-care"], year: ["2024"] } },
];
const state = (object) => new Map(Object.entries(object).map(([key, values]) => [key, new Set(values)]));
const shown = (s) => studies.filter((study) => finder.matches(study, s, null)).map((study) => study.slug);

test("values within a facet are alternatives, facets must all hold", () => {
  assert.deepEqual(shown(state({ setting: ["maternity", "mental-health"] })), ["a", "b", "c"]);
  assert.deepEqual(shown(state({ setting: ["maternity", "mental-health"], year: ["2025"] })), ["a", "c"]);
  assert.deepEqual(shown(state({ setting: ["critical-care"], year: ["2025"] })), []);
  assert.deepEqual(shown(new Map()), ["a", "b", "c", "d"]);
});

test("a value's count leaves out its own facet's choices but keeps the others'", () => {
  const s = state({ setting: ["maternity"], year: ["2025"] });
  assert.deepEqual(
    [...finder.counts(studies, s, facets[0])],
    [
      ["maternity", 1],
      ["mental-health", 1],
      ["critical-care", 0],
    ],
  );
  assert.deepEqual(
    [...finder.counts(studies, s, facets[1])],
    [
      ["2025", 1],
      ["2024", 1],
    ],
  );
});

test("the address keeps the state, in a fixed order, and ignores what it does not know", () => {
  const s = finder.readState("?year=2024&setting=mental-health&setting=nonsense&other=1&setting=maternity", facets);
  assert.deepEqual([...s.keys()], ["setting", "year"]);
  assert.deepEqual([...s.get("setting")], ["mental-health", "maternity"]);
  assert.equal(finder.writeState(s, facets), "setting=maternity&setting=mental-health&year=2024");
  assert.equal(finder.writeState(new Map(), facets), "");
  assert.deepEqual(finder.readState(`?${finder.writeState(s, facets)}`, facets), s);
});

test("the live region says how many match", () => {
  assert.equal(finder.summary(0, 4), "No case study matches all these filters.");
  assert.equal(finder.summary(1, 4), "Showing 1 of 4 case studies.");
  assert.equal(finder.summary(4, 4), "Showing all 4 case studies.");
  assert.equal(finder.summary(1, 1), "Showing all 1 case study.");
});

function row(...keys) {
  return { cells: keys.map((key) => ({ dataset: key === null ? {} : { sort: key }, textContent: "" })), keys };
}

test("columns sort by their keys, numbers as numbers, blanks last both ways", () => {
  const rows = [row("10"), row(""), row("9"), row("100")];
  assert.deepEqual(
    sortable.order(rows, 0, true).map((r) => r.keys[0]),
    ["9", "10", "100", ""],
  );
  assert.deepEqual(
    sortable.order(rows, 0, false).map((r) => r.keys[0]),
    ["100", "10", "9", ""],
  );
});

test("a cell without a key sorts by its text", () => {
  const rows = ["Weekly", "as needed", "Monthly"].map((text) => ({
    cells: [{ dataset: {}, textContent: ` ${text} ` }],
  }));
  assert.deepEqual(
    sortable.order(rows, 0, true).map((r) => r.cells[0].textContent.trim()),
    ["as needed", "Monthly", "Weekly"],
  );
});

test("the printed line gives the address and the date as UK readers write it", () => {
  assert.equal(
    printedLine("https://example.org/hub/x/", new Date(2026, 10, 25)),
    "Printed from https://example.org/hub/x/ on 25 November 2026.",
  );
});
