/**
 * The readiness assessment's form: a statement at a time on the instrument's scale, with progress, import of
 * an exported file and a fresh start. Every answer is saved in this browser as it is given.
 */
import { RecordError, readRecord } from "./readiness-records.js";
import { DONT_KNOW, statements } from "./readiness-scoring.js";
import { h } from "./hub.js";
import { ask, message } from "./readiness-dom.js";
import { empty, entered, unreadableNotice, unsavedNotice } from "./readiness-store.js";

export function formView(root, instrument, store) {
  const loaded = store.load();
  const state = loaded.state;
  const total = statements(instrument).length;
  const notices = h("div", { class: "hub-readiness-notices" });
  let unsaved = Boolean(loaded.unavailable);
  if (unsaved) notices.append(unsavedNotice(instrument, state));
  if (loaded.unreadable) {
    notices.append(
      unreadableNotice(instrument, store, loaded.unreadable, () => {
        notices.replaceChildren(
          message("info", "The answers that could not be read are deleted. New answers are saved in this browser."),
        );
        lock(false);
        respondent.focus();
      }),
    );
  }

  const progress = h("progress", { id: "hub-readiness-progress", max: total, value: 0 });
  const progressText = h("span", { id: "hub-readiness-progress-text" });
  const saved = h("span", { class: "hub-readiness-saved" });
  const results = new URL(instrument.pages.results, instrument.url).href;

  function refresh() {
    const answered = Object.keys(state.answers).length;
    progress.value = answered;
    progressText.textContent = `${answered} of ${total} statements answered`;
    bottomText.textContent = `${answered} of ${total} answered.`;
    const time =
      state.saved && new Date(state.saved).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    saved.textContent = unsaved ? "Not saved in this browser." : time ? `Saved in this browser at ${time}.` : "";
  }

  /** Save, or say once that saving fails and offer the answers as a file; they stay on the page either way. */
  function persist() {
    try {
      store.save(state);
      if (unsaved) notices.replaceChildren(message("info", "Your answers are saved in this browser again."));
      unsaved = false;
    } catch (error) {
      if (!unsaved) notices.replaceChildren(unsavedNotice(instrument, state));
      unsaved = true;
    }
    refresh();
  }

  const respondent = h("input", {
    type: "text",
    id: "hub-readiness-respondent",
    maxlength: 100,
    autocomplete: "organization-title",
    oninput: (event) => {
      state.respondent = event.target.value;
      persist();
    },
  });
  respondent.value = state.respondent;

  const importInput = h("input", {
    type: "file",
    id: "hub-readiness-import",
    accept: "application/json,.json",
    onchange: async (event) => {
      const file = event.target.files[0];
      event.target.value = "";
      if (!file) return;
      let record;
      try {
        record = readRecord(instrument, await file.text());
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        notices.replaceChildren(
          message("error", `${file.name} could not be imported: ${error.message}. Your answers have not changed.`),
        );
        return;
      }
      if (entered(state) && !(await ask(root, replaceQuestion(state, record, file.name)))) {
        notices.replaceChildren(message("info", `${file.name} was not imported. Your answers have not changed.`));
        return;
      }
      Object.assign(state, { respondent: record.respondent, answers: record.answers });
      respondent.value = state.respondent;
      showAnswers();
      persist();
      notices.replaceChildren(
        message("info", `Imported ${Object.keys(record.answers).length} answers from ${file.name}.`),
      );
    },
  });

  const startAgain = h(
    "button",
    {
      type: "button",
      class: "md-button",
      onclick: async () => {
        if (
          !(await ask(root, {
            question: "Clear all your answers and start again?",
            detail: "This cannot be undone. To keep a copy, download your answers from the results page first.",
            yes: "Clear my answers",
            no: "Keep my answers",
          }))
        )
          return;
        Object.assign(state, empty());
        store.clear();
        respondent.value = "";
        showAnswers();
        refresh();
        notices.replaceChildren(message("info", "Your answers have been cleared."));
        respondent.focus();
      },
    },
    "Start again",
  );

  const tools = h(
    "div",
    { class: "hub-readiness-tools" },
    h(
      "p",
      {},
      h(
        "label",
        { for: "hub-readiness-respondent" },
        "Your role or name (optional; it labels your answers when your team combines them)",
      ),
      respondent,
    ),
    h("p", {}, h("label", { for: "hub-readiness-progress" }, "Progress: "), progress, " ", progressText, " ", saved),
    h(
      "p",
      { class: "hub-readiness-actions" },
      h("label", { for: "hub-readiness-import" }, "Import answers from an exported JSON file: "),
      importInput,
      " ",
      startAgain,
    ),
  );

  const radios = [];
  let number = 0;
  const sections = instrument.domains.map((domain) =>
    h(
      "section",
      { class: "hub-readiness-domain", "aria-labelledby": `domain-${domain.id}` },
      h("h2", { id: `domain-${domain.id}` }, domain.title),
      h("p", {}, domain.description),
      domain.items.map((item) => {
        number += 1;
        const options = [
          ...instrument.scale.map((label, index) => [index + 1, label]),
          [DONT_KNOW, instrument.dont_know],
        ];
        return h(
          "fieldset",
          { class: "hub-readiness-item", id: `item-${item.id}` },
          h(
            "legend",
            {},
            `${number}. ${item.text}`,
            item.essential ? h("span", { class: "hub-readiness-essential" }, " (essential)") : null,
          ),
          h(
            "div",
            { class: "hub-readiness-options" },
            options.map(([value, label]) => {
              const input = h("input", {
                type: "radio",
                name: `item-${item.id}`,
                value,
                onchange: () => {
                  state.answers[item.id] = value;
                  persist();
                },
              });
              radios.push({ input, item, value });
              return h("label", { class: value === DONT_KNOW ? "hub-readiness-dont-know" : null }, input, " ", label);
            }),
          ),
        );
      }),
    ),
  );

  function showAnswers() {
    for (const { input, item, value } of radios) input.checked = state.answers[item.id] === value;
  }

  /** While a record that cannot be read is kept, nothing can be entered, so nothing can be saved over it. */
  function lock(locked) {
    const controls = [respondent, importInput, startAgain, ...radios.map(({ input }) => input)];
    for (const control of controls) control.disabled = locked;
  }

  const bottomText = h("span", {});
  root.replaceChildren(
    notices,
    tools,
    ...sections,
    h(
      "p",
      { class: "hub-readiness-next" },
      bottomText,
      " ",
      h("a", { href: results, class: "md-button md-button--primary" }, "See your results and action plan"),
    ),
  );
  showAnswers();
  lock(Boolean(loaded.unreadable));
  refresh();
}

/** The question asked before an import replaces a name or answers already entered. */
function replaceQuestion(state, record, fileName) {
  const holding = ({ respondent, answers }) => {
    const number = Object.keys(answers).length;
    return `${respondent ? `the name "${respondent}" and ` : ""}${number} answer${number === 1 ? "" : "s"}`;
  };
  return {
    question: "Replace what you have entered?",
    detail:
      `This page holds ${holding(state)}. ${fileName} holds ${holding(record)}; ` +
      "importing it replaces what is here. " +
      "To keep a copy of yours, download them from the results page first.",
    yes: `Replace with ${fileName}`,
    no: "Keep what I entered",
  };
}
