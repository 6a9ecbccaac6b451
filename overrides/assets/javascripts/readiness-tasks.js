/**
 * Tasks a reader keeps beside the readiness pages: an approach's checklist (each essential ticked, or given an
 * owner and a target date) and the action plan's steps (each with an owner, a target date and a review date).
 * Plain functions over plain data, no DOM or storage, so that `node --test` checks them.
 *
 * Both are kept in localStorage under keys starting `hub-readiness:`, the family the privacy page declares.
 * Dates are kept as typed (27/11/2026), so a reader sees on reload what they wrote; they are read as day,
 * month and year, as in the UK, and written out as YYYY-MM-DD in the files a reader downloads.
 */
import { DATE_WORDS, realDay, storedDate } from "./share-dates.js";
import { csvCell } from "./readiness-records.js";
import { isScaleAnswer } from "./readiness-scoring.js";

export const TASKS_FORMAT = "shared-learning-hub/readiness-tasks";
/** The fields a task keeps, each text. */
export const TASK_FIELDS = ["owner", "due", "review"];

export const checklistKey = (slug) => `hub-readiness:checklist:${slug}`;
export const actionsKey = (instrumentId) => `hub-readiness:actions:${instrumentId}`;

/** A date as typed: `{iso}` (empty when nothing is typed) or `{error}` in plain words. */
export function typedDate(text) {
  const typed = (text || "").trim();
  if (!typed) return { iso: "" };
  const iso = storedDate(typed, "date");
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && realDay(iso)) return { iso };
  return { error: `"${typed}" is not a date we can read: ${DATE_WORDS.date}` };
}

/**
 * The tasks kept under a key, as `{id: {done, owner, due, review}}`; anything stored in another shape (damaged,
 * or written by something else) reads as no tasks rather than a broken page.
 */
export function readTasks(raw) {
  let record;
  try {
    record = JSON.parse(raw);
  } catch (error) {
    return {};
  }
  if (!record || record.format !== TASKS_FORMAT || typeof record.tasks !== "object" || !record.tasks) return {};
  const tasks = {};
  for (const [id, task] of Object.entries(record.tasks)) {
    if (!task || typeof task !== "object") continue;
    tasks[id] = { done: task.done === true };
    for (const field of TASK_FIELDS) tasks[id][field] = typeof task[field] === "string" ? task[field] : "";
  }
  return tasks;
}

/** The record kept in storage for `tasks`. */
export function tasksRecord(tasks, now) {
  return { format: TASKS_FORMAT, saved: now.toISOString(), tasks };
}

/**
 * Each essential of an approach that a statement answers: met when the saved answer is `met_from` or higher,
 * not met when lower, and unknown when the statement has no answer on the scale.
 */
export function fromAnswers(instrument, slug, answers) {
  const items = Object.fromEntries(instrument.domains.flatMap((domain) => domain.items).map((item) => [item.id, item]));
  const found = {};
  for (const overlap of instrument.essentials || []) {
    if (overlap.approach !== slug || !items[overlap.item]) continue;
    const answer = answers[overlap.item];
    const status = !isScaleAnswer(instrument, answer) ? "unknown" : answer >= instrument.met_from ? "met" : "not-met";
    found[overlap.essential] = { status, item: items[overlap.item], answer: answer ?? null };
  }
  return found;
}

/** The rows of an approach's checklist: each essential with what the reader entered and what the answers say. */
export function checklistRows(checklist, tasks, status) {
  return checklist.essentials.map(({ id, text }) => ({
    id,
    text,
    done: false,
    owner: "",
    due: "",
    ...(tasks[id] || {}),
    answers: status[id] ? status[id].status : "",
  }));
}

const STATUS_WORDS = { met: "met", "not-met": "not met", unknown: "not known" };

/** Words for what the assessment's answers say of an essential: "met", "not met", "not known" or "". */
export const statusWords = (status) => STATUS_WORDS[status] || "";

/** A date for a file: YYYY-MM-DD when it reads as one, else the text as typed. */
const fileDate = (typed) => typedDate(typed).iso ?? typed.trim();

/** The checklist as the JSON file a reader downloads. */
export function checklistExport(slug, title, rows, now) {
  return {
    format: "shared-learning-hub/readiness-checklist",
    approach: slug,
    title,
    exported: now.toISOString(),
    essentials: rows.map((row) => ({
      id: row.id,
      text: row.text,
      in_place: row.done,
      owner: row.done ? "" : row.owner,
      target_date: row.done ? "" : fileDate(row.due),
      from_assessment: statusWords(row.answers),
    })),
  };
}

/** The checklist as CSV, UTF-8 with a BOM so that spreadsheets read it right. */
export function checklistCsv(title, rows) {
  const lines = [["Approach", "Essential id", "Essential", "In place", "Owner", "Target date", "From the assessment"]];
  for (const row of rows) {
    lines.push([
      title,
      row.id,
      row.text,
      row.done ? "yes" : "no",
      row.done ? "" : row.owner,
      row.done ? "" : fileDate(row.due),
      statusWords(row.answers),
    ]);
  }
  return "\uFEFF" + lines.map((line) => line.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
