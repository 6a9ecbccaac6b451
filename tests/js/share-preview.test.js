// Unit tests of the preview's pure modules: the Markdown as the site shows it, and the parts of the page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";

import { initialState } from "../../overrides/assets/javascripts/share-entry.js";
import { markdown } from "../../overrides/assets/javascripts/share-preview-markdown.js";
import { longDate, pageParts } from "../../overrides/assets/javascripts/share-preview-page.js";

const source = process.env.SHARE_SPEC || new URL("../fixtures/share-form.json", import.meta.url);
const spec = JSON.parse(readFileSync(source, "utf8"));

test("a list or a table right under a line of text continues it, as Python-Markdown shows it", () => {
  assert.equal(markdown.render("We looked at:\n- rotas\n- a survey"), "<p>We looked at:\n- rotas\n- a survey</p>\n");
  assert.equal(markdown.render("Results:\n| a |\n| --- |\n| 1 |"), "<p>Results:\n| a |\n| --- |\n| 1 |</p>\n");
});

test("after an empty line a list, a list nested by four spaces and a table are themselves; HTML stays text", () => {
  const html = markdown.render("We looked at:\n\n-   rotas\n    -   nights\n\n| a |\n| --- |\n| 1 |\n\n<b>x</b>");
  assert.match(html, /^<p>We looked at:<\/p>\n<ul>\n<li>rotas\n<ul>\n<li>nights<\/li>/);
  assert.match(html, /<table>\n<thead>\n<tr>\n<th>a<\/th>/);
  assert.match(html, /<p>&lt;b&gt;x&lt;\/b&gt;<\/p>\n$/);
});

test("dates read as the page writes them, no more precise than given", () => {
  assert.deepEqual(["2025-12-03", "2025-12", "2025", "03/12/2025"].map(longDate), [
    "3 December 2025",
    "December 2025",
    "2025",
    "03/12/2025",
  ]);
});

test("the page's parts come in its order, with the form's labels, and empty ones left out", () => {
  const state = initialState(spec);
  const [type] = spec.fields.find((field) => field.name === "organisation_types").choices;
  Object.assign(state.fields, { title: " A title ", organisation: "A hospice", organisation_types: [type.value] });
  state.fields.other_approaches = "Balint groups";
  state.fields.first_published = {
    ...state.fields.first_published,
    publisher: "A trust",
    title: "News",
    date: "2023-02",
  };
  state.sections[spec.sections[0].title] = "Some text.";
  const parts = pageParts(spec, state);
  assert.equal(parts.title, "A title");
  assert.deepEqual(
    parts.facts.map(([term]) => term),
    ["Led by", "Organisations taking part", "Approaches", "Published on the hub"],
  );
  assert.deepEqual(parts.facts[1], ["Organisations taking part", type.label]);
  assert.deepEqual(parts.facts[2], ["Approaches", `Balint groups (${spec.noPage})`]);
  assert.equal(
    `${parts.firstPublished.before}${parts.firstPublished.title}${parts.firstPublished.after}`,
    "First published by A trust as “News” in February 2023",
  );
  assert.ok(parts.body.startsWith(`\n## ${spec.sections[0].title}\n\nSome text.`));
  assert.equal(parts.contact, null);
});

test("with every fact given, the preview lists them under the case study page's terms, in its order", () => {
  const template = readFileSync(new URL("../../hooks/pages/templates/case_study.md.j2", import.meta.url), "utf8");
  const terms = [...template.matchAll(/^([A-Z][^{\n]*)\n: {3}/gm)].map((match) => match[1]);
  const state = initialState(spec);
  const first = (name) => spec.fields.find((field) => field.name === name).choices[0].value;
  for (const name of ["organisation_types", "settings", "regions", "staff_groups", "approaches", "lcav_commitments"]) {
    state.fields[name] = [first(name)];
  }
  state.fields.organisation = "A hospice";
  state.fields.partners = [{ name: "A university", type: first("organisation_types") }];
  assert.deepEqual(
    pageParts(spec, state).facts.map(([term]) => term),
    terms,
  );
});
