/**
 * Rich text pasted into a section (from Word, Outlook or a web page) as the Markdown the check accepts: lists,
 * numbered lists, links, bold and tables kept, by Turndown and its GitHub tables. Word writes a list as
 * paragraphs with a typed bullet or number and its level in a style (`mso-list:l0 level2 lfo1`), and a table
 * without a heading row, which a Markdown table must have: both are put right first. A heading becomes a bold
 * line, as a section takes its headings from the template and the check refuses one inside it.
 *
 * Works on an element the caller has sanitised and parsed out of the page (the browser's DOMParser, or a DOM
 * under Node), through that element's own document, so it runs without a page and is unit-tested under Node.
 */
import TurndownService from "./vendor/turndown.js";
import { strikethrough, tables } from "./vendor/turndown-plugin-gfm.js";

// A Word list paragraph's style: its list and level (`mso-list:l0 level2 lfo1`), not the marker's `mso-list:Ignore`.
const WORD_LEVEL = /mso-list:\s*l\d+\s+level(\d+)/i;
// The number or letter Word types before an item of a numbered list ("1.", "a)", "iv."); anything else is a bullet.
const NUMBERED = /^[0-9A-Za-z]{1,5}[.)]$/;

function wordLevel(node) {
  if (node.nodeType !== 1 || node.nodeName !== "P") return 0;
  const level = WORD_LEVEL.exec(node.getAttribute("style") || "");
  if (level) return Number(level[1]);
  return /^MsoListParagraph/.test(node.getAttribute("class") || "") ? 1 : 0;
}

/** The paragraph's typed marker, taken out of it: Word puts it in a span styled `mso-list:Ignore`. */
function takeMarker(paragraph) {
  const marker = Array.from(paragraph.querySelectorAll("span")).find((span) =>
    /mso-list:\s*ignore/i.test(span.getAttribute("style") || ""),
  );
  if (!marker) return "";
  const text = marker.textContent.replace(/\s/g, "");
  marker.parentNode.removeChild(marker);
  return text;
}

/** The Word list paragraphs that follow `first` with nothing but white space between them. */
function run(first) {
  const items = [first];
  for (let node = first.nextSibling; node; node = node.nextSibling) {
    if (wordLevel(node)) items.push(node);
    else if (node.nodeType === 1 || node.textContent.trim()) break;
  }
  return items;
}

/** One run of Word list paragraphs as the lists they stand for, nested by level. */
function replaceRun(items) {
  const document = items[0].ownerDocument;
  const stack = [];
  let top = null;
  for (const paragraph of items) {
    const level = wordLevel(paragraph);
    const ordered = NUMBERED.test(takeMarker(paragraph));
    while (stack.length && stack[stack.length - 1].level > level) stack.pop();
    if (!stack.length || stack[stack.length - 1].level < level) {
      const list = document.createElement(ordered ? "ol" : "ul");
      if (stack.length) stack[stack.length - 1].list.lastChild.appendChild(list);
      else top = list;
      stack.push({ level, list });
    }
    const item = document.createElement("li");
    while (paragraph.firstChild) item.appendChild(paragraph.firstChild);
    stack[stack.length - 1].list.appendChild(item);
  }
  items[0].parentNode.insertBefore(top, items[0]);
  for (const paragraph of items) paragraph.parentNode.removeChild(paragraph);
}

/** Word's list paragraphs under `root` turned into the lists (`ul`, `ol`) they show, nested as shown. */
export function wordLists(root) {
  for (;;) {
    const first = Array.from(root.querySelectorAll("p")).find(wordLevel);
    if (!first) return root;
    replaceRun(run(first));
  }
}

/** A cell's paragraphs and line breaks as spaces: a Markdown table's cell is one line. */
function flattenCell(cell) {
  const document = cell.ownerDocument;
  for (const block of Array.from(cell.querySelectorAll("p, div, br"))) {
    if (block.nodeName !== "BR") while (block.firstChild) block.parentNode.insertBefore(block.firstChild, block);
    block.parentNode.replaceChild(document.createTextNode(" "), block);
  }
}

/** Each table under `root` with one-line cells and a heading row: its first row, when it has none of its own. */
export function tableHeadings(root) {
  for (const table of Array.from(root.querySelectorAll("table"))) {
    for (const cell of Array.from(table.querySelectorAll("td, th"))) flattenCell(cell);
    const first = table.querySelector("tr");
    if (!first || first.parentNode.nodeName === "THEAD") continue;
    const document = table.ownerDocument;
    for (const cell of Array.from(first.children)) {
      const heading = document.createElement("th");
      while (cell.firstChild) heading.appendChild(cell.firstChild);
      first.replaceChild(heading, cell);
    }
    const head = document.createElement("thead");
    table.insertBefore(head, table.firstChild);
    head.appendChild(first);
  }
  return root;
}

// What rich text holds that plain text does not. A paste without any of it (from a code editor, or a web page's
// plain paragraph) is left to the browser, which pastes its text as written, Markdown and all.
const STRUCTURE = [
  "ul, ol, table, a[href], h1, h2, h3, h4, h5, h6, b, strong, em, i",
  "p[style*='mso-list'], p[class^='MsoListParagraph']",
].join(", ");

/** Whether the pasted content under `root` has lists, a table, links, headings, bold or italics to keep. */
export function hasStructure(root) {
  return Boolean(root.querySelector(STRUCTURE));
}

const weight = (node) => /font-weight:\s*(\w+)/i.exec(node.getAttribute("style") || "")?.[1].toLowerCase();

/** Bold as the writer saw it: Google Docs wraps a whole paste in a `b` of normal weight and bolds with a span. */
function bold(service) {
  service.addRule("notBold", {
    filter: (node) => ["B", "STRONG"].includes(node.nodeName) && /^(normal|[1-5]00)$/.test(weight(node) || ""),
    replacement: (content) => content,
  });
  service.addRule("boldSpan", {
    filter: (node) => node.nodeName === "SPAN" && /^(bold|bolder|[6-9]00)$/.test(weight(node) || ""),
    replacement: (content) => (content.trim() ? `**${content}**` : content),
  });
}

function converter() {
  const service = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced" });
  service.use([tables, strikethrough]);
  service.remove(["script", "style", "title", "meta", "link"]);
  // An image pasted from a document points into the writer's computer; the hub takes none in a section.
  service.addRule("noImages", { filter: "img", replacement: () => "" });
  service.addRule("headingAsBold", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content) => (content.trim() ? `\n\n**${content.trim()}**\n\n` : ""),
  });
  bold(service);
  return service;
}

/** The Markdown for the pasted content under `root`, which it changes: Word's lists and tables put right first. */
export function pastedMarkdown(root) {
  const markdown = converter().turndown(tableHeadings(wordLists(root)));
  return markdown.replace(/\u00a0/g, " ").replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? "  " : ""));
}
