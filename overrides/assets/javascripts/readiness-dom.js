/**
 * The few DOM helpers the readiness pages share beyond hub.js: notices, tables that scroll on a narrow
 * screen, and a question the reader answers before anything is replaced.
 */
import { h } from "./hub.js";

export { longDate } from "./print-line.js";

/** A notice in the theme's admonition style: an error is an alert, anything else a status. */
export function message(kind, ...children) {
  return h(
    "div",
    {
      class: `admonition ${kind === "error" ? "failure" : kind === "warning" ? "warning" : "info"}`,
      role: kind === "error" ? "alert" : "status",
    },
    h("p", {}, ...children),
  );
}

/** A table in a region of its own that scrolls sideways on a narrow screen, and that the keyboard can reach. */
export function scrollable(label, table) {
  return h("div", { class: "hub-readiness-scroll", role: "region", "aria-label": label, tabindex: 0 }, table);
}

let asked = 0;

/**
 * Ask before something the reader entered is replaced, in a modal `<dialog>`: the keyboard stays in
 * it, Escape and the safe answer (which has the focus first) both keep things as they are. Resolves
 * true only when the reader chooses `yes`. A native dialog rather than `window.confirm`, which a
 * browser may silence and which cannot say which choice is which.
 */
export function ask(parent, { question, detail, yes, no }) {
  asked += 1;
  const id = `hub-readiness-ask-${asked}`;
  const dialog = h(
    "dialog",
    { class: "hub-readiness-dialog", "aria-labelledby": `${id}-question`, "aria-describedby": `${id}-detail` },
    h("h2", { id: `${id}-question` }, question),
    h("p", { id: `${id}-detail` }, detail),
    h(
      "form",
      { method: "dialog", class: "hub-readiness-actions" },
      h("button", { type: "submit", value: "yes", class: "md-button md-button--primary" }, yes),
      " ",
      h("button", { type: "submit", value: "no", class: "md-button", autofocus: true }, no),
    ),
  );
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "yes");
    });
    parent.append(dialog);
    dialog.showModal();
  });
}

/**
 * Print what a button names: `kind` is set as a class on the document, which the print styles read to
 * leave out everything else, and taken off again once the browser has printed (or the reader cancelled).
 */
export function printAs(kind) {
  const root = document.documentElement;
  root.classList.add(kind);
  window.addEventListener("afterprint", () => root.classList.remove(kind), { once: true });
  window.print();
}
