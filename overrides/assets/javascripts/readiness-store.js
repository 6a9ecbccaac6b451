/**
 * Answers kept in this browser: one versioned record per instrument in localStorage, and what the
 * pages say when that record cannot be read or written.
 *
 * A record that cannot be read (damaged, or of another version) is never moved, copied or saved
 * over: copying it could fail in a full storage, and the first new answer would then replace it.
 * It stays where it is until the reader, offered a download of it, chooses to start afresh. When a
 * save fails, the answers on the page are offered as a download, so nothing typed is lost.
 */
import { RecordError, readRecord, toCsv, toExport, toRecord } from "./readiness-records.js";
import { download, h } from "./hub.js";

/** The answers of a person who has not answered anything. */
export function empty() {
  return { respondent: "", answers: {}, saved: null };
}

/** Whether the reader has entered anything that an import or a fresh start would replace. */
export function entered(state) {
  return state.respondent !== "" || Object.keys(state.answers).length > 0;
}

export class Store {
  constructor(instrument) {
    this.instrument = instrument;
    this.key = `hub-readiness:${instrument.id}`;
  }

  /**
   * `{state}` with the saved answers; with `unavailable` when the browser refuses storage, or with
   * `unreadable: {reason, raw}` when a record is there but cannot be read (it is left as it is).
   */
  load() {
    let raw;
    try {
      raw = window.localStorage.getItem(this.key);
    } catch (error) {
      return { state: empty(), unavailable: true };
    }
    if (raw === null) return { state: empty() };
    try {
      return { state: readRecord(this.instrument, raw) };
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      return { state: empty(), unreadable: { reason: error.message, raw } };
    }
  }

  /**
   * Save the answers as of `when` (now, unless only the history changed); throws when the browser refuses
   * (full or blocked), leaving the stored record as it was.
   */
  save(state, when = new Date()) {
    const record = toRecord(this.instrument, state, when);
    window.localStorage.setItem(this.key, JSON.stringify(record));
    state.saved = record.saved;
  }

  clear() {
    window.localStorage.removeItem(this.key);
  }
}

function fileStem(instrument, state) {
  const who = (state.respondent || "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `readiness-${instrument.id}${who ? `-${who}` : ""}-${new Date().toISOString().slice(0, 10)}`;
}

/** Offer the answers as the JSON file the assessment page imports. */
export function downloadAnswers(instrument, state) {
  const text = JSON.stringify(toExport(instrument, state, new Date()), null, 1);
  download(`${fileStem(instrument, state)}.json`, "application/json", text);
}

/** Offer the answers as a spreadsheet's CSV. */
export function downloadCsv(instrument, state) {
  download(`${fileStem(instrument, state)}.csv`, "text/csv;charset=utf-8", toCsv(instrument, state));
}

/**
 * The notice for a record that cannot be read: why, a download of exactly what is stored, and
 * "Start afresh", which alone deletes it and then calls `afresh`.
 */
export function unreadableNotice(instrument, store, unreadable, afresh) {
  return h(
    "div",
    { class: "admonition warning hub-readiness-unreadable", role: "status" },
    h(
      "p",
      {},
      `Answers saved earlier in this browser could not be read: ${unreadable.reason}. `,
      "They are kept as they are, and nothing is saved over them until you choose: ",
      "download them to keep a copy, then start afresh to delete them and answer again.",
    ),
    h(
      "p",
      { class: "hub-readiness-actions" },
      h(
        "button",
        {
          type: "button",
          class: "md-button",
          onclick: () => download(`readiness-${instrument.id}-unreadable.json`, "application/json", unreadable.raw),
        },
        "Download the unreadable record",
      ),
      " ",
      h(
        "button",
        {
          type: "button",
          class: "md-button",
          onclick: () => {
            store.clear();
            afresh();
          },
        },
        "Start afresh",
      ),
    ),
  );
}

/** The alert for answers the browser would not save: they are still on the page, and can be downloaded. */
export function unsavedNotice(instrument, state) {
  return h(
    "div",
    { class: "admonition failure", role: "alert" },
    h(
      "p",
      {},
      "Your answers could not be saved in this browser: its storage may be full, or saving may be blocked. ",
      "They are still on this page. Download them now so they are not lost, and import the file here later.",
    ),
    h(
      "p",
      { class: "hub-readiness-actions" },
      h(
        "button",
        { type: "button", class: "md-button md-button--primary", onclick: () => downloadAnswers(instrument, state) },
        "Download your answers (JSON)",
      ),
    ),
  );
}
