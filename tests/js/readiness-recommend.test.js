// Recommendations: ranking and reasons on the small test instrument, then five realistic organisations' answers
// over the real instrument the build writes (READINESS_REAL_INSTRUMENT, set by tests/test_readiness_profiles.py).
// The expected results of the five are in readiness-profiles.expected.json: a changed ranking or reason fails.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { DONT_KNOW, score } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { OBSTACLES, SHOWN, recommend } from "../../overrides/assets/javascripts/readiness-recommend.js";
import { toExport } from "../../overrides/assets/javascripts/readiness-records.js";
import { instrument } from "./readiness-instrument.js";
import { PROFILES, answersFor } from "./readiness-profiles.js";

const advise = (data, answers) => recommend(data, score(data, answers).domains, answers);
const slugs = (entries) => entries.map((entry) => entry.slug);

/** The small instrument with rules for three approaches, one of which has no page. */
function small() {
  const data = instrument();
  data.approaches.huddles = { title: "Huddles", url: "../h/", checklist: "../hc/", costs: [], essentials: [] };
  data.recommend = [
    {
      approach: "rounds",
      points: [{ when: [{ domain: "money", bands: ["high"] }], weight: 3, reason: "Money pays the licence." }],
      blockers: [{ when: [{ item: "t1", answers: [1, 2] }], reason: "Rounds need protected time." }],
    },
    {
      approach: "circles",
      points: [
        { when: [{ item: "m1", answers: [1, 2] }], weight: 2, reason: "Circles have no fee." },
        { when: [{ domain: "time", bands: ["low"] }], weight: -1, reason: "Even circles take an hour." },
      ],
    },
    { approach: "huddles", points: [{ when: [{ item: "m1", answers: [1, 2, 3] }], weight: 1, reason: "Huddles." }] },
    { approach: "missing", points: [{ when: [{ item: "m1", answers: [1] }], weight: 3, reason: "No page." }] },
  ];
  return data;
}

test("approaches are ranked by the weights of their reasons, each reason with the answers behind it", () => {
  const advice = advise(small(), { m1: 1, m2: 4, m3: 4, m4: 4, t1: 4, t2: 4 });
  assert.deepEqual(slugs(advice.recommended), ["circles", "huddles"], "an approach with no page is never shown");
  assert.deepEqual(advice.recommended[0].reasons, [
    { weight: 2, text: "Circles have no fee.", evidence: ['1 (Strongly disagree) to "Funding"'] },
  ]);
  assert.deepEqual(slugs(advice.unsupported), ["rounds"], "money is not in the high band: nothing points to Rounds");
});

test("a blocker keeps an approach off the list whatever its weight, and is shown as what stands in the way", () => {
  const advice = advise(small(), { m1: 5, m2: 5, m3: 5, m4: 5, t1: 2, t2: 1 });
  assert.deepEqual(slugs(advice.recommended), []);
  assert.deepEqual(slugs(advice.notYet), ["rounds", "circles"]);
  assert.deepEqual(
    advice.notYet.map((entry) => entry.obstacles.map((obstacle) => obstacle.text)),
    [["Rounds need protected time."], ["Even circles take an hour."]],
  );
  assert.deepEqual(advice.notYet[0].obstacles[0].evidence, ['2 (Disagree) to "Protected, time"']);
  assert.deepEqual(advice.notYet[1].obstacles[0].evidence, ["Time: 1.5, Not yet ready"]);
});

test("the exported results name the recommended approaches, ranked, with their reasons", () => {
  const state = { respondent: "", answers: { m1: 1, m2: 4, m3: 4, m4: 4, t1: 4, t2: 4 }, saved: null };
  assert.deepEqual(toExport(small(), state, new Date("2026-11-26T09:00:00Z")).results.approaches, [
    { slug: "circles", title: "Circles", reasons: ["Circles have no fee."] },
    { slug: "huddles", title: "Huddles", reasons: ["Huddles."] },
  ]);
});

test("don't know meets no condition, so it neither recommends nor blocks", () => {
  const advice = advise(small(), { m1: DONT_KNOW, t1: DONT_KNOW });
  assert.deepEqual([advice.recommended, advice.notYet, advice.lower], [[], [], []]);
});

const real = process.env.READINESS_REAL_INSTRUMENT;
const skip = !real && "READINESS_REAL_INSTRUMENT is not set (tests/test_readiness_profiles.py sets it)";

/** What the results show for a profile: the ranked approaches with their reasons, and what is not yet. */
function shown(data, profile) {
  const advice = advise(data, answersFor(data, profile));
  const texts = (reasons) => reasons.map((reason) => reason.text.replace(/\s+/g, " "));
  return {
    recommended: advice.recommended.map((entry) => ({ slug: entry.slug, reasons: texts(entry.reasons) })),
    notYet: advice.notYet.map((entry) => ({ slug: entry.slug, inTheWay: texts(entry.obstacles) })),
    lower: advice.lower.map((entry) => ({ slug: entry.slug, reason: texts(entry.reasons.slice(0, 1))[0] })),
    unsupported: slugs(advice.unsupported),
  };
}

test("five organisations get their own ranked three and their own reasons", { skip }, () => {
  const data = JSON.parse(readFileSync(real, "utf8"));
  const expected = JSON.parse(readFileSync(new URL("./readiness-profiles.expected.json", import.meta.url), "utf8"));
  assert.deepEqual(Object.keys(expected), Object.keys(PROFILES));
  for (const [name, profile] of Object.entries(PROFILES)) {
    const result = shown(data, profile);
    assert.deepEqual(result, expected[name], name);
    assert.ok(result.recommended.length <= SHOWN, name);
    assert.ok(
      result.notYet.every((entry) => entry.inTheWay.length <= OBSTACLES),
      name,
    );
    const sentences = [
      ...result.recommended.flatMap((entry) => entry.reasons),
      ...result.notYet.flatMap((entry) => entry.inTheWay),
      ...result.lower.map((entry) => entry.reason),
    ];
    assert.equal(new Set(sentences).size, sentences.length, `${name}: a reason is shown twice`);
  }
});

test("the five organisations are not all told the same", { skip }, () => {
  const data = JSON.parse(readFileSync(real, "utf8"));
  const rankings = Object.values(PROFILES).map((profile) => slugs(advise(data, answersFor(data, profile)).recommended));
  assert.equal(new Set(rankings.map((ranking) => ranking.join())).size, rankings.length);
});
