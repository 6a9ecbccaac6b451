/**
 * The form's state and the entry file it makes: an empty state from the description, a saved draft laid over
 * it, the values cleaned as the file holds them, the file's text and name, and the address that proposes it.
 * The slug rule (its length and the characters a slug keeps) comes from the description, as hooks/model/slugs.py
 * has it.
 */
import { storedDate } from "./share-dates.js";
import { valueLines } from "./share-yaml.js";

export const DRAFT_VERSION = 1;

/** The file name for a title, as hooks/model/slugs.py's slugify makes it, by the description's `slug` rule. */
export function slugify(title, rule) {
  const slug = String(title)
    .normalize("NFKD")
    .replace(/[\u0080-\u{10ffff}]/gu, "")
    .toLowerCase()
    .replace(new RegExp(rule.separators, "g"), "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= rule.length) return slug;
  const cut = slug.slice(0, rule.length + 1);
  const wholeWords = cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : "";
  return wholeWords.length >= Math.floor(rule.length / 2) ? wholeWords : slug.slice(0, rule.length);
}

/** Today's date in this browser, as YYYY-MM-DD. */
function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

/**
 * Whether the form fills a field in itself, without asking: the hub's own date of publication is the day the
 * file is written.
 */
export function filledIn(field) {
  return field.default === "today";
}

/** The starting state of a field: what an empty form holds, or what the schema fills in (`default`). */
function initialValue(field) {
  if (filledIn(field)) return today();
  if (field.fields.length && field.type === "array") {
    return Array.from({ length: Math.max(field.minItems, 1) }, () => initialGroup(field.fields));
  }
  if (field.fields.length) return initialGroup(field.fields);
  if (field.type === "array") return field.choices ? [] : "";
  if (field.type === "boolean") return false;
  return "";
}

export function initialGroup(fields) {
  return Object.fromEntries(fields.map((field) => [field.name, initialValue(field)]));
}

export function allSections(sections) {
  return sections.flatMap((section) => [section, ...allSections(section.subsections)]);
}

export function initialState(spec) {
  return {
    fields: initialGroup(spec.fields),
    sections: Object.fromEntries(allSections(spec.sections).map((section) => [section.title, ""])),
  };
}

/** A saved state laid over the empty one, keeping only what still fits the fields. */
export function mergeState(spec, saved) {
  const state = initialState(spec);
  const fit = (field, value, fallback) => {
    if (field.fields.length && field.type === "array") {
      return Array.isArray(value) && value.length
        ? value.map((item) => mergeGroup(field.fields, item, initialGroup(field.fields)))
        : fallback;
    }
    if (field.fields.length) return mergeGroup(field.fields, value, fallback);
    return typeof value === typeof fallback && Array.isArray(value) === Array.isArray(fallback) ? value : fallback;
  };
  const mergeGroup = (fields, value, fallback) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return fallback;
    return Object.fromEntries(fields.map((field) => [field.name, fit(field, value[field.name], fallback[field.name])]));
  };
  state.fields = mergeGroup(spec.fields, saved && saved.fields, state.fields);
  for (const title of Object.keys(state.sections)) {
    const text = saved && saved.sections && saved.sections[title];
    if (typeof text === "string") state.sections[title] = text;
  }
  return state;
}

/**
 * Form state to the values the file holds: trimmed, typed, dates as the schema writes them, empty optional parts
 * left out, and what the form fills in itself (the hub's date) filled in.
 */
export function clean(field, raw) {
  if (filledIn(field)) return today();
  if (field.fields.length && field.type === "array") {
    const items = (raw || []).map((item) => cleanGroup(field.fields, item)).filter((item) => item !== undefined);
    return items.length || field.required ? items : undefined;
  }
  if (field.fields.length) return cleanGroup(field.fields, raw);
  if (field.type === "array") {
    let items = field.choices
      ? field.choices.map((c) => c.value).filter((v) => (raw || []).includes(v))
      : String(raw || "")
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean);
    if (field.itemType === "integer") items = items.map((v) => (/^-?\d+$/.test(String(v)) ? Number(v) : v));
    return items.length ? items : undefined;
  }
  if (field.type === "boolean") return Boolean(raw);
  const text = String(raw === undefined ? "" : raw)
    .trim()
    .replace(/\s*\n\s*/g, " ");
  if (!text) return undefined;
  if (field.type === "integer" && /^-?\d+$/.test(text)) return Number(text);
  if (field.format === "date" || field.format === "partial-date") return storedDate(text, field.format);
  return text;
}

export function cleanGroup(fields, raw) {
  const result = {};
  let filled = false;
  for (const field of fields) {
    const value = clean(field, raw ? raw[field.name] : undefined);
    if (value === undefined || (field.type === "boolean" && value === false && !field.required)) continue;
    result[field.name] = value;
    if (field.type !== "boolean") filled = true;
  }
  return filled ? result : undefined;
}

function cleanFields(spec, state) {
  const values = {};
  for (const field of spec.fields) {
    const value = clean(field, state.fields[field.name]);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

/**
 * The body's lines (a section's text is one of them), and the line number, from 0, of each section's
 * heading, in the order of `allSections`.
 */
export function bodyLines(spec, texts) {
  const lines = [];
  const headings = [];
  let count = 0;
  const push = (...added) => {
    lines.push(...added);
    count += added.reduce((sum, text) => sum + text.split("\n").length - 1 + 1, 0);
  };
  const add = (sections, level) => {
    for (const section of sections) {
      push("");
      headings.push(count);
      push(`${"#".repeat(level)} ${section.title}`);
      const text = String(texts[section.title] || "")
        .replace(/\r\n?/g, "\n")
        .replace(/\s+$/, "");
      if (text) push("", text);
      add(section.subsections, level + 1);
    }
  };
  add(spec.sections, 2);
  return { lines, headings };
}

/** The complete entry file for the form's state. */
export function entryText(spec, state) {
  const values = cleanFields(spec, state);
  const lines = ["---"];
  for (const field of spec.fields) {
    if (values[field.name] !== undefined) lines.push(...valueLines(`${field.name}:`, values[field.name], ""));
  }
  lines.push("---", ...bodyLines(spec, state.sections).lines);
  return lines.join("\n") + "\n";
}

export function fileName(spec, state) {
  return `${slugify(String(state.fields.title || ""), spec.slug) || "my-" + spec.kind.replace(/_/g, "-")}.md`;
}

/** The "Propose on GitHub" address: the new-file page with the file filled in, if it fits in a link. */
export function proposeUrl(spec, name, text) {
  const base = `${spec.newFileUrl}?filename=${encodeURIComponent(name)}`;
  const full = `${base}&value=${encodeURIComponent(text)}`;
  return full.length <= spec.maxUrlLength ? { url: full, complete: true } : { url: base, complete: false };
}

/**
 * A saved draft: its state laid over the fields, and when it was saved (null when that is missing
 * or not a date, so no "Invalid Date" is ever shown). Throws when the text is not a draft this form wrote.
 */
export function readDraft(spec, raw) {
  const record = JSON.parse(raw);
  if (!record || record.version !== DRAFT_VERSION || !record.state || typeof record.state !== "object") {
    throw new Error("not a draft of this form");
  }
  const saved = typeof record.saved === "string" ? new Date(record.saved) : null;
  return { state: mergeState(spec, record.state), saved: saved && !Number.isNaN(saved.getTime()) ? saved : null };
}
