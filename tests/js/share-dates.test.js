// The share form's dates: typed as a reader in the UK types them, stored as the schema wants them.
import assert from "node:assert/strict";
import test from "node:test";

import { storedDate } from "../../overrides/assets/javascripts/share-dates.js";

test("a day typed day first, in any of the usual ways, is stored as YYYY-MM-DD", () => {
  const typed = [
    "27/11/2026",
    "27 11 2026",
    "27.11.2026",
    "27-11-2026",
    "27112026",
    "27 November 2026",
    "27th Nov 2026",
    "27 nov. 2026",
    " 27/11/2026 ",
    "2026-11-27",
  ];
  for (const text of typed) assert.equal(storedDate(text, "date"), "2026-11-27", text);
  assert.equal(storedDate("3/2/2023", "date"), "2023-02-03");
});

test("a partial date may be a month and year, or a year, as precise as its source", () => {
  for (const text of ["11/2026", "November 2026", "nov 2026", "2026-11"]) {
    assert.equal(storedDate(text, "partial-date"), "2026-11", text);
  }
  assert.equal(storedDate("2026", "partial-date"), "2026");
  assert.equal(storedDate("27/11/2026", "partial-date"), "2026-11-27");
});

test("what is not a date is kept as typed, for the check to name the problem", () => {
  for (const text of ["11/2026", "27/13/2026", "ju 2026", "112026", "tomorrow", "27/11/26"]) {
    assert.equal(storedDate(text, "date"), text.trim(), text);
  }
  for (const text of ["13/2026", "ma 2026", "2026/11"]) assert.equal(storedDate(text, "partial-date"), text, text);
});
