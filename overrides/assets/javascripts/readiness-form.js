/**
 * The readiness assessment's form: a statement at a time on the instrument's scale, with progress, import of
 * an exported file and a fresh start. Every answer is saved in this browser as it is given.
 */
import { MAX_FILE, readAnswersFile } from "./readiness-files.js";
import { RecordError } from "./readiness-records.js";
import { DONT_KNOW, statements } from "./readiness-scoring.js";
import { mergeHistory } from "./readiness-history.js";
import { h } from "./hub.js";
import { ask, longDate, message } from "./readiness-dom.js";
import { empty, entered, unreadableNotice, unsavedNotice } from "./readiness-store.js";
import { blankCopy, jumpLinks } from "./readiness-paper.js";

/** The assessment's form in `root`: the tools above, a fieldset per statement, and the way to the results. */
class AssessmentForm {
  constructor(root, instrument, store) {
    const loaded = store.load();
    Object.assign(this, { root, instrument, store, state: loaded.state, unsaved: Boolean(loaded.unavailable) });
    this.total = statements(instrument).length;
    this.notices = h("div", { class: "hub-readiness-notices" });
    if (this.unsaved) this.notices.append(unsavedNotice(instrument, this.state));
    if (loaded.unreadable) {
      this.notices.append(
        unreadableNotice(instrument, store, loaded.unreadable, () => {
          this.say("info", "The answers that could not be read are deleted. New answers are saved in this browser.");
          this.lock(false);
          this.respondent.focus();
        }),
      );
    }
    this.radios = [];
    const tools = this.tools();
    const sections = this.statements();
    this.bottomText = h("span", {});
    const results = new URL(instrument.pages.results, instrument.url).href;
    root.replaceChildren(
      this.notices,
      tools,
      jumpLinks(instrument),
      ...sections,
      h(
        "p",
        { class: "hub-readiness-next" },
        this.bottomText,
        " ",
        h("a", { href: results, class: "md-button md-button--primary" }, "See your results and action plan"),
      ),
      blankCopy(instrument),
    );
    this.showAnswers();
    this.lock(Boolean(loaded.unreadable));
    this.refresh();
  }

  say(kind, text) {
    this.notices.replaceChildren(message(kind, text));
  }

  /** The respondent's name, the progress, the import and the fresh start. */
  tools() {
    this.progress = h("progress", { id: "hub-readiness-progress", max: this.total, value: 0 });
    this.progressText = h("span", { id: "hub-readiness-progress-text" });
    this.saved = h("span", { class: "hub-readiness-saved" });
    this.respondent = h("input", {
      type: "text",
      id: "hub-readiness-respondent",
      maxlength: 100,
      autocomplete: "organization-title",
      oninput: (event) => {
        this.state.respondent = event.target.value;
        this.persist();
      },
    });
    this.respondent.value = this.state.respondent;
    this.importInput = h("input", {
      type: "file",
      id: "hub-readiness-import",
      accept: "application/json,.json,text/csv,.csv",
      onchange: (event) => this.importFile(event),
    });
    this.startAgain = h("button", { type: "button", class: "md-button", onclick: () => this.clear() }, "Start again");
    const nameLabel = "Your role or name (optional; it labels your answers when your team combines them)";
    return h(
      "div",
      { class: "hub-readiness-tools" },
      h("p", {}, h("label", { for: "hub-readiness-respondent" }, nameLabel), this.respondent),
      h(
        "p",
        {},
        h("label", { for: "hub-readiness-progress" }, "Progress: "),
        this.progress,
        " ",
        this.progressText,
        " ",
        this.saved,
      ),
      h(
        "p",
        { class: "hub-readiness-actions" },
        h("label", { for: "hub-readiness-import" }, "Import answers from an exported JSON or CSV file: "),
        this.importInput,
        " ",
        this.startAgain,
      ),
    );
  }

  /** A section per domain, with a fieldset of radio buttons per statement, numbered across domains. */
  statements() {
    let number = 0;
    const options = [
      ...this.instrument.scale.map((label, index) => [index + 1, label]),
      [DONT_KNOW, this.instrument.dont_know],
    ];
    return this.instrument.domains.map((domain) =>
      h(
        "section",
        { class: "hub-readiness-domain", "aria-labelledby": `domain-${domain.id}` },
        h("h2", { id: `domain-${domain.id}` }, domain.title),
        h("p", {}, domain.description),
        domain.items.map((item) => {
          number += 1;
          const essential = item.essential ? h("span", { class: "hub-readiness-essential" }, " (essential)") : null;
          return h(
            "fieldset",
            { class: "hub-readiness-item", id: `item-${item.id}` },
            h("legend", {}, `${number}. ${item.text}`, essential),
            h(
              "div",
              { class: "hub-readiness-options" },
              options.map(([value, label]) => this.option(item, value, label)),
            ),
          );
        }),
      ),
    );
  }

