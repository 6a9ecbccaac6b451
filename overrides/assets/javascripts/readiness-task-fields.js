/**
 * The fields of a task on the readiness pages (who owns it, and by when) and their keeping in this browser,
 * shared by an approach's checklist and the results' action plan. What the reader types is saved as they
 * type; a date that cannot be read says so beside it. On paper the fields give way to a line of text.
 */
import { h } from "./hub.js";
import { ask, longDate } from "./readiness-dom.js";
import { readTasks, tasksRecord, typedDate } from "./readiness-tasks.js";

/** The tasks kept under `key`, and their saving; a browser that refuses storage keeps them on the page only. */
export function taskStore(key) {
  let raw = null;
  try {
    raw = window.localStorage.getItem(key);
  } catch (error) {
    raw = null;
  }
  return {
    tasks: raw === null ? {} : readTasks(raw),
    save() {
      try {
        window.localStorage.setItem(key, JSON.stringify(tasksRecord(this.tasks, new Date())));
        return true;
      } catch (error) {
        return false;
      }
    },
    /** Delete what is kept: asked for by the reader, after they confirm. */
    clear() {
      this.tasks = {};
      try {
        window.localStorage.removeItem(key);
      } catch (error) {
        // storage refused: nothing was kept to delete
      }
    },
  };
}

/** A "Clear" button that asks first, then deletes the kept tasks and calls `cleared` to build the view again. */
export function clearButton(parent, store, { name, what }, cleared) {
  return h(
    "button",
    {
      type: "button",
      class: "md-button",
      onclick: async () => {
        const yes = await ask(parent, {
          question: `Clear ${what}?`,
          detail: "This deletes from this browser the boxes you ticked and the owners and dates you gave here.",
          yes: `Clear ${what}`,
          no: "Keep them",
        });
        if (!yes) return;
        store.clear();
        cleared();
      },
    },
    name,
  );
}

const LABELS = { owner: "Owner", due: "Target date", review: "Review date" };

/** A date as the printed line says it: 27 November 2026, or as typed when it is not a date. */
function printedDate(typed) {
  const { iso } = typedDate(typed);
  return iso ? longDate(new Date(`${iso}T12:00:00`)) : typed.trim();
}

/** The line printed in place of the fields. */
function printedLine(task, fields) {
  const parts = fields.filter((field) => task[field].trim());
  if (!parts.length) return fields.map((field) => `${LABELS[field]}: ____________`).join("   ");
  return parts
    .map((field) => `${LABELS[field]}: ${field === "owner" ? task.owner.trim() : printedDate(task[field])}`)
    .join(". ");
}

/**
 * The fields of the task `id` in `store` (`fields`: owner, due and, for the plan, review), with a hint on how
 * to write a date, a message where one cannot be read, and the line printed instead; `name` says which task
 * the group of fields is for. `saved` is called after each change with whether the browser kept it.
 */
export function taskFields(store, id, fields, saved, name) {
  const task = { done: false, owner: "", due: "", review: "", ...(store.tasks[id] || {}) };
  store.tasks[id] = task;
  const printed = h("p", { class: "hub-print-only hub-task-printed" }, printedLine(task, fields));
  const inputs = fields.map((field) => {
    const inputId = `task-${id}-${field}`;
    const problem = h("span", { class: "hub-task-problem", id: `${inputId}-problem`, "aria-live": "polite" });
    const isDate = field !== "owner";
    const show = () => {
      const error = isDate ? typedDate(task[field]).error : "";
      problem.textContent = error || "";
      input.setAttribute("aria-invalid", error ? "true" : "false");
    };
    const input = h("input", {
      type: "text",
      id: inputId,
      value: task[field],
      autocomplete: "off",
      "aria-describedby": isDate ? `task-date-hint ${inputId}-problem` : null,
      oninput: () => {
        task[field] = input.value;
        show();
        printed.textContent = printedLine(task, fields);
        saved(store.save());
      },
    });
    show();
    return h("span", { class: "hub-task-field" }, h("label", { for: inputId }, LABELS[field]), " ", input, problem);
  });
  return {
    task,
    element: h(
      "div",
      { class: "hub-task" },
      h("div", { class: "hub-task-fields", role: "group", "aria-label": `Who and when: ${name}` }, inputs),
      printed,
    ),
  };
}

/** The hint on how to write a date that every date field points to; put once on the page. */
export function dateHint() {
  return h("p", { id: "task-date-hint", class: "hub-task-hint" }, "Write dates with the day first, like 27/11/2026.");
}

/** The notice when the browser would not keep what was typed. */
export function unsavedNote() {
  return h(
    "p",
    { class: "hub-task-unsaved", role: "status" },
    "This browser would not save what you typed: it is still on this page; download or print it before you leave.",
  );
}
