// Unit tests of the readiness scoring module: bands at their boundaries, "don't know", unanswered statements,
// essential prerequisites, fits and the team merge. Run: node --test tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import {
  DONT_KNOW,
  bandFor,
  merge,
  roundedMean,
  score,
  teamNames,
} from "../../overrides/assets/javascripts/readiness-scoring.js";
import { instrument } from "./readiness-instrument.js";

const money = (result) => result.domains.find((entry) => entry.domain.id === "money");

test("a mean is rounded to one decimal, halves up, without float drift", () => {
  assert.equal(roundedMean([2, 3]), 2.5);
  assert.equal(roundedMean([2, 2, 3, 3, 3, 2, 3, 3, 2, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2]), 2.5);
  assert.equal(roundedMean([1, 2, 2, 2]), 1.8); // 1.75
  assert.equal(roundedMean([]), null);
});

test("bands start at their from score: 2.4 is the lower band, 2.5 the next, 3.5 the top", () => {
  const data = instrument();
  assert.equal(bandFor(data, 1).id, "low");
  assert.equal(bandFor(data, 2.4).id, "low");
  assert.equal(bandFor(data, 2.5).id, "mid");
  assert.equal(bandFor(data, 3.4).id, "mid");
  assert.equal(bandFor(data, 3.5).id, "high");
  assert.equal(bandFor(data, 5).id, "high");
  assert.equal(bandFor(data, null), null);
});

test("a domain's band follows its rounded score at the boundary", () => {
  const data = instrument();
  // 2, 2, 3, 3 = 2.5 exactly: Getting ready, not Not yet ready
  assert.equal(money(score(data, { m1: 2, m2: 2, m3: 3, m4: 3 })).band.id, "mid");
  // 2, 2, 2, 3 = 2.25, shown as 2.3: Not yet ready
  const low = money(score(data, { m1: 2, m2: 2, m3: 2, m4: 3 }));
  assert.equal(low.score, 2.3);
  assert.equal(low.band.id, "low");
  // 3, 4, 4, 3 = 3.5: Ready
  assert.equal(money(score(data, { m1: 3, m2: 4, m3: 4, m4: 3 })).band.id, "high");
});

test("don't know is reported and not scored, and never counts as zero", () => {
  const data = instrument();
  const result = score(data, { m1: 4, m2: 4, m3: DONT_KNOW, m4: 4 });
  assert.equal(money(result).score, 4);
  assert.equal(money(result).answered, 3);
  assert.deepEqual(
    result.dontKnow.map(({ item }) => item.id),
    ["m3"],
  );
  assert.ok(result.plan.some((step) => step.type === "find-out" && step.item.id === "m3"));
});

test("unanswered statements are reported; a domain with too few answers is not scored", () => {
  const data = instrument();
  const result = score(data, { m1: 5, m2: DONT_KNOW, m3: DONT_KNOW });
  assert.equal(money(result).score, null, "1 of 4 answered is below half");
  assert.equal(money(result).band, null);
  assert.deepEqual(
    result.unanswered.map(({ item }) => item.id),
    ["m4", "t1", "t2"],
  );
  assert.equal(result.answered, 1);
  assert.equal(result.weakestFirst.at(-1).score, null, "unscored domains come after scored ones");
  assert.ok(result.plan.some((step) => step.type === "not-scored" && step.domain.id === "money"));
  const half = score(data, { m1: 5, m2: 1 });
  assert.equal(money(half).score, 3, "2 of 4 is enough");
});

test("the weakest domains come first, and only weak bands get recommendations", () => {
  const data = instrument();
  const result = score(data, { m1: 5, m2: 5, m3: 5, m4: 5, t1: 1, t2: 2 });
  assert.deepEqual(
    result.weakestFirst.map((entry) => entry.domain.id),
    ["time", "money"],
  );
  assert.deepEqual(
    result.plan.filter((step) => step.type === "domain").map((step) => step.domain.id),
    ["time"],
  );
});

