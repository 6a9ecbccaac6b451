/**
 * The results page's "Change over time": the current answers saved as a dated assessment when the reader
 * chooses, each domain's score then and now against the previous one, and the kept assessments, each of
 * which can be deleted. Kept with the answers in this browser (readiness-store.js) and in the JSON export.
 */
import { h } from "./hub.js";
import { addSnapshot, changes, previous } from "./readiness-history.js";
import { ask, longDate, message, scrollable } from "./readiness-dom.js";

const shown = (value) => (value === null ? "Not scored" : value.toFixed(1));
const dated = (saved) => longDate(new Date(saved));

/** The table of each domain's score at the previous assessment and now. */
function changeTable(instrument, then, state) {
  const caption = `Scores by domain on ${dated(then.saved)} and now`;
  return scrollable(
    caption,
    h(
      "table",
      { class: "hub-readiness-changes" },
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Domain", `Then (${dated(then.saved)})`, "Now", "Change"].map((text) => h("th", { scope: "col" }, text)),
        ),
      ),
      h(
        "tbody",
        {},
        changes(instrument, then.answers, state.answers).map((row) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, row.domain.title),
            h("td", {}, shown(row.then)),
            h("td", {}, shown(row.now)),
            h("td", {}, row.change),
          ),
        ),
      ),
    ),
  );
}

/** What the section shows, or how to start keeping assessments when none is kept to compare with. */
function intro(then) {
  return then
    ? h("p", {}, `How each domain's score has changed since the assessment saved on ${dated(then.saved)}.`)
    : h(
        "p",
        {},
        "Save this assessment now, and when you answer again (each quarter, say) the change in each domain " +
          "since then is shown here.",
      );
}

/** The assessments kept, each with a button that deletes it (after asking), or nothing when none is kept. */
function kept(history, remove) {
  if (!history.length) return [];
  return [
    h("h3", { id: "history-kept" }, "Assessments kept in this browser"),
    h(
      "ul",
      { class: "hub-readiness-kept" },
      history.map((snapshot, index) =>
        h(
          "li",
          {},
          `${dated(snapshot.saved)}: ${Object.keys(snapshot.answers).length} answers `,
          h(
            "button",
            { type: "button", class: "md-button hub-readiness-small hub-readiness-actions", onclick: remove(index) },
            `Delete the assessment of ${dated(snapshot.saved)}`,
          ),
        ),
      ),
    ),
  ];
}

/** The "Change over time" section; it redraws itself after a save or a deletion. */
export function historySection(instrument, store, state) {
  const section = h("section", { class: "hub-readiness-history", "aria-labelledby": "history" });
  const status = h("div", { class: "hub-readiness-notices" });
  state.history ??= [];
  const keep = (history, words) => {
    const before = state.history;
    state.history = history;
    try {
      store.save(state, state.saved ? new Date(state.saved) : new Date());
      status.replaceChildren(message("info", words));
    } catch (error) {
      state.history = before;
      status.replaceChildren(message("error", "This browser would not keep it: its storage may be full or blocked."));
    }
    draw();
  };
  const asOf = dated(state.saved || new Date());
  const saveNow = () => {
    const history = addSnapshot(state.history, state.answers, state.saved || new Date().toISOString());
    if (history) keep(history, `This assessment is saved as of ${asOf}.`);
    else
      status.replaceChildren(
        message("info", `This assessment is already saved as of ${dated(state.history.at(-1).saved)}.`),
      );
  };
  const remove = (index) => async () => {
    const when = dated(state.history[index].saved);
    const sure = await ask(section, {
      question: `Delete the assessment of ${when}?`,
      detail: "Its answers are removed from this browser. A file you exported keeps its own copy.",
      yes: "Delete it",
      no: "Keep it",
    });
    if (sure)
      keep(
        state.history.filter((_, at) => at !== index),
        `The assessment of ${when} is deleted.`,
      );
  };

  function draw() {
    const then = previous(state.history, state.answers);
    section.replaceChildren(
      h("h2", { id: "history" }, "Change over time"),
      intro(then),
      then ? changeTable(instrument, then, state) : null,
      h(
        "p",
        { class: "hub-readiness-actions" },
        h("button", { type: "button", class: "md-button", onclick: saveNow }, `Save this assessment as of ${asOf}`),
      ),
      status,
      ...kept(state.history, remove),
    );
  }
  draw();
  return section;
}
