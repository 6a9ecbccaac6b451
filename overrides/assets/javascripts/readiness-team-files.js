/**
 * The team view's files: the combined view exported as JSON (every person's record, re-importable, plus what
 * was worked out) or as a spreadsheet's CSV (a row per statement, most disagreement first, a column per
 * person), each read back into the people it holds; and the same JSON kept in this browser until cleared.
 * A file of one person's answers (JSON or CSV) is read as readiness-files.js reads it. Plain functions.
 */
import { MAX_PEOPLE, combine } from "./readiness-combine.js";
import { MAX_FILE, parseCsv, readAnswersFile } from "./readiness-files.js";
import {
  RECORD_FORMAT,
  RECORD_VERSION,
  RecordError,
  csvCell,
  csvText,
  parseJson,
  readRecord,
  toRecord,
} from "./readiness-records.js";
import { DONT_KNOW } from "./readiness-scoring.js";

export const TEAM_FORMAT = "shared-learning-hub/readiness-team";
export const TEAM_VERSION = 1;
const AGAIN = "Export the team's answers again from the team page and load the new file.";
const TEAM_COLUMN = "Team answer";

/**
 * The combined view as JSON: `people` as `{file, name, ...record}` with their current answers only (not the
 * dated assessments a person's own file may carry), then what the page worked out from them.
 */
export function toTeam(instrument, people, names, now) {
  const team = combine(
    instrument,
    people.map((person, index) => ({ name: names[index], answers: person.answers })),
  );
  return {
    format: TEAM_FORMAT,
    version: TEAM_VERSION,
    instrument: instrument.id,
    instrumentVersion: instrument.version,
    exported: now.toISOString(),
    people: people.map((person, index) => ({
      file: person.file,
      name: names[index],
      ...toRecord(instrument, { ...person, history: [] }, person.saved ? new Date(person.saved) : now),
    })),
    combined: {
      domains: team.domains.map(({ domain, scores, median }) => ({
        id: domain.id,
        title: domain.title,
        scores,
        median,
      })),
      statements: team.statements.map(({ item, domain, answers, combined, spread, dontKnow }) => ({
        id: item.id,
        domain: domain.id,
        text: item.text,
        answers,
        teamAnswer: combined,
        spread,
        dontKnow,
      })),
    },
  };
}

/** The combined view as CSV, UTF-8 with a BOM: a row per statement in the order of disagreement. */
export function toTeamCsv(instrument, people, names) {
  const team = combine(
    instrument,
    people.map((person, index) => ({ name: names[index], answers: person.answers })),
  );
  const cell = (value) => (value === DONT_KNOW ? instrument.dont_know : value);
  const rows = [
    ["Statement id", "Domain", "Statement", ...names, TEAM_COLUMN, "Spread", "Don't know", "Assessment", "Version"],
    ...team.statements.map((row) => [
      row.item.id,
      row.domain.title,
      row.item.text,
      ...row.answers.map(cell),
      cell(row.combined),
      row.spread,
      row.dontKnow,
      instrument.id,
      instrument.version,
    ]),
  ];
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** A person's record as this page keeps it, checked like any import; `where` names it in a refusal. */
function person(instrument, record, file, where) {
  try {
    return { file, ...readRecord(instrument, record) };
  } catch (error) {
    if (error instanceof RecordError) error.message = `${where}: ${error.message}`;
    throw error;
  }
}

/** The people of a team JSON file, each checked as an import is. */
function readTeam(instrument, value) {
  if (value.version !== TEAM_VERSION || value.instrument !== instrument.id || !Array.isArray(value.people)) {
    throw new RecordError(
      `it is not a file of this team page, version ${TEAM_VERSION}, for "${instrument.title}"`,
      AGAIN,
    );
  }
  if (value.people.length > MAX_PEOPLE) {
    throw new RecordError(
      `it holds ${value.people.length} people's answers, more than the ${MAX_PEOPLE} combined here`,
    );
  }
  return value.people.map((record, index) =>
    person(instrument, record, typeof record.file === "string" ? record.file : "", `person ${index + 1}`),
  );
}

/** One cell of a person's column: a number on the scale, "don't know", or nothing. */
function answerCell(instrument, text, where) {
  const value = text.trim();
  if (value === "") return null;
  if (value === instrument.dont_know) return DONT_KNOW;
  if (/^\d+$/.test(value)) return Number(value);
  throw new RecordError(`${where}: "${value.slice(0, 40)}" is not an answer`, AGAIN);
}

/** The people of a team CSV file: a column each, between "Statement" and "Team answer". */
function readTeamCsv(instrument, text, file) {
  const [header, ...rows] = parseCsv(text);
  const names = header.cells.slice(3, header.cells.lastIndexOf(TEAM_COLUMN)).map(csvText);
  if (names.length > MAX_PEOPLE) {
    throw new RecordError(`it holds ${names.length} people's answers, more than the ${MAX_PEOPLE} combined here`);
  }
  const answers = names.map(() => ({}));
  for (const { line, cells } of rows) {
    if (cells.length !== header.cells.length || cells.at(-2) !== instrument.id) {
      throw new RecordError(`line ${line} is not a row of this team page's file for "${instrument.title}"`, AGAIN);
    }
    names.forEach((_, index) => {
      const value = answerCell(instrument, cells[3 + index], `line ${line}, ${names[index]}`);
      if (value !== null) answers[index][csvText(cells[0])] = value;
    });
  }
  const version = rows.length ? Number(rows[0].cells.at(-1)) : instrument.version;
  return names.map((name, index) =>
    person(
      instrument,
      {
        format: RECORD_FORMAT,
        version: RECORD_VERSION,
        instrument: instrument.id,
        instrumentVersion: version,
        respondent: name,
        answers: answers[index],
      },
      file,
      name,
    ),
  );
}

/** The people in a file's text: a team file's several, or the one of a person's answers (JSON or CSV). */
export function readPeople(instrument, text, file) {
  const body = text.replace(/^\uFEFF/, "");
  if (body.length <= MAX_FILE && /^\s*\{/.test(body)) {
    const value = parseJson(body);
    if (value && value.format === TEAM_FORMAT) return readTeam(instrument, value);
  }
  if (body.includes(`,${TEAM_COLUMN},Spread,`)) return readTeamCsv(instrument, body, file);
  return [{ file, ...readAnswersFile(instrument, text) }];
}
