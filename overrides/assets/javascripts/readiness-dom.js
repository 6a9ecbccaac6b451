/**
 * The few DOM helpers the readiness pages share: elements built from text (never markup), notices,
 * downloads made in the browser, and a question the reader answers before anything is replaced.
 */

const SVG = "http://www.w3.org/2000/svg";

/** An element with attributes and children; strings become text nodes, never markup. */
export function h(tag, attributes = {}, ...children) {
  const element = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    const text = typeof child === "string" || typeof child === "number";
    element.append(text ? document.createTextNode(String(child)) : child);
  }
  return element;
}

/** A file made from `text` in the browser and offered to the reader; nothing is sent anywhere. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A notice in the theme's admonition style: an error is an alert, anything else a status. */
export function message(kind, ...children) {
  return h("div", { class: `admonition ${kind === "error" ? "failure" : kind === "warning" ? "warning" : "info"}`,
    role: kind === "error" ? "alert" : "status" }, h("p", {}, ...children));
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
  const dialog = h("dialog",
    { class: "hub-readiness-dialog", "aria-labelledby": `${id}-question`, "aria-describedby": `${id}-detail` },
    h("h2", { id: `${id}-question` }, question),
    h("p", { id: `${id}-detail` }, detail),
    h("form", { method: "dialog", class: "hub-readiness-actions" },
      h("button", { type: "submit", value: "yes", class: "md-button md-button--primary" }, yes), " ",
      h("button", { type: "submit", value: "no", class: "md-button", autofocus: true }, no)));
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "yes");
    });
    parent.append(dialog);
    dialog.showModal();
  });
}
