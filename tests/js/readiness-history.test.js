// Unit tests of re-assessment over time: dated assessments kept once each, the one to compare with, and the
// change per domain in words. Run: node --test tests/js/
import assert from "node:assert/strict";
import test from "node:test";

import {
  addSnapshot,
  changeWords,
  changes,
  closedSince,
  MAX_NAME,
  mergeHistory,
  previous,
} from "../../overrides/assets/javascripts/readiness-history.js";
import { DONT_KNOW } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { instrument } from "./readiness-instrument.js";

const SPRING = { saved: "2026-03-01T09:00:00.000Z", answers: { m1: 1, m2: 2, t1: 3 } };
const SUMMER = { saved: "2026-06-01T09:00:00.000Z", answers: { m1: 3, m2: 4, t1: 3 } };

test("an assessment is kept once: the same answers again add nothing, whatever their order", () => {
  const history = addSnapshot([SPRING], SUMMER.answers, SUMMER.saved);
  assert.deepEqual(history, [SPRING, SUMMER]);
  assert.equal(addSnapshot(history, { t1: 3, m2: 4, m1: 3 }, "2026-06-02T09:00:00.000Z"), null);
  assert.deepEqual(mergeHistory([SUMMER], [SPRING, SUMMER]), [SPRING, SUMMER]);
});

test("the change is shown since the previous assessment, not since the one just saved", () => {
  assert.equal(previous([], SPRING.answers), null);
  assert.equal(previous([SPRING], SPRING.answers), null);
  assert.equal(previous([SPRING, SUMMER], SUMMER.answers), SPRING);
  assert.equal(previous([SPRING, SUMMER], { m1: 5 }), SUMMER);
});

test("each domain's score then and now, with the change in words", () => {
  const rows = changes(instrument(), SPRING.answers, { ...SUMMER.answers, t1: DONT_KNOW, t2: DONT_KNOW });
  assert.deepEqual(
    rows.map((row) => [row.domain.id, row.then, row.now, row.change]),
    [
      ["money", 1.5, 3.5, "up 2.0"],
      ["time", 3, null, "not scored now"],
    ],
  );
  assert.equal(changeWords(2.4, 3.6), "up 1.2");
  assert.equal(changeWords(3.3, 2.8), "down 0.5");
  assert.equal(changeWords(2.5, 2.5), "no change");
  assert.equal(changeWords(null, 2), "not scored then");
});

test("an assessment may be named, and the name is kept trimmed and within its limit", () => {
  const [named] = addSnapshot([], SPRING.answers, SPRING.saved, "  Quarter 1  ");
  assert.equal(named.name, "Quarter 1");
  assert.equal("name" in addSnapshot([], SPRING.answers, SPRING.saved, "   ")[0], false);
  assert.equal(addSnapshot([], SPRING.answers, SPRING.saved, "x".repeat(MAX_NAME + 5))[0].name.length, MAX_NAME);
});

test("the change per domain reads as a sentence, and the plan's steps closed in between are named", () => {
  const then = { m1: 1, m2: 2, m3: 1, m4: 1, t1: 2, t2: DONT_KNOW };
  const now = { m1: 4, m2: 4, m3: 4, m4: 4, t1: 2, t2: 3 };
  assert.deepEqual(
    changes(instrument(), then, now).map((row) => row.words),
    ["Money: 1.3 to 4.0", "Time: 2.0 to 2.5"],
  );
  assert.deepEqual(closedSince(instrument(), then, now), [
    "Essential met: Space",
    "Money is no longer among the weakest areas",
    "Found out: Cover",
  ]);
  assert.deepEqual(closedSince(instrument(), now, now), []);
});
