/**
 * A person's answers as a record: the one saved in this browser and exported as JSON, read back with every
 * field checked against the instrument, and the CSV a spreadsheet opens. Plain functions, like the scoring.
 */
import { DONT_KNOW, isScaleAnswer, score, statements } from "./readiness-scoring.js";
import { recommend } from "./readiness-recommend.js";

export const RECORD_FORMAT = "shared-learning-hub/readiness-answers";
/** Version of the saved and exported record's shape; a record of another version is set aside. */
export const RECORD_VERSION = 1;
const MAX_RESPONDENT = 100;

export class RecordError extends Error {}

function describe(value) {
  return JSON.stringify(value).slice(0, 40);
}

/**
 * A saved or exported record checked against the instrument: `{respondent, answers, saved}`.
 * Throws RecordError with a message a person can act on; never returns something half-read.
 */
export function readRecord(instrument, input) {
  let record = input;
  if (typeof input === "string") {
    try {
      record = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new RecordError(`it is not a JSON file, or it is damaged (${error.message})`);
    }
  }
  if (!record || typeof record !== "object" || Array.isArray(record) || record.format !== RECORD_FORMAT) {
    throw new RecordError("it is not a file of answers exported from a readiness assessment on this hub");
  }
  if (record.version !== RECORD_VERSION) {
    throw new RecordError(
      `it is in format version ${describe(record.version)}, and this page reads version ${RECORD_VERSION}`,
    );
  }
  if (record.instrument !== instrument.id) {
    throw new RecordError(
      `it holds answers to another assessment (${describe(record.instrument)}), not "${instrument.title}"`,
    );
  }
  if (record.instrumentVersion !== instrument.version) {
    throw new RecordError(
      `it holds answers to version ${describe(record.instrumentVersion)} of "${instrument.title}", ` +
        `and the statements have changed since: this is version ${instrument.version}`,
    );
  }
  if (!record.answers || typeof record.answers !== "object" || Array.isArray(record.answers)) {
    throw new RecordError("it has no answers in it");
  }
  const known = new Set(statements(instrument).map(({ item }) => item.id));
  const answers = {};
  for (const [id, value] of Object.entries(record.answers)) {
    if (!known.has(id)) throw new RecordError(`it answers a statement this assessment does not have (${describe(id)})`);
    if (value === null) continue;
    if (value !== DONT_KNOW && !isScaleAnswer(instrument, value)) {
      throw new RecordError(
        `the answer to "${id}" is ${describe(value)}, which is not 1 to ${instrument.scale.length} or "don't know"`,
      );
    }
    answers[id] = value;
  }
  const respondent = record.respondent ?? "";
  if (typeof respondent !== "string" || respondent.length > MAX_RESPONDENT) {
    throw new RecordError(`the name or role in it is not text of up to ${MAX_RESPONDENT} characters`);
  }
  const saved = typeof record.saved === "string" && !Number.isNaN(Date.parse(record.saved)) ? record.saved : null;
  return { respondent, answers, saved };
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

function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`; // not run as a formula
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per statement, with its domain's score and band, as UTF-8 with a BOM so spreadsheets read it right. */
export function toCsv(instrument, state) {
  const result = score(instrument, state.answers);
  const byDomain = Object.fromEntries(result.domains.map((entry) => [entry.domain.id, entry]));
  const rows = [
    [
      "Respondent",
      "Domain",
      "Domain score",
      "Domain band",
      "Statement id",
      "Statement",
      "Essential",
      "Answer",
      "Answer label",
    ],
  ];
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
        ? "Not answered"
        : value === DONT_KNOW
          ? instrument.dont_know
          : instrument.scale[value - 1],
    ]);
  }
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
