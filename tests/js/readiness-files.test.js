// Unit tests of reading an imported file of answers: every export (JSON and CSV) reads back to the same
// answers, and each kind of bad file is refused naming the line or field. Run: node --test tests/js/
import assert from "node:assert/strict";
import test from "node:test";

import { MAX_FILE, parseCsv, readAnswersFile } from "../../overrides/assets/javascripts/readiness-files.js";
import { RecordError, toCsv, toExport } from "../../overrides/assets/javascripts/readiness-records.js";
import { DONT_KNOW } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { instrument } from "./readiness-instrument.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const HOSTILE = [
  "",
  "Ward manager",
  '=HYPERLINK("http://x","y")',
  "+1, -2; @SUM(A1)",
  "'=already quoted",
  "'",
  ' quoted "words", and a comma ',
  "two\r\nlines\nand\ra return",
  "\tTabbed</script><img src=x onerror=alert(1)>",
  "Ünïcödé 看護師 🙂",
];
const ANSWER_SETS = [{}, { m1: 2, m2: DONT_KNOW, t1: 5 }, { m1: 1, m2: 2, m3: 3, m4: 4, t1: 5, t2: DONT_KNOW }];
const EXPORTS = {
  JSON: (data, state) => JSON.stringify(toExport(data, state, NOW), null, 1),
  CSV: (data, state) => toCsv(data, state),
};

for (const [kind, exported] of Object.entries(EXPORTS)) {
  test(`every ${kind} export reads back to the same answers and name, hostile names included`, () => {
    const data = instrument();
    for (const respondent of HOSTILE) {
      for (const answers of ANSWER_SETS) {
        const state = { respondent, answers, saved: "2026-11-25T10:00:00.000Z", history: [] };
        assert.deepEqual(readAnswersFile(data, exported(data, state)), state, JSON.stringify(respondent));
      }
    }
  });
}

test("a CSV saved again by a spreadsheet (no BOM, LF line ends, answers with spaces) still reads back", () => {
  const data = instrument();
  const state = {
    respondent: "Matron",
    answers: { m1: 4, t2: DONT_KNOW },
    saved: "2026-11-25T10:00:00.000Z",
    history: [],
  };
  const resaved = toCsv(data, state).slice(1).replace(/\r\n/g, "\n").replace(",4,Agree,", ", 4 ,Agree,") + "\n\n";
  assert.deepEqual(readAnswersFile(data, resaved), state);
});

test("quoted cells keep commas, quotes and line breaks, and the rows keep their first line's number", () => {
  const rows = parseCsv('a,"b, ""c""\r\nd"\r\ne,f');
  assert.deepEqual(rows, [
    { line: 1, cells: ["a", 'b, "c"\r\nd'] },
    { line: 3, cells: ["e", "f"] },
  ]);
});

/** The message and advice a bad file gets, or a failure if it is read. */
function refusal(data, text) {
  try {
    readAnswersFile(data, text);
  } catch (error) {
    assert.ok(error instanceof RecordError, error);
    return `${error.message}. ${error.todo}`;
  }
  assert.fail(`read: ${text.slice(0, 60)}`);
}

test("each kind of bad file is refused, naming the line or field and what to do", () => {
  const data = instrument();
  const state = { respondent: "A", answers: { m1: 2, t1: 5 }, saved: "2026-11-25T10:00:00.000Z" };
  const json = toExport(data, state, NOW);
  const csv = toCsv(data, state);
  const lines = csv.split("\r\n");
  const edit = (line, from, to) => lines.map((text, at) => (at === line ? text.replace(from, to) : text)).join("\r\n");
  const cases = [
    ["", /^the file is empty\. .*Export the answers again/],
    ["\uFEFF \r\n", /^the file is empty/],
    ["%PDF-1.7\n%âãÏÓ", /neither a JSON nor a CSV .*save.* as CSV/],
    ["x".repeat(MAX_FILE + 1), /far larger/],
    [JSON.stringify(json).slice(0, 80), /damaged: it ends on line 1 before it is complete.*Export the answers again/],
    ['{\n "format": "x",\n oops\n}', /damaged: it cannot be read from line 3 on/],
    [JSON.stringify({ ...json, instrument: "other" }), /"instrument" field .*another assessment \("other"\).*page/],
    [JSON.stringify({ ...json, answers: { zz: 1 } }), /in "answers": "zz" is a statement this assessment does not/],
    [JSON.stringify({ ...json, answers: { m1: 6 } }), /in "answers": the answer to "m1" is 6, which is not 1 to 5/],
    [JSON.stringify({ ...json, answers: [] }), /"answers" field is missing/],
    [csv.slice(0, csv.indexOf("Funding") + 3), /^line 2 has 6 cells where the first line names 12.*cut short/],
    [lines.slice(0, 4).join("\r\n"), /stops at line 4 with 3 of the 6 statements, so it may be cut short/],
    [lines[0], /stops at line 1 with 0 of the 6/],
    [csv.slice(0, csv.indexOf("Protected, time") + 4), /^line 6: a quoted cell is never closed.*cut short/],
    [edit(3, ",org,", ",other,"), /^line 4: "Assessment" is "other", another assessment than "Org readiness"/],
    [edit(2, /,3,(.*)$/, ",2,$1"), /^line 3: "Assessment version" is "2".*this is version 3/],
    [edit(2, ",m2,", ",zz,"), /^line 3: "zz" is a statement this assessment does not have/],
    [edit(2, ",m2,", ",m1,"), /^line 3: statement "m1" is also on line 2/],
    [edit(1, ",2,Disagree,", ",6,Disagree,"), /^line 2: the answer to "m1" is 6, which is not 1 to 5.*Correct it/],
    [edit(1, ",2,Disagree,", ",two,Disagree,"), /^line 2: the answer to "m1" is "two"/],
    [edit(1, ",2,Disagree,", ",,Agree,"), /^line 2: "Answer" is empty and "Answer label" says "Agree"/],
    [edit(3, /^A,/, "B,"), /^line 4: "Respondent" is not the same as on line 2/],
    [csv.replace("Statement id", "Item"), /^line 1: the column names .*missing: "Statement id"/],
    [csv.replace("Assessment version", "Version"), /^line 1: the column names .*missing: "Assessment version"/],
  ];
  for (const [text, pattern] of cases) assert.match(refusal(data, text), pattern);
});