test("an essential statement is met only at or above met_from; don't know and blank are not met", () => {
  const data = instrument();
  const ids = (answers) => score(data, answers).essentials.map(({ item }) => item.id);
  assert.deepEqual(ids({ m3: 4, t1: 5 }), []);
  assert.deepEqual(ids({ m3: 3, t1: 4 }), ["m3"]);
  assert.deepEqual(ids({ m3: DONT_KNOW }), ["m3", "t1"]);
  const plan = score(data, { m3: 2, t1: 4 }).plan;
  assert.deepEqual(plan[0], {
    type: "essential",
    domain: data.domains[0],
    item: data.domains[0].items[2],
    text: "Find a room.",
  });
});

test("approaches fit when every condition of a rule holds, with each reason, most reasons first", () => {
  const data = instrument();
  const fits = score(data, { m1: 1, m2: 1, t1: 2, t2: 2 }).fits;
  assert.deepEqual(
    fits.map((fit) => fit.slug),
    ["circles"],
    "an approach missing from the data is skipped",
  );
  assert.deepEqual(fits[0].reasons, ["No fee.", "Short."]);
  assert.deepEqual(
    score(data, { m1: 4, m2: 4, m3: 4, m4: 4, t1: 2, t2: 2 }).fits.map((fit) => fit.slug),
    ["circles"],
  );
  assert.deepEqual(
    score(data, { m1: 4, m2: 4, m3: 4, m4: 4, t1: 4, t2: 4 }).fits.map((fit) => fit.slug),
    ["rounds"],
  );
  assert.deepEqual(score(data, { m1: DONT_KNOW }).fits, [], "don't know never meets an answer condition");
});

test("the team merge gives each person's answer, the mean, and flags two points apart or more", () => {
  const data = instrument();
  const team = merge(data, [
    { name: "Senior", answers: { m1: 1, m2: 4, m3: 4, m4: 4, t1: 3, t2: 3 } },
    { name: "Middle", answers: { m1: 3, m2: 4, m3: 4, m4: 4, t1: DONT_KNOW, t2: 4 } },
    { name: "Operational", answers: { m1: 2, m2: 5, m3: 4, m4: 4, t2: 3 } },
  ]);
  assert.deepEqual(team.people, ["Senior", "Middle", "Operational"]);
  const [moneyRow, timeRow] = team.domains;
  assert.deepEqual(moneyRow.items[0].answers, [1, 3, 2]);
  assert.equal(moneyRow.items[0].mean, 2);
  assert.equal(moneyRow.items[0].spread, 2);
  assert.equal(moneyRow.items[0].disagree, true, "exactly two points apart is flagged");
  assert.equal(moneyRow.items[1].disagree, false, "one point apart is not");
  assert.deepEqual(timeRow.items[0].answers, [3, DONT_KNOW, null]);
  assert.equal(timeRow.items[0].mean, 3, "don't know and blank are left out of the mean");
  assert.equal(timeRow.items[0].spread, null, "one answer cannot disagree");
  assert.deepEqual(moneyRow.scores, [3.3, 3.8, 3.8]);
  assert.equal(moneyRow.mean, 3.6);
  assert.equal(moneyRow.disagree, false);
  assert.equal(team.disagreements, 1);
});

test("team names are told apart when two people give the same one", () => {
  assert.deepEqual(teamNames(["Lead", "Lead", "Nurse"]), ["Lead", "Lead (2)", "Nurse"]);
});

test(
  "the instrument the build writes is scored end to end",
  { skip: !process.env.READINESS_INSTRUMENT && "READINESS_INSTRUMENT is not set (the pytest run sets it)" },
  () => {
    const data = JSON.parse(readFileSync(process.env.READINESS_INSTRUMENT, "utf8"));
    const all = (value) =>
      Object.fromEntries(data.domains.flatMap((domain) => domain.items.map((item) => [item.id, value])));
    const low = score(data, all(1));
    assert.ok(low.domains.every((entry) => entry.score === 1 && entry.band.id === data.bands[0].id));
    assert.equal(
      low.essentials.length,
      data.domains.flatMap((domain) => domain.items).filter((item) => item.essential).length,
    );
    const high = score(data, all(data.scale.length));
    assert.deepEqual(high.essentials, []);
    assert.ok(high.domains.every((entry) => entry.band.id === data.bands.at(-1).id));
    const unknown = score(data, all(DONT_KNOW));
    assert.ok(unknown.domains.every((entry) => entry.score === null));
    assert.equal(unknown.dontKnow.length, unknown.total);
  },
);
