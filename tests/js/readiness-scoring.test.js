// Unit tests of the readiness scoring and records modules: bands at their boundaries, "don't know", unanswered
// statements, essential prerequisites, fits, records and the team merge. Run: node --test tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import {
  RECORD_FORMAT,
  RECORD_VERSION,
  RecordError,
  readRecord,
  toCsv,
  toExport,
} from "../../overrides/assets/javascripts/readiness-records.js";
import {
  DONT_KNOW,
  bandFor,
  merge,
  roundedMean,
  score,
  teamNames,
} from "../../overrides/assets/javascripts/readiness-scoring.js";

/** A small instrument in the shape the build writes: two domains of four and two statements. */
function instrument() {
  return {
    format: "shared-learning-hub/readiness-instrument",
    id: "org",
    version: 3,
    title: "Org readiness",
    scale: ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"],
    dont_know: "Don't know",
    minimum_answered: 0.5,
    met_from: 4,
    disagreement: 2,
    bands: [
      { id: "low", label: "Not yet ready", from: 1, weak: true },
      { id: "mid", label: "Getting ready", from: 2.5, weak: true },
      { id: "high", label: "Ready", from: 3.5, weak: false },
    ],
    domains: [
      {
        id: "money",
        title: "Money",
        description: "d",
        recommendations: ["Ask for money."],
        bands: [
          { band: "low", meaning: "No money." },
          { band: "mid", meaning: "Some money." },
          { band: "high", meaning: "Money." },
        ],
        items: [
          { id: "m1", text: "Funding" },
          { id: "m2", text: "Lasts" },
          { id: "m3", text: "Space", essential: true, action: "Find a room." },
          { id: "m4", text: "Food" },
        ],
      },
      {
        id: "time",
        title: "Time",
        description: "d",
        recommendations: ["Protect time."],
        bands: [
          { band: "low", meaning: "No time." },
          { band: "mid", meaning: "Some time." },
          { band: "high", meaning: "Time." },
        ],
        items: [
          { id: "t1", text: "Protected, time", essential: true, action: "Agree cover." },
          { id: "t2", text: "Cover" },
        ],
      },
    ],
    fits: [
      { id: "poor", when: [{ item: "m1", answers: [1, 2] }], approaches: ["circles", "missing"], reason: "No fee." },
      { id: "busy", when: [{ domain: "time", bands: ["low", "mid"] }], approaches: ["circles"], reason: "Short." },
      {
        id: "both",
        when: [
          { domain: "money", bands: ["high"] },
          { domain: "time", bands: ["high"] },
        ],
        approaches: ["rounds"],
        reason: "All set.",
      },
    ],
    approaches: {
      circles: { title: "Circles", url: "../c/", checklist: "../cc/", costs: ["Staff time only"], essentials: [] },
      rounds: {
        title: "Rounds",
        url: "../r/",
        checklist: "../rc/",
        costs: ["Licence fee"],
        essentials: ["A licence."],
      },
    },
  };
}

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

test("an export reads back to the same answers; a damaged or foreign record is refused with a reason", () => {
  const data = instrument();
  const state = {
    respondent: "Ward manager",
    answers: { m1: 2, m2: DONT_KNOW, t1: 5 },
    saved: "2026-11-25T10:00:00.000Z",
  };
  const exported = toExport(data, state, new Date("2026-11-26T09:00:00Z"));
  assert.deepEqual(
    exported.results.domains.map((entry) => [entry.id, entry.score]),
    [
      ["time", 5],
      ["money", null],
    ],
  );
  const back = readRecord(data, JSON.stringify(exported));
  assert.deepEqual(back, state);
  const refuse = (record, pattern) =>
    assert.throws(
      () => readRecord(data, record),
      (error) => error instanceof RecordError && pattern.test(error.message),
    );
  refuse('{"format": "shared-learning', /not a JSON file/);
  refuse("[1, 2]", /not a file of answers/);
  refuse({ ...exported, version: RECORD_VERSION + 1 }, /format version 2/);
  refuse({ ...exported, instrument: "other" }, /another assessment/);
  refuse({ ...exported, instrumentVersion: 2 }, /version 2 .*this is version 3/);
  refuse({ ...exported, answers: { m1: 6 } }, /not 1 to 5/);
  refuse({ ...exported, answers: { zz: 1 } }, /does not have/);
  refuse({ ...exported, answers: "all" }, /no answers/);
  assert.equal(exported.format, RECORD_FORMAT);
});

test("the CSV has a BOM, one row per statement, and quotes and neutralises what a spreadsheet would misread", () => {
  const data = instrument();
  const csv = toCsv(data, { respondent: "=cmd()", answers: { m1: 2, m2: DONT_KNOW } });
  assert.ok(csv.startsWith("\uFEFFRespondent,Domain,"));
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines.length, 1 + 6);
  assert.ok(lines[1].startsWith("'=cmd(),Money,,,m1,Funding,no,2,Disagree"), lines[1]);
  assert.ok(lines[2].endsWith(",,Don't know"));
  assert.ok(lines[5].includes('"Protected, time",yes,,Not answered'));
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
