/**
 * The sections' text boxes take rich text: what is pasted from Word, Outlook or a web page arrives as Markdown
 * (share-paste-markdown.js), sanitised by DOMPurify and parsed into a document of its own, apart from the page,
 * so nothing pasted runs, loads or shows. A paste of plain text, or of rich text with no list, table, link,
 * heading or bold to keep, is left to the browser, as before. Next to each
 * box, a line on writing Markdown and examples of it.
 */
import { h } from "./hub.js";
import { hasStructure, pastedMarkdown } from "./share-paste-markdown.js";
import DOMPurify from "./vendor/purify.js";

const SECTION = "textarea[id^='hub-section-']";

const EXAMPLES = [
  "- A point",
  "- Another point",
  "",
  "1. The first step",
  "2. The second step",
  "",
  "A [link to a page](https://www.england.nhs.uk/) and **words in bold**.",
  "",
  "| Heading | Heading |",
  "| --- | --- |",
  "| A cell | A cell |",
].join("\n");

function paste(event) {
  const area = event.target;
  if (!area.matches || !area.matches(SECTION) || !event.clipboardData) return;
  const html = event.clipboardData.getData("text/html");
  if (!html) return;
  const root = new DOMParser().parseFromString(DOMPurify.sanitize(html), "text/html").body;
  if (!hasStructure(root)) return;
  const markdown = pastedMarkdown(root);
  if (!markdown) return;
  event.preventDefault();
  area.focus();
  // insertText keeps the paste on the box's undo list; where a browser refuses it, the text is set directly.
  if (!document.execCommand("insertText", false, markdown)) {
    area.setRangeText(markdown, area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

/** Turn rich text pasted into any section's box in `form` into Markdown. */
export function pasteAsMarkdown(form) {
  form.addEventListener("paste", paste);
}

/** The line on Markdown under the box `id` (its id is `${id}-markdown`), and the examples. */
export function markdownHelp(id) {
  return [
    h(
      "p",
      { class: "hub-share__hint", id: `${id}-markdown` },
      "You can use Markdown: leave an empty line before a list, and start each of its lines with - " +
        "(or 1. for a numbered list); [words](https://…) makes a link and **words** are bold. " +
        "Text pasted from Word or a web page keeps its lists, links, bold and tables.",
    ),
    h(
      "details",
      { class: "hub-share__markdown" },
      h("summary", {}, "Examples of lists, links, bold and a table"),
      h("pre", {}, h("code", {}, EXAMPLES)),
    ),
  ];
}