  option(item, value, label) {
    const input = h("input", {
      type: "radio",
      name: `item-${item.id}`,
      value,
      onchange: () => {
        this.state.answers[item.id] = value;
        this.persist();
      },
    });
    this.radios.push({ input, item, value });
    return h("label", { class: value === DONT_KNOW ? "hub-readiness-dont-know" : null }, input, " ", label);
  }

  refresh() {
    const answered = Object.keys(this.state.answers).length;
    this.progress.value = answered;
    this.progressText.textContent = `${answered} of ${this.total} statements answered`;
    this.bottomText.textContent = `${answered} of ${this.total} answered.`;
    const time =
      this.state.saved &&
      new Date(this.state.saved).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    this.saved.textContent = this.unsaved
      ? "Not saved in this browser."
      : time
        ? `Saved in this browser at ${time}.`
        : "";
  }

  /** Save, or say once that saving fails and offer the answers as a file; they stay on the page either way. */
  persist() {
    try {
      this.store.save(this.state);
      if (this.unsaved) this.say("info", "Your answers are saved in this browser again.");
      this.unsaved = false;
    } catch (error) {
      if (!this.unsaved) this.notices.replaceChildren(unsavedNotice(this.instrument, this.state));
      this.unsaved = true;
    }
    this.refresh();
  }

  /** Answers from an exported file, in place of those on the page once the reader agrees. */
  async importFile(event) {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    let record;
    try {
      record = readAnswersFile(this.instrument, await file.slice(0, MAX_FILE + 1).text());
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.say(
        "error",
        `${file.name} could not be imported: ${error.message}. ${error.todo} Your answers have not changed.`,
      );
      return;
    }
    if (entered(this.state) && !(await ask(this.root, replaceQuestion(this.state, record, file.name)))) {
      this.say("info", `${file.name} was not imported. Your answers have not changed.`);
      return;
    }
    const history = mergeHistory(this.state.history || [], record.history);
    Object.assign(this.state, { respondent: record.respondent, answers: record.answers, history });
    this.respondent.value = this.state.respondent;
    this.showAnswers();
    this.persist();
    this.say("info", `Imported ${Object.keys(record.answers).length} answers from ${file.name}.`);
  }

  /** Every answer cleared, here and in this browser, once the reader agrees. */
  async clear() {
    const sure = await ask(this.root, {
      question: "Clear all your answers and start again?",
      detail:
        "This cannot be undone. To keep a copy, download your answers from the results page first. " +
        "Assessments you saved on the results page are kept.",
      yes: "Clear my answers",
      no: "Keep my answers",
    });
    if (!sure) return;
    Object.assign(this.state, empty()); // the dated assessments kept stay, to compare the next answers with
    if (this.state.history && this.state.history.length) this.persist();
    else this.store.clear();
    this.respondent.value = "";
    this.showAnswers();
    this.refresh();
    this.say("info", "Your answers have been cleared.");
    this.respondent.focus();
  }

  showAnswers() {
    for (const { input, item, value } of this.radios) input.checked = this.state.answers[item.id] === value;
  }

  /** While a record that cannot be read is kept, nothing can be entered, so nothing can be saved over it. */
  lock(locked) {
    const controls = [this.respondent, this.importInput, this.startAgain, ...this.radios.map(({ input }) => input)];
    for (const control of controls) control.disabled = locked;
  }
}

/** The assessment's form, started in `root`. */
export function formView(root, instrument, store) {
  new AssessmentForm(root, instrument, store);
}

/** The question asked before an import replaces a name or answers already entered; it says when the file was saved. */
function replaceQuestion(state, record, fileName) {
  const holding = ({ respondent, answers }) => {
    const number = Object.keys(answers).length;
    return `${respondent ? `the name "${respondent}" and ` : ""}${number} answer${number === 1 ? "" : "s"}`;
  };
  const saved = record.saved ? `, saved on ${longDate(new Date(record.saved))}` : "";
  return {
    question: "Replace what you have entered?",
    detail:
      `This page holds ${holding(state)}. ${fileName} holds ${holding(record)}${saved}; ` +
      "importing it replaces what is here. " +
      "To keep a copy of yours, download them from the results page first.",
    yes: `Replace with ${fileName}`,
    no: "Keep what I entered",
  };
}
