// Unit tests of the readiness tasks module: dates typed day first, stored tasks read back or set aside, the
// essentials an assessment's answers meet, and the checklist's JSON and CSV. Run: node --test tests/js/
import assert from "node:assert/strict";
import test from "node:test";

import {
  TASKS_FORMAT,
  checklistCsv,
  checklistExport,
  checklistRows,
  fromAnswers,
  readTasks,
  tasksRecord,
  typedDate,
} from "../../overrides/assets/javascripts/readiness-tasks.js";
import { DONT_KNOW } from "../../overrides/assets/javascripts/readiness-scoring.js";
import { instrument } from "./readiness-instrument.js";

test("a date is read day first, as in the UK; a day that does not exist is refused in plain words", () => {
  assert.deepEqual(typedDate("27/11/2026"), { iso: "2026-11-27" });
  assert.deepEqual(typedDate(" 3 March 2027 "), { iso: "2027-03-03" });
  assert.deepEqual(typedDate(""), { iso: "" });
  assert.match(typedDate("31/11/2026").error, /"31\/11\/2026" is not a date we can read: .*27\/11\/2026/);
  assert.match(typedDate("next week").error, /not a date/);
});

test("stored tasks read back as written; a damaged or foreign record reads as none", () => {
  const tasks = { a: { done: true, owner: "", due: "", review: "" }, b: { done: false, owner: "Jo", due: "1/2/2027" } };
  const raw = JSON.stringify(tasksRecord(tasks, new Date("2026-11-28T10:00:00Z")));
  assert.deepEqual(readTasks(raw), {
    a: { done: true, owner: "", due: "", review: "" },
    b: { done: false, owner: "Jo", due: "1/2/2027", review: "" },
  });
  assert.deepEqual(readTasks("{not json"), {});
  assert.deepEqual(readTasks(JSON.stringify({ format: "other", tasks })), {});
  assert.deepEqual(readTasks(JSON.stringify({ format: TASKS_FORMAT, tasks: { c: { done: "yes", owner: 7 } } })), {
    c: { done: false, owner: "", due: "", review: "" },
  });
});

test("an essential a statement asks about is met from `met_from` up, not met below it, unknown otherwise", () => {
  const data = {
    ...instrument(),
    essentials: [
      { approach: "circles", essential: "room", item: "m3" },
      { approach: "circles", essential: "hour", item: "t1" },
      { approach: "circles", essential: "fee", item: "m1" },
      { approach: "other", essential: "room", item: "m4" },
    ],
  };
  const found = fromAnswers(data, "circles", { m3: 4, t1: 3, m1: DONT_KNOW, m4: 1 });
  assert.deepEqual(
    Object.fromEntries(Object.entries(found).map(([id, entry]) => [id, [entry.status, entry.item.id, entry.answer]])),
    { room: ["met", "m3", 4], hour: ["not-met", "t1", 3], fee: ["unknown", "m1", DONT_KNOW] },
  );
});

test("the checklist downloads as JSON and as CSV a spreadsheet cannot run", () => {
  const checklist = {
    title: 'Circles, "kind"',
    essentials: [
      { id: "room", text: "A room" },
      { id: "hour", text: "An hour" },
    ],
  };
  const tasks = {
    room: { done: true, owner: "Left over", due: "1/1/2027", review: "" },
    hour: { done: false, owner: "=cmd()", due: "27/11/2026", review: "" },
  };
  const rows = checklistRows(checklist, tasks, { room: { status: "unknown" }, hour: { status: "not-met" } });
  const exported = checklistExport("circles", checklist.title, rows, new Date("2026-11-28T10:00:00Z"));
  assert.deepEqual(exported.essentials, [
    { id: "room", text: "A room", in_place: true, owner: "", target_date: "", from_assessment: "not known" },
    {
      id: "hour",
      text: "An hour",
      in_place: false,
      owner: "=cmd()",
      target_date: "2026-11-27",
      from_assessment: "not met",
    },
  ]);
  assert.equal(
    checklistCsv(checklist.title, rows),
    "\uFEFFApproach,Essential id,Essential,In place,Owner,Target date,From the assessment\r\n" +
      '"Circles, ""kind""",room,A room,yes,,,not known\r\n' +
      `"Circles, ""kind""",hour,An hour,no,'=cmd(),2026-11-27,not met\r\n`,
  );
});
