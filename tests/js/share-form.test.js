// Unit tests of the form's pure modules, on the form description in tests/fixtures/share-form.json, which
// hooks/pages/contribute.py writes for the test repository (tests/test_share_form_js.py keeps it current). The
// pytest run gives the description it has just generated instead, in SHARE_SPEC.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { check } from "../../overrides/assets/javascripts/share-check.js";
import {
  entryText,
  fileName,
  initialState,
  mergeState,
  proposeUrl,
  readDraft,
} from "../../overrides/assets/javascripts/share-entry.js";

const core = { check, entryText, fileName, initialState, mergeState, proposeUrl, readDraft };
const source = process.env.SHARE_SPEC || new URL("../fixtures/share-form.json", import.meta.url);
const spec = JSON.parse(readFileSync(source, "utf8"));

test("an empty form writes every section heading, and of the fields only the hub's date, which is today", () => {
  const text = core.entryText(spec, core.initialState(spec));
  const now = new Date();
  const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  assert.equal(text.split("\n## ")[0], `---\npublished: "${today}"\n---\n`);
  assert.equal(core.fileName(spec, core.initialState(spec)), "my-case-study.md");
});

test("an optional group left empty is left out; a half-filled one is checked", () => {
  const state = core.initialState(spec);
  assert.ok(!core.entryText(spec, state).includes("contact:"));
  state.fields.contact.email = "a.person@example.nhs.uk";
  const messages = () => Object.fromEntries(core.check(spec, state).map((p) => [p.id, p.message]));
  assert.equal(messages()["hub-field-contact"], "fill in at least one of Name and Team");
  assert.ok(core.entryText(spec, state).includes('contact:\n  email: "a.person@example.nhs.uk"'));
  state.fields.contact.team = "Staff Wellbeing Team";
  assert.equal(messages()["hub-field-contact"], undefined, "a team is a contact");
  state.fields.first_published.date = "2023";
  assert.equal(messages()["hub-field-first_published"], undefined);
  assert.equal(messages()["hub-field-first_published-publisher"], "fill this in");
});

test("a first publication is dated as precisely as its source, or not at all", () => {
  const state = core.initialState(spec);
  state.fields.first_published = { publisher: "NHS England", title: "A case study", url: "", date: "", accessed: "" };
  const problem = () => core.check(spec, state).find((p) => p.id === "hub-field-first_published-date");
  for (const date of ["", "2023", "2023-02", "2023-02-28", "February 2023", "02/2023", "28/02/2023", "28 Feb 2023"]) {
    state.fields.first_published.date = date;
    assert.equal(problem(), undefined, date);
  }
  for (const date of ["2023-13", "2023-2", "23", "2023-02-30", "30/02/2023", "13/2023", "Febr 2023x"]) {
    state.fields.first_published.date = date;
    assert.match(problem().message, /as precisely as the source gives it: a year \(2023\)/, date);
  }
});

test("numbers and choices are written as the schema types them", () => {
  const state = core.initialState(spec);
  state.fields.lcav_commitments = [8, 6];
  state.fields.references[0] = { citation: "A source", year: "2024", url: "", doi: "" };
  const text = core.entryText(spec, state);
  assert.ok(text.includes("lcav_commitments: [6, 8]\n"), text);
  assert.ok(text.includes('references:\n  - citation: "A source"\n    year: 2024\n'), text);
});

test("the browser's checks name what it can see", () => {
  const state = core.initialState(spec);
  state.fields.updated = "29/02/2023";
  state.fields.references[0].year = "twenty";
  state.sections["Where to look"] = "<b>bold</b>";
  const messages = Object.fromEntries(core.check(spec, state).map((p) => [p.id, p.message]));
  assert.match(messages["hub-field-updated"], /write the day, month and year, like 27\/11\/2026/);
  assert.match(messages["hub-field-references-0-year"], /whole number/);
  assert.match(messages["hub-section-0"], /HTML/);
  assert.match(messages["hub-field-settings"], /choose at least one/);
});

test("Markdown that would stall the site's build is shown on the section that has it", () => {
  const state = core.initialState(spec);
  const titles = Object.keys(state.sections);
  const last = titles.length - 1;
  state.sections[titles[last]] = "We met [weekly.";
  state.sections[titles[1]] = "> ".repeat(spec.slowMarkdown.nesting + 1) + "Nested.";
  const problems = core.check(spec, state).filter((p) => /build/.test(p.message));
  assert.deepEqual(
    problems.map((p) => [p.id, p.title]),
    [
      [`hub-section-1`, titles[1]],
      [`hub-section-${last}`, titles[last]],
    ],
  );
  assert.match(problems[0].message, new RegExp(`nested more than ${spec.slowMarkdown.nesting} deep`));
  assert.match(problems[1].message, /never closed by a '\]'/);
});

test("a limit over the whole file is shown on the section that takes the file over it", () => {
  const state = core.initialState(spec);
  const titles = Object.keys(state.sections);
  state.sections[titles[0]] = "a\n".repeat(spec.slowMarkdown.lines / 2);
  state.sections[titles[2]] = "b\n".repeat(spec.slowMarkdown.lines / 2);
  const problems = core.check(spec, state).filter((p) => /build/.test(p.message));
  assert.deepEqual(
    problems.map((p) => p.id),
    ["hub-section-2"],
  );
  assert.match(problems[0].message, new RegExp(`more than ${spec.slowMarkdown.lines} lines`));
});

test("a title whose file name is a page the site makes itself is refused", () => {
  const state = core.initialState(spec);
  state.fields.title = spec.reservedSlugs[0].toUpperCase() + " !!!!!!!!";
  const messages = core
    .check(spec, state)
    .filter((p) => p.id === "hub-field-title")
    .map((p) => p.message);
  assert.deepEqual(messages, [
    `its file name ${spec.directory}/${spec.reservedSlugs[0]}.md is the address of a page ` +
      "the site makes itself; change the title a little",
  ]);
});

test("a proposal too long for a link keeps only the file name", () => {
  const short = core.proposeUrl(spec, "a.md", "x".repeat(100));
  assert.ok(short.complete && short.url.includes("&value="));
  const long = core.proposeUrl(spec, "a.md", "x".repeat(spec.maxUrlLength));
  assert.ok(!long.complete && long.url.endsWith("?filename=a.md"));
});

test("a saved draft is read with its date, or without one when that is not a date; anything else is refused", () => {
  const draft = (saved) => JSON.stringify({ version: 1, saved, state: { fields: { title: "Kept" } } });
  const read = core.readDraft(spec, draft("2026-11-25T10:30:00.000Z"));
  assert.equal(read.state.fields.title, "Kept");
  assert.equal(read.saved.toISOString(), "2026-11-25T10:30:00.000Z");
  for (const saved of ["not a date", null, 1764066600000, undefined]) {
    assert.equal(core.readDraft(spec, draft(saved)).saved, null, String(saved));
  }
  const refused = [
    "{not json",
    "null",
    "[]",
    JSON.stringify({ version: 2, state: {} }),
    JSON.stringify({ version: 1 }),
  ];
  for (const raw of refused) assert.throws(() => core.readDraft(spec, raw), raw);
});

test("a saved draft that no longer fits the fields is merged, not trusted", () => {
  const state = core.mergeState(spec, {
    fields: { title: 5, settings: "maternity", unknown: "x" },
    sections: { "Where to look": "kept" },
  });
  assert.equal(state.fields.title, "");
  assert.deepEqual(state.fields.settings, []);
  assert.ok(!("unknown" in state.fields));
  assert.equal(state.sections["Where to look"], "kept");
});
