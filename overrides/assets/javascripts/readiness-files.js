/**
 * A file of answers a person imports: the JSON or the CSV that the results page exports, recognised by its
 * content (a spreadsheet may rename it), read and checked into `{respondent, answers, saved}`. Anything else
 * is refused with a RecordError naming the line or field and what to do. Plain functions, no page.
 */
import {
  CSV_COLUMNS,
  NOT_ANSWERED,
  RECORD_FORMAT,
  RECORD_VERSION,
  RecordError,
  checkAnswer,
  csvText,
  readRecord,
} from "./readiness-records.js";
import { DONT_KNOW, statements } from "./readiness-scoring.js";

/** Far more than any file of answers: a larger file is something else, and is not read. */
export const MAX_FILE = 1_000_000;
const AGAIN = "Export the answers again from the results page and import the new file.";

/** The rows of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks), each with its line. */
export function parseCsv(text) {
  const rows = [];
  let cells = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (quoted && char === '"') {
      if (text[at + 1] === '"') [cell, at] = [cell + '"', at + 1];
      else quoted = false;
    } else if (quoted) {
      if (char === "\n") line += 1;
      cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === ",") [cells, cell] = [[...cells, cell], ""];
    else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[at + 1] === "\n") at += 1;
      rows.push({ line: rowLine, cells: [...cells, cell] });
      [cells, cell, line] = [[], "", line + 1];
      rowLine = line;
    } else cell += char;
  }
  if (quoted) {
    throw new RecordError(`line ${rowLine}: a quoted cell is never closed, so the file may be cut short`, AGAIN);
  }
  if (cell !== "" || cells.length) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows.filter((row) => row.cells.some((value) => value.trim() !== ""));
}

/** The CSV's header checked: every column the export writes, each found by its name. */
function columns(header) {
  const index = Object.fromEntries(header.cells.map((name, at) => [name.trim(), at]));
  const missing = CSV_COLUMNS.filter((name) => !(name in index));
  if (missing.length) {
    throw new RecordError(
      `line ${header.line}: the column names are not those of an exported file of answers ` +
        `(missing: ${missing.map((name) => `"${name}"`).join(", ")})`,
      `Import the CSV file exactly as the results page exported it, or the JSON file. ${AGAIN}`,
    );
  }
  return index;
}

/** One row's answer: the number in "Answer", "don't know" from its label, or null when not answered. */
function rowAnswer(instrument, answer, label, where) {
  if (/^\d+$/.test(answer)) return Number(answer);
  if (answer !== "") return answer;
  if (label === instrument.dont_know) return DONT_KNOW;
  if (label === NOT_ANSWERED || label === "") return null;
  throw new RecordError(
    `${where}: "Answer" is empty and "Answer label" says "${label}"`,
    `Put the number 1 to ${instrument.scale.length} in "Answer", or leave both as exported.`,
  );
}

/** The assessment, version and respondent of a row, which must be the same on every row. */
function checkRow(instrument, row, first, where) {
  if (row.Assessment !== instrument.id) {
    throw new RecordError(
      `${where}: "Assessment" is "${row.Assessment}", another assessment than "${instrument.title}"`,
      "Import it on that assessment's page, or choose a file exported from this one.",
    );
  }
  if (row["Assessment version"] !== String(instrument.version)) {
    throw new RecordError(
      `${where}: "Assessment version" is "${row["Assessment version"]}", and the statements have changed ` +
        `since: this is version ${instrument.version}`,
      "Answer the statements again on this page; the old file still shows what was answered then.",
    );
  }
  if (first && row.Respondent !== first.Respondent) {
    throw new RecordError(`${where}: "Respondent" is not the same as on line ${first.line}`, AGAIN);
  }
}

/** The answers in a CSV text the results page exported. */
export function readCsv(instrument, text) {
  const [header, ...rows] = parseCsv(text);
  const index = columns(header);
  const known = new Set(statements(instrument).map(({ item }) => item.id));
  const seen = new Map();
  const answers = {};
  let first = null;
  for (const { line, cells } of rows) {
    const where = `line ${line}`;
    if (cells.length !== header.cells.length) {
      throw new RecordError(
        `${where} has ${cells.length} cells where the first line names ${header.cells.length} columns, ` +
          "so the file may be cut short or changed",
        AGAIN,
      );
    }
    const row = Object.fromEntries(CSV_COLUMNS.map((name) => [name, csvText(cells[index[name]])]));
    row.line = line;
    checkRow(instrument, row, first, where);
    first ??= row;
    const id = row["Statement id"];
    if (seen.has(id)) throw new RecordError(`${where}: statement "${id}" is also on line ${seen.get(id)}`, AGAIN);
    seen.set(id, line);
    const value = rowAnswer(instrument, row.Answer.trim(), row["Answer label"], where);
    if (checkAnswer(instrument, known, id, value, where) !== null) answers[id] = value;
  }
  if (seen.size < known.size) {
    const last = rows.length ? rows.at(-1).line : header.line;
    throw new RecordError(
      `it stops at line ${last} with ${seen.size} of the ${known.size} statements, so it may be cut short`,
      AGAIN,
    );
  }
  return readRecord(instrument, {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    instrument: instrument.id,
    instrumentVersion: instrument.version,
    respondent: first.Respondent,
    answers,
    saved: first.Saved,
  });
}

/** The answers in a file's text, JSON or CSV, or a RecordError saying why not and what to do. */
export function readAnswersFile(instrument, text) {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") {
    throw new RecordError("the file is empty", `Check that you chose the right file. ${AGAIN}`);
  }
  if (body.length > MAX_FILE) {
    throw new RecordError("it is far larger than a file of answers", "Choose the JSON or CSV file the page exported.");
  }
  if (/^\s*[{[]/.test(body)) return readRecord(instrument, body);
  if (body.split(/\r?\n/, 1)[0].includes(",")) return readCsv(instrument, body);
  throw new RecordError(
    "it is neither a JSON nor a CSV file of answers exported from a readiness assessment on this hub",
    "Choose the JSON or CSV file the results page exported; a spreadsheet edited in Excel must be saved as CSV.",
  );
}
