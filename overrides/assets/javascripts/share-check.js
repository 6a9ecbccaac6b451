/**
 * Every problem the form can find in its state before the file is written, each on the control to fix: the
 * fields' values, the sections' texts, citations and their references, Markdown that would stall the
 * build, and the file's name and size.
 */
import { citationMatches, citationsIn } from "./citations.js";
import { allSections, bodyLines, clean, cleanGroup, entryText, fileName } from "./share-entry.js";
import { isPlaceholder, rulesOf, sameName, valueProblems } from "./share-rules.js";
import { notReported, saysSomething, sectionProblems } from "./share-sections.js";
import { slowMarkdown, slowMessage } from "./slow-markdown.js";

/** Citations with no reference, on the field or section that has them; references no text cites. */
function citationProblems(spec, state, rules, add) {
  const patterns = rules.citations;
  const listField = spec.fields.find((field) => field.name === spec.citations.references);
  const raw = state.fields[listField.name] || [];
  const references = raw.map((item) => cleanGroup(listField.fields, item));
  const cited = [];
  for (const name of spec.citations.fields) {
    const field = spec.fields.find((each) => each.name === name);
    const text = clean(field, state.fields[name]);
    if (typeof text === "string") cited.push([`hub-field-${name}`, field.title, citationsIn(patterns, text)]);
  }
  allSections(spec.sections).forEach((section, index) => {
    const text = String(state.sections[section.title] || "");
    cited.push([`hub-section-${index}`, section.title, citationsIn(patterns, text)]);
  });
  for (const [id, title, found] of cited) {
    for (const each of found) {
      if (!references.some((reference) => reference && citationMatches(patterns, each, reference))) {
        add(
          id,
          title,
          `the citation (${each.authors} ${each.year || spec.citations.undated}) matches no reference; ` +
            `add the source under ${listField.title}, or correct the citation`,
        );
      }
    }
  }
  references.forEach((reference, index) => {
    if (!reference || isPlaceholder(rules, reference.citation)) return;
    if (!cited.some(([, , found]) => found.some((each) => citationMatches(patterns, each, reference)))) {
      add(
        `hub-field-${listField.name}-${index}-${listField.fields[0].name}`,
        `${listField.title} ${index + 1}`,
        "the text does not cite this source; cite it where the text relies on it, by author and year, " +
          "like (Maben et al. 2018) or (NHS England n.d.), or remove it",
      );
    }
  });
}

/** The problems of one field's value, and of the fields in it, through `add`. */
function fieldProblems(field, raw, id, title, rules, add) {
  const value = clean(field, raw);
  if (value === undefined) {
    if (field.required) add(id, title, field.choices ? "choose at least one" : "fill this in");
    return;
  }
  if (field.fields.length && field.type === "array") {
    (raw || []).forEach((item, index) => {
      if (cleanGroup(field.fields, item) === undefined) return;
      for (const child of field.fields) {
        const where = [`${id}-${index}-${child.name}`, `${title} ${index + 1}: ${child.title}`];
        fieldProblems(child, item[child.name], ...where, rules, add);
      }
    });
    if (value.length < field.minItems) add(id, title, `give at least ${field.minItems}`);
  } else if (field.fields.length) {
    for (const child of field.fields) {
      fieldProblems(child, raw[child.name], `${id}-${child.name}`, `${title}: ${child.title}`, rules, add);
    }
    if (field.oneOf.length && !field.oneOf.some((name) => value[name] !== undefined)) {
      const titles = field.fields.filter((child) => field.oneOf.includes(child.name)).map((child) => child.title);
      add(id, title, `fill in at least one of ${titles.join(" and ")}`);
    }
  } else if (Array.isArray(value)) {
    listProblems(field, value, rules, (message) => add(id, title, message));
  } else if (field.choices && !field.choices.some((choice) => String(choice.value) === String(value))) {
    add(id, title, "choose one of the values listed"); // a draft saved before the list changed
  } else {
    for (const message of valueProblems(field, value, rules)) add(id, title, message);
  }
}

