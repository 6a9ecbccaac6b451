/**
 * A person's answers as a record: the one saved in this browser and exported as JSON, read back with every
 * field checked against the instrument, and the CSV a spreadsheet opens. Plain functions, like the scoring.
 */
import { DONT_KNOW, isScaleAnswer, score, statements } from "./readiness-scoring.js";
import { MAX_NAME } from "./readiness-history.js";
import { recommend } from "./readiness-recommend.js";

export const RECORD_FORMAT = "shared-learning-hub/readiness-answers";
/**
 * Version of the saved and exported record's shape; a record of another version is set aside. Version 2 added
 * `history`, the dated assessments kept; a version 1 record is read as one with no history.
 */
export const RECORD_VERSION = 2;
const READABLE = [1, RECORD_VERSION];
const MAX_RESPONDENT = 100;
/** Far more dated assessments than a quarterly habit keeps in a decade: a longer list is not one of ours. */
export const MAX_HISTORY = 100;

/** Why a record was refused, in words a person can act on, and `todo`: what to do about it. */
export class RecordError extends Error {
  constructor(message, todo = "Choose a file of answers exported from this assessment's results page.") {
    super(message);
    this.todo = todo;
  }
}

/**
 * JSON text parsed, or refused naming the line where it stops making sense; the parser's own message is
 * written for programmers, so it is never shown.
 */
export function parseJson(text) {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const at = /position (\d+)/.exec(error.message);
    const position = at ? Number(at[1]) : text.length;
    const line = text.slice(0, position).split("\n").length;
    const where =
      position < text.trimEnd().length - 1
        ? `it cannot be read from line ${line} on`
        : `it ends on line ${line} before it is complete, so it may be cut short`;
    throw new RecordError(
      `it is not a JSON file, or it is damaged: ${where}`,
      "Export the answers again from the results page and import the new file.",
    );
  }
}

/** An answer checked against the scale: a number on it, "don't know", or null (none); `where` names it. */
export function checkAnswer(instrument, known, id, value, where) {
  if (!known.has(id)) {
    throw new RecordError(`${where}: ${describe(id)} is a statement this assessment does not have`);
  }
  if (value !== null && value !== DONT_KNOW && !isScaleAnswer(instrument, value)) {
    throw new RecordError(
      `${where}: the answer to "${id}" is ${describe(value)}, which is not 1 to ${instrument.scale.length} ` +
        `or "${instrument.dont_know}"`,
      "Correct it, or export the answers again from the results page.",
    );
  }
  return value;
}

function describe(value) {
  return JSON.stringify(value).slice(0, 40);
}

/**
 * A saved or exported record checked against the instrument: `{respondent, answers, saved, history}`.
 * Throws RecordError with a message a person can act on; never returns something half-read.
 */
export function readRecord(instrument, input) {
  let record = input;
  if (typeof input === "string") record = parseJson(input);
  if (!record || typeof record !== "object" || Array.isArray(record) || record.format !== RECORD_FORMAT) {
    throw new RecordError("it is not a file of answers exported from a readiness assessment on this hub");
  }
  if (!READABLE.includes(record.version)) {
    throw new RecordError(
      `its "version" field says format version ${describe(record.version)}, and this page reads version ` +
        READABLE.join(" or "),
      "Export the answers again from the results page of this hub and import the new file.",
    );
  }
  if (record.instrument !== instrument.id) {
    throw new RecordError(
      `its "instrument" field says it holds answers to another assessment (${describe(record.instrument)}), ` +
        `not "${instrument.title}"`,
      "Import it on that assessment's page, or choose a file exported from this one.",
    );
  }
  if (record.instrumentVersion !== instrument.version) {
    throw new RecordError(
      `its "instrumentVersion" field says it holds answers to version ${describe(record.instrumentVersion)} ` +
        `of "${instrument.title}", and the statements have changed since: this is version ${instrument.version}`,
      "Answer the statements again on this page; the old file still shows what was answered then.",
    );
  }
  if (!record.answers || typeof record.answers !== "object" || Array.isArray(record.answers)) {
    throw new RecordError('its "answers" field is missing or is not a list of answers');
  }
  const known = new Set(statements(instrument).map(({ item }) => item.id));
  const answers = {};
  for (const [id, value] of Object.entries(record.answers)) {
    if (checkAnswer(instrument, known, id, value, `in "answers"`) !== null) answers[id] = value;
  }
  const respondent = record.respondent ?? "";
  if (typeof respondent !== "string" || respondent.length > MAX_RESPONDENT) {
    throw new RecordError(
      `the name or role in it ("respondent") is not text of up to ${MAX_RESPONDENT} characters`,
      "Shorten it, or export the answers again from the results page.",
    );
  }
  return { respondent, answers, saved: dateOf(record.saved), history: readHistory(instrument, known, record.history) };
}

