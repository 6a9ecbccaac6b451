/**
 * An approach's checklist as a checklist: a tick box for each essential prerequisite, an owner and a target
 * date for each one not yet in place, kept in this browser as they are entered, and what the organisational
 * assessment's saved answers say of each essential they ask about. Downloads as JSON or CSV; prints as it is.
 */
import { download, h } from "./hub.js";
import { answerLabel } from "./readiness-scoring.js";
import { Store } from "./readiness-store.js";
import { clearButton, dateHint, taskFields, taskStore, unsavedNote } from "./readiness-task-fields.js";
import {
  checklistCsv,
  checklistExport,
  checklistKey,
  checklistRows,
  fromAnswers,
  statusWords,
} from "./readiness-tasks.js";

/** What the assessment's answers say of an essential, or nothing when no statement asks about it. */
function fromAssessment(instrument, found) {
  if (!found) return null;
  const said = found.answer === null ? "not answered" : `your answer: ${answerLabel(instrument, found.answer)}`;
  return h(
    "p",
    { class: `hub-checklist-status hub-checklist-status--${found.status}` },
    h("strong", {}, `From your assessment: ${statusWords(found.status)}. `),
    `"${found.item.text}": ${said}.`,
  );
}

/** How a tick box prints, in words that survive black and white and text extraction. */
const PRINTED = { true: "[x] In place: ", false: "[ ] Not yet: " };

/** One essential: its tick box, what the answers say, and an owner and target date while it is not in place. */
function essentialItem(instrument, store, essential, found, saved) {
  const { task, element: fields } = taskFields(store, essential.id, ["owner", "due"], saved, essential.text);
  const box = h("input", { type: "checkbox", id: `essential-${essential.id}`, checked: task.done });
  const gap = h("div", { class: "hub-checklist-gap", hidden: task.done }, fields);
  const mark = h("span", { class: "hub-print-only" }, PRINTED[task.done]);
  box.addEventListener("change", () => {
    task.done = box.checked;
    gap.hidden = box.checked;
    mark.textContent = PRINTED[task.done];
    saved(store.save());
  });
  return h(
    "li",
    { class: "hub-checklist-item" },
    h("div", { class: "hub-checklist-tick" }, box, h("label", { for: box.id }, mark, essential.text)),
    fromAssessment(instrument, found),
    gap,
  );
}

/** The checklist of the approach the page names, started in `root`. */
export function checklistView(root, instrument) {
  const slug = root.dataset.approach;
  const checklist = instrument.checklists[slug];
  if (!checklist) return;
  const store = taskStore(checklistKey(slug));
  const answers = new Store(instrument).load().state.answers;
  const found = fromAnswers(instrument, slug, answers);
  const notices = h("div", { class: "hub-readiness-notices" });
  const saved = (kept) => notices.replaceChildren(...(kept ? [] : [unsavedNote()]));
  const rows = () => checklistRows(checklist, store.tasks, found);
  const stem = `checklist-${slug}-${new Date().toISOString().slice(0, 10)}`;
  root.replaceChildren(
    h(
      "p",
      {},
      "Tick each essential once it is in place. For each one that is not, name who will sort it out and by when. ",
      "What you enter is saved in this browser as you type, and nowhere else.",
    ),
    dateHint(),
    notices,
    h(
      "ul",
      { class: "hub-checklist" },
      checklist.essentials.map((essential) => essentialItem(instrument, store, essential, found[essential.id], saved)),
    ),
    h(
      "p",
      { class: "hub-readiness-actions" },
      h(
        "button",
        {
          type: "button",
          class: "md-button md-button--primary",
          onclick: () =>
            download(
              `${stem}.json`,
              "application/json",
              JSON.stringify(checklistExport(slug, checklist.title, rows(), new Date()), null, 1),
            ),
        },
        "Download the checklist (JSON)",
      ),
      " ",
      h(
        "button",
        {
          type: "button",
          class: "md-button",
          onclick: () => download(`${stem}.csv`, "text/csv;charset=utf-8", checklistCsv(checklist.title, rows())),
        },
        "Download for a spreadsheet (CSV)",
      ),
      " ",
      h("button", { type: "button", class: "md-button", onclick: () => window.print() }, "Print the checklist"),
      " ",
      clearButton(root, store, { name: "Clear", what: "the checklist" }, () => checklistView(root, instrument)),
    ),
  );
}
