/**
 * The check's rules for one value, as the form applies them: the characters a field or a section may not
 * hold, the formats (email, web address, date), the TODO placeholder, the schema's patterns and limits, and
 * how names are compared. Every pattern and limit comes from the form's description, which
 * hooks/pages/contribute.py builds from the Python side, so the form and `make check` cannot drift apart; only
 * the words of the advice are the form's own.
 */
import { citationPatterns } from "./citations.js";
import { oneSpaced } from "./python-text.js";
import { DATE_WORDS, realDay } from "./share-dates.js";

/** A pattern the whole value must match, as the check matches it. */
export function whole(pattern) {
  return new RegExp(`^(?:${pattern})$`, "u");
}

function characterClass(ranges) {
  const hex = (code) => `\\u{${code.toString(16)}}`;
  return new RegExp(`[${ranges.map(([low, high]) => `${hex(low)}-${hex(high)}`).join("")}]`, "u");
}

/** Each format's test, from the description's patterns: a date must also be a day of the calendar. */
function formatTests(spec) {
  const tests = {};
  for (const [name, pattern] of Object.entries(spec.formats)) {
    const shape = whole(pattern);
    tests[name] = (text) => shape.test(text);
  }
  const day = whole(spec.dates.day);
  const partial = whole(spec.dates.partial);
  tests.date = (text) => day.test(text) && realDay(text);
  // A year or a month by its pattern; a text as long as a day must be one (as hooks/checks/schema.py reads it).
  tests["partial-date"] = (text) => (text.length === 10 ? tests.date(text) : partial.test(text));
  return tests;
}

const compiled = new WeakMap();

/** The check's own rules, which the description carries from the Python side, compiled once per description. */
export function rulesOf(spec) {
  if (!compiled.has(spec)) {
    compiled.set(spec, {
      field: characterClass(spec.characters.field),
      text: characterClass(spec.characters.text),
      formats: formatTests(spec),
      placeholder: new RegExp(spec.placeholder, "u"),
      citations: citationPatterns(spec.citations.patterns),
    });
  }
  return compiled.get(spec);
}

/** Whether a value is still the template's placeholder, as hooks/checks/placeholders.py finds one. */
export function isPlaceholder(rules, value) {
  return typeof value === "string" && rules.placeholder.test(value);
}

const FORMAT_ADVICE = {
  email: "write an email address, like name@organisation.nhs.uk",
  url: "give the full web address, starting with https://, without spaces, quotes or angle brackets",
  ...DATE_WORDS,
};

/** What to do about a character the check refuses. */
export function characterProblem(char, inField) {
  const code = `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  if (char === "\t") return `it has a tab (${code}); use a space instead`;
  if (inField && /[\n\u2028\u2029]/.test(char)) return `it has a line break (${code}); write it on one line`;
  return `it has an invisible character (${code}) that cannot be published; delete it`;
}

function numberProblems(field, value) {
  if (typeof value !== "number") return [`write a whole number, like ${JSON.stringify(field.example)}`];
  if (field.minimum !== null && value < field.minimum) return [`the smallest allowed is ${field.minimum}`];
  if (field.maximum !== null && value > field.maximum) return [`the largest allowed is ${field.maximum}`];
  return [];
}

/** What the browser can check of one value: each problem as plain words. */
export function valueProblems(field, value, rules) {
  if (isPlaceholder(rules, value)) return ["replace the TODO placeholder with your own words"];
  if (field.type === "integer" || field.itemType === "integer") return numberProblems(field, value);
  if (typeof value !== "string") return [];
  const refused = rules.field.exec(value);
  if (refused) return [characterProblem(refused[0], true)];
  const problems = [];
  const length = [...value].length; // characters, as the check counts them, not UTF-16 units
  if (field.minLength && length < field.minLength) {
    problems.push(`write at least ${field.minLength} characters (now ${length})`);
  }
  if (field.maxLength && length > field.maxLength) {
    problems.push(`shorten it to ${field.maxLength} characters or fewer (now ${length})`);
  }
  const format = rules.formats[field.format];
  if (format && !format(value)) problems.push(FORMAT_ADVICE[field.format]);
  if (field.pattern && !whole(field.pattern).test(value)) {
    problems.push(`write it in the expected form: ${field.patternDescription || JSON.stringify(field.example)}`);
  }
  return problems;
}

/** A name as the check compares names: compatible forms, case, spacing and invisible characters aside. */
export function sameName(name) {
  const visible = name.normalize("NFKC").replace(/\p{Cf}/gu, "");
  return oneSpaced(visible.toUpperCase().toLowerCase());
}