function dateOf(value) {
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** The dated assessments of a record, each `{saved, answers, name?}` checked like the answers; none in version 1. */
function readHistory(instrument, known, history) {
  if (history === undefined) return [];
  if (!Array.isArray(history) || history.length > MAX_HISTORY) {
    throw new RecordError(`its "history" field is not a list of up to ${MAX_HISTORY} dated assessments`);
  }
  return history.map((snapshot, index) => {
    const where = `in "history", assessment ${index + 1}`;
    const saved = dateOf(snapshot && snapshot.saved);
    if (!saved || !snapshot.answers || typeof snapshot.answers !== "object" || Array.isArray(snapshot.answers)) {
      throw new RecordError(`${where} has no valid "saved" date or no "answers"`);
    }
    const answers = {};
    for (const [id, value] of Object.entries(snapshot.answers)) {
      if (checkAnswer(instrument, known, id, value, where) !== null) answers[id] = value;
    }
    if (snapshot.name !== undefined && (typeof snapshot.name !== "string" || snapshot.name.length > MAX_NAME)) {
      throw new RecordError(`${where} has a "name" that is not a text of up to ${MAX_NAME} characters`);
    }
    return { saved, answers, ...(snapshot.name ? { name: snapshot.name } : {}) };
  });
}

/** The record kept in the browser: the answers and who gave them, and nothing worked out from them. */
export function toRecord(instrument, state, now) {
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    instrument: instrument.id,
    instrumentVersion: instrument.version,
    respondent: state.respondent || "",
    answers: state.answers,
    saved: now.toISOString(),
    history: state.history || [],
  };
}

/** The approaches the results show: the ranked recommendations, or those whose `fits` rules hold. */
function approachesOf(instrument, result, answers) {
  if (!instrument.recommend || !instrument.recommend.length) {
    return result.fits.map(({ slug, approach, reasons }) => ({ slug, title: approach.title, reasons }));
  }
  return recommend(instrument, result.domains, answers).recommended.map(({ slug, approach, reasons }) => ({
    slug,
    title: approach.title,
    reasons: reasons.map((reason) => reason.text),
  }));
}

/** The JSON export: the record (re-importable) plus the results, for reading elsewhere. */
export function toExport(instrument, state, now) {
  const result = score(instrument, state.answers);
  return {
    ...toRecord(instrument, state, now),
    saved: state.saved || now.toISOString(),
    exported: now.toISOString(),
    results: {
      answered: result.answered,
      dontKnow: result.dontKnow.map(({ item }) => item.id),
      unanswered: result.unanswered.map(({ item }) => item.id),
      domains: result.weakestFirst.map(({ domain, score: value, band, answered }) => ({
        id: domain.id,
        title: domain.title,
        score: value,
        band: band ? band.label : null,
        answered,
      })),
      essentialsNotMet: result.essentials.map(({ item }) => item.id),
      approaches: approachesOf(instrument, result, state.answers),
    },
  };
}

/**
 * Text a spreadsheet would run as a formula, or that starts with the apostrophe put before such text: both
 * get an apostrophe in front, so that reading one back off (`csvText`) gives exactly the text written.
 */
const FORMULA = /^[=+\-@\t\r']/;

/** A cell's text as it was before `csvCell` protected it from being run as a formula. */
export function csvText(cell) {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A value as a CSV cell: quoted where needed, and never run by a spreadsheet as a formula. */
export function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && FORMULA.test(text)) text = `'${text}`; // not run as a formula
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV's columns, written and read back by name. The last three say whose assessment and which version
 * of it, so that the file can be imported again.
 */
export const CSV_COLUMNS = [
  "Respondent",
  "Domain",
  "Domain score",
  "Domain band",
  "Statement id",
  "Statement",
  "Essential",
  "Answer",
  "Answer label",
  "Assessment",
  "Assessment version",
  "Saved",
];

/** The words in the "Answer label" column for a statement with no answer. */
export const NOT_ANSWERED = "Not answered";

/** One row per statement, with its domain's score and band, as UTF-8 with a BOM so spreadsheets read it right. */
export function toCsv(instrument, state) {
  const result = score(instrument, state.answers);
  const byDomain = Object.fromEntries(result.domains.map((entry) => [entry.domain.id, entry]));
  const rows = [CSV_COLUMNS];
  for (const { domain, item } of statements(instrument)) {
    const value = state.answers[item.id];
    const domainScore = byDomain[domain.id];
    rows.push([
      state.respondent || "",
      domain.title,
      domainScore.score ?? "",
      domainScore.band ? domainScore.band.label : "",
      item.id,
      item.text,
      item.essential ? "yes" : "no",
      isScaleAnswer(instrument, value) ? value : "",
      value === undefined || value === null
        ? NOT_ANSWERED
        : value === DONT_KNOW
          ? instrument.dont_know
          : instrument.scale[value - 1],
      instrument.id,
      instrument.version,
      state.saved || "",
    ]);
  }
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
