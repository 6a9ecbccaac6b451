// The search page's words and address, without a browser: `node --test tests/js/`.
import assert from "node:assert/strict";
import test from "node:test";

import { says, searchAddress, sectionsOf } from "../../overrides/assets/javascripts/search-text.js";

test("the address keeps the words and the kind, and nothing for an empty search", () => {
  assert.equal(searchAddress("rounds & huddles", "case study"), "q=rounds+%26+huddles&kind=case+study");
  assert.equal(searchAddress("rounds", ""), "q=rounds");
  assert.equal(searchAddress("", ""), "");
});

test("the status line counts the results, and says what to try when there are none", () => {
  assert.equal(says(1, "rounds"), "1 result for “rounds”.");
  assert.equal(says(12, "rounds"), "12 results for “rounds”.");
  assert.match(says(0, "zzz"), /^No results for “zzz”\. Try fewer words/);
});

test("a result's sections are those with their own address and title, at most the limit", () => {
  const section = (url, title) => ({ url, title });
  const result = {
    meta: { title: "Schwartz Rounds" },
    sub_results: [
      section("/a/", "Schwartz Rounds"),
      section("/a/#top", "Schwartz Rounds"),
      section("/a/#cost", "Cost"),
      section("/a/#who", "Who runs them"),
      section("/a/#evidence", "Evidence"),
    ],
  };
  assert.deepEqual(
    sectionsOf(result, 2).map((each) => each.title),
    ["Cost", "Who runs them"],
  );
  assert.equal(sectionsOf(result, 3).length, 3);
});
