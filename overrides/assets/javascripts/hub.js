/**
 * What every script of the hub shares: building elements from text, offering a file made in the browser,
 * and starting on each page the theme shows. Text goes into the page as text nodes, never as markup, so a
 * value from an entry or a reader cannot become HTML.
 */

const SVG = "http://www.w3.org/2000/svg";

/**
 * An element with attributes and children. An attribute whose name starts with `on` is an event listener;
 * one that is false, null or undefined is left out, and `true` sets it empty (`hidden`, `required`).
 * Strings and numbers among the children become text nodes; null, undefined and false are skipped. A tag
 * written `svg:rect` is made in SVG's namespace.
 */
export function h(tag, attributes = {}, ...children) {
  const element = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
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

/**
 * Runs `start` on every page the theme shows. Material may swap pages without a reload, and says so
 * through its `document$`, so a script starts there rather than once when it loads.
 */
export function onEveryPage(start) {
  document$.subscribe(() => start());
}

/**
 * Runs `start(element)` once for each element that matches `selector`, on every page the theme shows:
 * an element already started is marked, so it is never started twice.
 */
export function startEach(selector, start) {
  onEveryPage(() => {
    for (const element of document.querySelectorAll(selector)) {
      if (element.dataset.hubStarted) continue;
      element.dataset.hubStarted = "true";
      start(element);
    }
  });
}
