// The finder's, the sortable table's and the printed line's logic, without a browser: `node --test tests/js/`.
import assert from "node:assert/strict";
import test from "node:test";

import * as finder from "../../overrides/assets/javascripts/finder-state.js";
import { longDate, printedLine } from "../../overrides/assets/javascripts/print-line.js";
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

test("the address keeps the state and the page, in a fixed order, and names what it does not know", () => {
  const read = finder.readAddress(
    "?year=2024&setting=mental-health&setting=nonsense&other=1&setting=maternity&page=3",
    facets,
  );
  assert.deepEqual([...read.state.keys()], ["setting", "year"]);
  assert.deepEqual([...read.state.get("setting")], ["mental-health", "maternity"]);
  assert.equal(read.page, 3);
  assert.deepEqual(
    read.unknown.map(({ facet, value }) => [facet.key, value]),
    [["setting", "nonsense"]],
  );
  const query = finder.writeAddress(read.state, facets, read.page);
  assert.equal(query, "setting=maternity&setting=mental-health&year=2024&page=3");
  assert.equal(finder.writeAddress(new Map(), facets, 1), "");
  assert.deepEqual(finder.readAddress(`?${query}`, facets), { ...read, unknown: [] });
  for (const page of ["0", "-2", "1.5", "x", "1"]) assert.equal(finder.readAddress(`?page=${page}`, facets).page, 1);
});

test("the live region says how many match and which page shows", () => {
  assert.equal(finder.summary(0, 4, 1, 1), "No case study matches all these filters.");
  assert.equal(finder.summary(1, 4, 1, 1), "Showing 1 of 4 case studies.");
  assert.equal(finder.summary(4, 4, 1, 1), "Showing all 4 case studies.");
  assert.equal(finder.summary(1, 1, 1, 1), "Showing all 1 case study.");
  assert.equal(finder.summary(1200, 5000, 2, 60), "Showing 1,200 of 5,000 case studies, page 2 of 60.");
  for (const count of [999, 1000, 99999, 100000, 1234567]) {
    assert.equal(finder.summary(count, count, 1, 1), `Showing all ${count.toLocaleString("en-GB")} case studies.`);
  }
});

test("pages: how many, and the pager's first, last and neighbours with gaps marked", () => {
  assert.equal(finder.pageCount(0, 20), 1);
  assert.equal(finder.pageCount(20, 20), 1);
  assert.equal(finder.pageCount(21, 20), 2);
  assert.deepEqual(finder.pagerItems(1, 1), [1]);
  assert.deepEqual(finder.pagerItems(1, 3), [1, 2, 3]);
  assert.deepEqual(finder.pagerItems(1, 10), [1, 2, null, 10]);
  assert.deepEqual(finder.pagerItems(4, 10), [1, 2, 3, 4, 5, null, 10]);
  assert.deepEqual(finder.pagerItems(6, 10), [1, null, 5, 6, 7, null, 10]);
  assert.deepEqual(finder.pagerItems(10, 10), [1, null, 9, 10]);
});

const worded = [
  {
    key: "setting",
    label: "Setting",
    phrase: "in {}",
    options: [
      { value: "maternity", label: "Maternity" },
      { value: "wards", label: "Acute hospital wards" },
      { value: "care-homes", label: "Care homes" },
    ],
  },
  {
    key: "group",
    label: "Staff group",
    phrase: "for {}",
    options: [
      { value: "nurses", label: "Nurses" },
      { value: "porters", label: "Porters" },
    ],
  },
];
const totals = new Map([
  [
    "setting",
    new Map([
      ["maternity", 3],
      ["wards", 0],
      ["care-homes", 0],
    ]),
  ],
  [
    "group",
    new Map([
      ["nurses", 2],
      ["porters", 0],
    ]),
  ],
]);

test("nothing matching says which chosen values no case study has yet, in each facet's words", () => {
  const say = (chosen) => finder.emptyMessage(state(chosen), worded, totals);
  assert.equal(say({ setting: ["wards"] }), "No case studies in Acute hospital wards yet.");
  assert.equal(
    say({ setting: ["wards", "care-homes"] }),
    "No case studies in Acute hospital wards or in Care homes yet.",
  );
  assert.equal(
    say({ setting: ["wards"], group: ["porters"] }),
    "No case studies in Acute hospital wards yet, and none for Porters yet.",
  );
  assert.equal(say({ setting: ["wards"], group: ["nurses"] }), "No case studies in Acute hospital wards yet.");
  assert.equal(say({ setting: ["maternity"], group: ["nurses"] }), "No case study matches all these filters.");
});

test("values the finder does not know are named, not dropped silently", () => {
  assert.equal(finder.unknownMessage([]), "");
  assert.equal(
    finder.unknownMessage([{ facet: worded[0], value: "wardz" }]),
    "The address asked for Setting “wardz”, which the finder does not know, so it was left out.",
  );
  const long = "x".repeat(100);
  assert.equal(
    finder.unknownMessage([
      { facet: worded[0], value: "a" },
      { facet: worded[1], value: long },
    ]),
    `The address asked for Setting “a” and Staff group “${"x".repeat(60)}…”, ` +
      "which the finder does not know, so they were left out.",
  );
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

test("a long date is written as the browser's own UK date format writes it, every month and day", () => {
  for (let day = new Date(2025, 0, 1); day.getFullYear() === 2025; day.setDate(day.getDate() + 1)) {
    assert.equal(longDate(day), day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }));
  }
  assert.equal(longDate(new Date(2026, 2, 1)), "1 March 2026");
});

test("the printed line gives the address and the date as UK readers write it", () => {
  assert.equal(
    printedLine("https://example.org/hub/x/", new Date(2026, 10, 25)),
    "Printed from https://example.org/hub/x/ on 25 November 2026.",
  );
});