/** The problems of a list of values: too few, one listed twice, a name with a page of its own, each value's. */
function listProblems(field, value, rules, say) {
  if (value.length < field.minItems) say(`choose at least ${field.minItems}`);
  if (field.choices) return;
  const seen = new Set();
  for (const item of value) {
    if (seen.has(item)) say(`${JSON.stringify(item)} is listed twice`);
    seen.add(item);
    const listed = field.notIn && field.notIn.names.find((known) => sameName(known.name) === sameName(item));
    if (listed) {
      say(
        `the hub has a page for ${JSON.stringify(item)}: choose ${JSON.stringify(listed.label)} ` +
          `under ${field.notIn.title} instead`,
      );
    }
    for (const message of valueProblems(field, item, rules)) say(`${JSON.stringify(item)}: ${message}`);
  }
}

/** Each set of alternatives (fields of which one is enough) left wholly empty, once. */
function alternativeProblems(spec, state, add) {
  for (const field of spec.fields) {
    const group = spec.fields.filter((each) => each === field || field.alternatives.includes(each.name));
    if (!field.alternatives.length || group[0] !== field) continue; // each set of alternatives once
    if (group.every((each) => clean(each, state.fields[each.name]) === undefined)) {
      const others = group
        .slice(1)
        .map((each) => each.title)
        .join(" or ");
      add(
        `hub-field-${field.name}`,
        field.title,
        `${field.choices ? "choose at least one" : "fill this in"}, ` + `or fill in ${others}`,
      );
    }
  }
}

/** Each section's own problems, and a body that reports nothing at all. */
function sectionsProblems(spec, state, rules, add) {
  const sections = allSections(spec.sections);
  sections.forEach((section, index) => {
    for (const message of sectionProblems(spec, rules, section, String(state.sections[section.title] || ""))) {
      add(`hub-section-${index}`, section.title, message);
    }
  });
  const leaves = sections.map((section, index) => [section, index]).filter(([section]) => !section.subsections.length);
  const texts = leaves.map(([section]) => String(state.sections[section.title] || ""));
  const realText = (text) => saysSomething(text) && !notReported(spec, text);
  if (texts.some((text) => notReported(spec, text)) && !texts.some(realText)) {
    add(
      `hub-section-${leaves[0][1]}`,
      leaves[0][0].title,
      `every section says "${spec.notReported}"; ` + "write what the source does report in at least one",
    );
  }
}

/** Markdown that would stall the build, on the section that has it. */
function slowProblems(spec, state, add) {
  const sections = allSections(spec.sections);
  const body = bodyLines(spec, state.sections);
  for (const { kind, line } of slowMarkdown(spec.slowMarkdown, body.lines.join("\n") + "\n")) {
    const index = Math.max(
      body.headings.findLastIndex((heading) => heading <= line),
      0,
    );
    add(`hub-section-${index}`, sections[index].title, slowMessage(spec.slowMarkdown, kind));
  }
}

/** A file name the site or another entry already has, a title another entry has, and a file too large. */
function fileProblems(spec, state, add) {
  const titleField = spec.fields.find((field) => field.name === "title");
  const onTitle = (message) => add(`hub-field-${titleField.name}`, titleField.title, message);
  const title = clean(titleField, state.fields[titleField.name]);
  const name = fileName(spec, state);
  const file = `${spec.directory}/${name}`;
  if (spec.reservedSlugs.includes(name.replace(/\.md$/, ""))) {
    onTitle(`its file name ${file} is the address of a page the site makes itself; change the title a little`);
  }
  for (const entry of spec.taken) {
    if (typeof title === "string" && sameName(entry.title) === sameName(title)) {
      onTitle(`the hub already has a ${spec.label.toLowerCase()} with this title; give yours its own`);
    } else if (entry.file === file) {
      onTitle(`its file name ${file} is taken; change the title a little`);
    }
  }
  const bytes = new TextEncoder().encode(entryText(spec, state)).length;
  if (bytes > spec.maxBytes) {
    add("hub-section-0", spec.sections[0].title, `the file is ${bytes} bytes; shorten it to ${spec.maxBytes} or fewer`);
  }
}

/** Every problem the browser can find, each with the id of the control to fix. */
export function check(spec, state) {
  const rules = rulesOf(spec);
  const problems = [];
  const add = (id, title, message) => problems.push({ id, title, message });
  for (const field of spec.fields) {
    fieldProblems(field, state.fields[field.name], `hub-field-${field.name}`, field.title, rules, add);
  }
  alternativeProblems(spec, state, add);
  sectionsProblems(spec, state, rules, add);
  citationProblems(spec, state, rules, add);
  slowProblems(spec, state, add);
  fileProblems(spec, state, add);
  return problems;
}
