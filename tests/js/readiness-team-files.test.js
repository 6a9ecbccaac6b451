// Unit tests of the team view's files: the combined view exported as JSON and as CSV reads back to the same
// people, hostile names included; a person's own file still reads; a bad team file is refused with a reason.
import assert from "node:assert/strict";
import test from "node:test";

import { readPeople, toTeam, toTeamCsv } from "../../overrides/assets/javascripts/readiness-team-files.js";
import { RecordError, toExport } from "../../overrides/assets/javascripts/readiness-records.js";
import { DONT_KNOW } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { instrument } from "./readiness-instrument.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const PEOPLE = [
  { file: "a.json", respondent: '=HYPERLINK("x")', answers: { m1: 1, m2: DONT_KNOW, t1: 5 }, saved: null },
  { file: "b.csv", respondent: 'two\nlines, "quoted"', answers: { m1: 5, t2: 2 }, saved: null },
  { file: "c.json", respondent: "Team answer", answers: {}, saved: null },
];
const NAMES = PEOPLE.map((person) => person.respondent);

test("the team's JSON export reads back to the same people, files and names", () => {
  const data = instrument();
  const text = JSON.stringify(toTeam(data, PEOPLE, NAMES, NOW));
  const back = readPeople(data, text, "team.json");
  assert.deepEqual(
    back.map(({ file, respondent, answers }) => ({ file, respondent, answers })),
    PEOPLE.map(({ file, respondent, answers }) => ({ file, respondent, answers })),
  );
  const kept = [{ saved: "2026-08-20T10:00:00.000Z", answers: { m1: 2 } }];
  const withHistory = toTeam(data, [{ ...PEOPLE[0], history: kept }, PEOPLE[1]], NAMES.slice(0, 2), NOW);
  assert.deepEqual(
    withHistory.people.map((person) => person.history),
    [[], []],
    "a person's past assessments stay out of the team's file",
  );
});

test("the team's CSV reads back to the same names and answers, statements most disagreement first", () => {
  const data = instrument();
  const csv = toTeamCsv(data, PEOPLE, NAMES);
  const lines = csv.slice(1).split("\r\n");
  assert.ok(lines[0].startsWith(`Statement id,Domain,Statement,"'=HYPERLINK(""x"")","two\nlines`), lines[0]);
  assert.ok(lines[1].startsWith("m1,Money,Funding,1,5,,1,4,0,org,3"), lines[1]);
  const back = readPeople(data, csv, "team.csv");
  assert.deepEqual(
    back.map(({ file, respondent, answers }) => ({ file, respondent, answers })),
    PEOPLE.map(({ respondent, answers }) => ({ file: "team.csv", respondent, answers })),
  );
});

test("a person's own export reads as one person; a damaged team file is refused naming where", () => {
  const data = instrument();
  const own = JSON.stringify(toExport(data, { ...PEOPLE[0], history: [] }, NOW));
  assert.deepEqual(readPeople(data, own, "a.json")[0].answers, PEOPLE[0].answers);
  const team = toTeam(data, PEOPLE, NAMES, NOW);
  team.people[1].answers = { m1: 9 };
  assert.throws(
    () => readPeople(data, JSON.stringify(team), "team.json"),
    (error) => error instanceof RecordError && /^person 2: in "answers": the answer to "m1" is 9/.test(error.message),
  );
  const csv = toTeamCsv(data, PEOPLE, NAMES).replace(",1,5,,1,", ",1,five,,1,");
  assert.throws(
    () => readPeople(data, csv, "team.csv"),
    (error) =>
      error instanceof RecordError && /^line 3, two\nlines, "quoted": "five" is not an answer/.test(error.message),
  );
});
