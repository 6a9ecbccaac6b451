// Unit tests of a team's answers combined: medians, the order by disagreement and the combined answers the
// team's action plan is made from. Run: node --test tests/js/
import assert from "node:assert/strict";
import test from "node:test";

import {
  byDisagreement,
  combine,
  combinedAnswer,
  median,
  toDiscuss,
} from "../../overrides/assets/javascripts/readiness-combine.js";
import { DONT_KNOW } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { instrument } from "./readiness-instrument.js";

test("the median of an odd and an even number of values, and of none", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 2, 5]), 3);
  assert.equal(median([]), null);
});

test("a statement's combined answer is the lower middle answer, or don't know when most said so", () => {
  const data = instrument();
  assert.equal(combinedAnswer(data, [2, 5, null]), 2);
  assert.equal(combinedAnswer(data, [4, 1, 3]), 3);
  assert.equal(combinedAnswer(data, [DONT_KNOW, DONT_KNOW, 5]), DONT_KNOW);
  assert.equal(combinedAnswer(data, [DONT_KNOW, 5]), 5);
  assert.equal(combinedAnswer(data, [null, null]), null);
});

test("statements come widest spread first, then most don't know, then in the order asked", () => {
  const rows = [
    { order: 0, spread: 1, dontKnow: 0 },
    { order: 1, spread: null, dontKnow: 2 },
    { order: 2, spread: 3, dontKnow: 0 },
    { order: 3, spread: 1, dontKnow: 1 },
    { order: 4, spread: 0, dontKnow: 0 },
  ];
  const ordered = byDisagreement(rows);
  assert.deepEqual(
    ordered.map((row) => row.order),
    [2, 3, 0, 4, 1],
  );
  assert.deepEqual(
    toDiscuss(ordered, 3).map((row) => row.order),
    [2, 3, 0],
  );
  assert.deepEqual(
    toDiscuss(ordered).map((row) => row.order),
    [2, 3, 0, 1],
  );
});

test("a team combined: domain medians, statements by disagreement and the combined answers", () => {
  const data = instrument();
  const team = combine(data, [
    { name: "A", answers: { m1: 1, m2: 1, m3: 5, t1: 4, t2: DONT_KNOW } },
    { name: "B", answers: { m1: 5, m2: 2, m3: 5, t1: 4 } },
    { name: "C", answers: { m1: 3, m2: 2, m3: 4, t1: 2, t2: DONT_KNOW } },
  ]);
  assert.deepEqual(team.people, ["A", "B", "C"]);
  assert.deepEqual(
    team.domains.map((entry) => [entry.domain.id, entry.scores, entry.median]),
    [
      ["money", [2.3, 4, 3], 3],
      ["time", [4, 4, 2], 4],
    ],
  );
  assert.deepEqual(
    team.statements.map((row) => [row.item.id, row.spread, row.dontKnow]),
    [
      ["m1", 4, 0],
      ["t1", 2, 0],
      ["m2", 1, 0],
      ["m3", 1, 0],
      ["t2", null, 2],
      ["m4", null, 0],
    ],
  );
  assert.deepEqual(team.answers, { m1: 3, m2: 2, m3: 5, t1: 4, t2: DONT_KNOW });
});
