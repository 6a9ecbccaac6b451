// The comparison's choice of approaches in the page's address, without a browser: `node --test tests/js/`.
import assert from "node:assert/strict";
import test from "node:test";

import { chosenIn, searchWith, summary } from "../../overrides/assets/javascripts/compare-state.js";

const known = ["balint-groups", "mindfulness", "schwartz-rounds"];

test("the choice is read in the page's order, unknown and repeated slugs left out", () => {
  assert.deepEqual(chosenIn("?approaches=schwartz-rounds,balint-groups", known), ["balint-groups", "schwartz-rounds"]);
  assert.deepEqual(chosenIn("?approaches=nothing,mindfulness,mindfulness", known), ["mindfulness"]);
  assert.deepEqual(chosenIn("?approaches=mindfulness&approaches=balint-groups", known), [
    "balint-groups",
    "mindfulness",
  ]);
  assert.deepEqual(chosenIn("?approaches=nothing", known), []);
  assert.deepEqual(chosenIn("", known), []);
});

test("the address keeps other parameters and leaves the commas readable", () => {
  assert.equal(searchWith("", ["balint-groups", "mindfulness"]), "?approaches=balint-groups,mindfulness");
  assert.equal(searchWith("?x=1&approaches=mindfulness", ["balint-groups"]), "?x=1&approaches=balint-groups");
  assert.equal(searchWith("?approaches=mindfulness", []), "");
  assert.equal(searchWith("?x=1&approaches=mindfulness", []), "?x=1");
});

test("the status says how many of how many are compared", () => {
  assert.equal(summary(2, 11), "Comparing 2 of 11 approaches.");
  assert.equal(summary(11, 11), "Comparing all 11 approaches.");
  assert.equal(summary(1, 1), "Comparing the only approach.");
});
