/**
 * The results page's "Change over time": the current answers saved, under a name the reader may give, as a
 * dated assessment; any two of the kept assessments (or the answers now) compared, each domain's score as a
 * chart and a table ("Leadership: 2.4 to 3.6") with the action plan's steps closed in between; and the kept
 * assessments, each of which can be deleted. Kept with the answers in this browser (readiness-store.js) and in
 * the JSON export; nothing leaves the browser.
 */
import { h } from "./hub.js";
import { addSnapshot, changes, closedSince, MAX_NAME, previous } from "./readiness-history.js";
import { ask, longDate, message, scrollable } from "./readiness-dom.js";

const shown = (value) => (value === null ? "Not scored" : value.toFixed(1));
const dated = (saved) => longDate(new Date(saved));
const NOW = "now";

/** An assessment as the page names it: the reader's name for it and its date, or its date alone. */
const called = (snapshot) => (snapshot.name ? `${snapshot.name} (${dated(snapshot.saved)})` : dated(snapshot.saved));

/** The table of each domain's score in the two assessments compared. */
function changeTable(rows, from, to) {
  const caption = `Scores by domain: ${from} and ${to}`;
  const head = ["Domain", `Then (${from})`, to === "your answers now" ? "Now" : `Then (${to})`, "Change"];
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
          head.map((text) => h("th", { scope: "col" }, text)),
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((row) =>
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

/** The same scores drawn: for each domain a hollow bar then and a filled bar now, with the words beside them. */
function changeChart(rows, max) {
  const bar = (value, kind) =>
    h("span", { class: `hub-change-bar hub-change-bar--${kind}`, style: `width: ${((value || 0) / max) * 100}%` });
  return h(
    "figure",
    { class: "hub-readiness-change-chart" },
    h("figcaption", {}, "Each domain's score, then as a hollow bar and now as a filled bar, out of " + `${max}.`),
    h(
      "ul",
      {},
      rows.map((row) =>
        h(
          "li",
          {},
          h("span", { class: "hub-change-words" }, `${row.words} (${row.change})`),
          h("span", { class: "hub-change-bars", "aria-hidden": "true" }, bar(row.then, "then"), bar(row.now, "now")),
        ),
      ),
    ),
  );
}

/** Run `redraw`, then give the focus back to the control that had it, which the redraw replaced. */
function keepingFocus(redraw) {
  const focused = document.activeElement && document.activeElement.id;
  redraw();
  if (focused) document.getElementById(focused)?.focus();
}

/** The two assessments to compare, chosen from the kept ones and the answers now. */
function chooser(history, choice, redraw) {
  const options = (selected, withNow) => [
    ...history.map((snapshot, index) =>
      h("option", { value: String(index), selected: selected === String(index) }, called(snapshot)),
    ),
    ...(withNow ? [h("option", { value: NOW, selected: selected === NOW }, "Your answers now")] : []),
  ];
  const from = h("select", { id: "hub-readiness-compare-from" }, options(choice.from, false));
  const to = h("select", { id: "hub-readiness-compare-to" }, options(choice.to, true));
  const changed = () => keepingFocus(() => redraw({ from: from.value, to: to.value }));
  from.addEventListener("change", changed);
  to.addEventListener("change", changed);
  return h(
    "p",
    { class: "hub-readiness-compare" },
    h("label", { for: "hub-readiness-compare-from" }, "Compare "),
    from,
    h("label", { for: "hub-readiness-compare-to" }, " with "),
    to,
  );
}

/** The comparison of two assessments: the chart, the table and the steps of the plan closed in between. */
function comparison(instrument, state, choice) {
  const then = state.history[Number(choice.from)];
  const later = choice.to === NOW ? { answers: state.answers } : state.history[Number(choice.to)];
  const to = choice.to === NOW ? "your answers now" : called(later);
  const rows = changes(instrument, then.answers, later.answers);
  const closed = closedSince(instrument, then.answers, later.answers);
  return [
    changeChart(rows, instrument.scale.length),
    changeTable(rows, called(then), to),
    h("h3", { id: "history-closed" }, `Action plan steps closed since ${called(then)}`),
    closed.length
      ? h(
          "ul",
          { class: "hub-readiness-closed" },
          closed.map((words) => h("li", {}, words)),
        )
      : h("p", {}, "None of the action plan's steps was closed in between."),
  ];
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
          `${called(snapshot)}: ${Object.keys(snapshot.answers).length} answers `,
          h(
            "button",
            { type: "button", class: "md-button hub-readiness-small hub-readiness-actions", onclick: remove(index) },
            `Delete the assessment of ${called(snapshot)}`,
          ),
        ),
      ),
    ),
  ];
}

/** The name field and the button that keep the answers now as a dated assessment. */
function saveControls(asOf, saveNow) {
  const name = h("input", { type: "text", id: "hub-readiness-snapshot-name", maxlength: String(MAX_NAME) });
  return h(
    "div",
    { class: "hub-readiness-actions hub-readiness-save" },
    h("label", { for: "hub-readiness-snapshot-name" }, "Name this assessment (optional, for example Quarter 1)"),
    name,
    h(
      "button",
      { type: "button", class: "md-button", onclick: () => saveNow(name.value) },
      `Save this assessment as of ${asOf}`,
    ),
  );
}

/** What the section says first: what it compares, or how to start keeping assessments when none is kept. */
function intro(choice) {
  return choice
    ? h("p", {}, "How each domain's score changed between two assessments: choose which to compare.")
    : h(
        "p",
        {},
        "Save this assessment now, and when you answer again (each quarter, say) the change in each domain " +
          "since then is shown here.",
      );
}

/** The "Change over time" section; it redraws itself after a save, a deletion or a new choice of comparison. */
export function historySection(instrument, store, state) {
  const section = h("section", { class: "hub-readiness-history", "aria-labelledby": "history" });
  const status = h("div", { class: "hub-readiness-notices" });
  state.history ??= [];
  let choice = null;
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
    choice = null;
    draw();
  };
  const asOf = dated(state.saved || new Date());
  const saveNow = (name) => {
    const history = addSnapshot(state.history, state.answers, state.saved || new Date().toISOString(), name);
    if (history) keep(history, `This assessment is saved as of ${asOf}.`);
    else
      status.replaceChildren(message("info", `This assessment is already saved as ${called(state.history.at(-1))}.`));
  };
  const remove = (index) => async () => {
    const which = called(state.history[index]);
    const sure = await ask(section, {
      question: `Delete the assessment of ${which}?`,
      detail: "Its answers are removed from this browser. A file you exported keeps its own copy.",
      yes: "Delete it",
      no: "Keep it",
    });
    if (sure)
      keep(
        state.history.filter((_, at) => at !== index),
        `The assessment of ${which} is deleted.`,
      );
  };

  function draw(next) {
    const then = previous(state.history, state.answers);
    choice = next || choice;
    choice ??= then ? { from: String(state.history.indexOf(then)), to: NOW } : null;
    section.replaceChildren(
      h("h2", { id: "history" }, "Change over time"),
      intro(choice),
      ...(choice ? [chooser(state.history, choice, draw), ...comparison(instrument, state, choice)] : []),
      saveControls(asOf, saveNow),
      status,
      ...kept(state.history, remove),
    );
  }
  draw();
  return section;
}
