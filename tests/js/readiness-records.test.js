// Unit tests of the readiness records module: exported and saved answers read back, or refused with a reason,
// and the CSV a spreadsheet opens. Run: node --test tests/js/
import assert from "node:assert/strict";
import test from "node:test";

import {
  RECORD_FORMAT,
  RECORD_VERSION,
  RecordError,
  readRecord,
  toCsv,
  toExport,
} from "../../overrides/assets/javascripts/readiness-records.js";
import { DONT_KNOW } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { instrument } from "./readiness-instrument.js";

test("an export reads back to the same answers; a damaged or foreign record is refused with a reason", () => {
  const data = instrument();
  const state = {
    respondent: "Ward manager",
    answers: { m1: 2, m2: DONT_KNOW, t1: 5 },
    saved: "2026-11-25T10:00:00.000Z",
    history: [],
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
  refuse({ ...exported, version: RECORD_VERSION + 1 }, new RegExp(`format version ${RECORD_VERSION + 1}`));
  refuse({ ...exported, instrument: "other" }, /another assessment/);
  refuse({ ...exported, instrumentVersion: 2 }, /version 2 .*this is version 3/);
  refuse({ ...exported, answers: { m1: 6 } }, /not 1 to 5/);
  refuse({ ...exported, answers: { zz: 1 } }, /does not have/);
  refuse({ ...exported, answers: "all" }, /"answers" field is missing/);
  assert.equal(exported.format, RECORD_FORMAT);
});

test("the dated assessments travel in the export; a version 1 record without them still reads", () => {
  const data = instrument();
  const history = [
    { saved: "2026-08-20T10:00:00.000Z", answers: { m1: 1, t1: DONT_KNOW } },
    { saved: "2026-11-25T10:00:00.000Z", answers: { m1: 3, t1: 4 }, name: "Quarter 4 <b>" },
  ];
  const state = { respondent: "", answers: { m1: 3, t1: 4 }, saved: "2026-11-25T10:00:00.000Z", history };
  const exported = toExport(data, state, new Date("2026-11-26T09:00:00Z"));
  assert.equal(exported.version, RECORD_VERSION);
  assert.deepEqual(readRecord(data, JSON.stringify(exported)), state);
  const old = { ...exported, version: 1 };
  delete old.history;
  assert.deepEqual(readRecord(data, old), { ...state, history: [] });
  const refuse = (value, pattern) =>
    assert.throws(
      () => readRecord(data, { ...exported, history: value }),
      (error) => error instanceof RecordError && pattern.test(error.message),
    );
  refuse("all", /"history" field is not a list/);
  refuse([{ saved: "yesterday", answers: {} }], /assessment 1 has no valid "saved" date/);
  refuse([history[0], { saved: history[1].saved, answers: { m1: 9 } }], /assessment 2: the answer to "m1" is 9/);
  refuse([{ ...history[0], name: 7 }], /assessment 1 has a "name" that is not a text of up to 100 characters/);
  refuse([{ ...history[0], name: "x".repeat(101) }], /assessment 1 has a "name"/);
});

test("the CSV has a BOM, one row per statement, and quotes and neutralises what a spreadsheet would misread", () => {
  const data = instrument();
  const csv = toCsv(data, { respondent: "=cmd()", answers: { m1: 2, m2: DONT_KNOW } });
  assert.ok(csv.startsWith("\uFEFFRespondent,Domain,"));
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines.length, 1 + 6);
  assert.ok(lines[1].startsWith("'=cmd(),Money,,,m1,Funding,no,2,Disagree"), lines[1]);
  assert.ok(lines[2].endsWith(",,Don't know,org,3,"), lines[2]);
  assert.ok(lines[5].includes('"Protected, time",yes,,Not answered'));
});
