/**
 * The assessment page's ways round its statements and onto paper: links to each domain at the top (its
 * headings are built here, out of reach of the theme's table of contents), and a blank copy of every
 * statement with empty answer boxes, printed by its own button for those who answer on paper.
 */
import { h } from "./hub.js";
import { printAs } from "./readiness-dom.js";

/** Links to each domain's statements, with how many there are, and the button that prints a blank copy. */
export function jumpLinks(instrument) {
  return h(
    "nav",
    { class: "hub-readiness-jump", "aria-labelledby": "hub-readiness-jump-title" },
    h("h2", { id: "hub-readiness-jump-title" }, "The statements"),
    h(
      "ul",
      {},
      instrument.domains.map((domain) =>
        h("li", {}, h("a", { href: `#domain-${domain.id}` }, domain.title), ` (${domain.items.length} statements)`),
      ),
    ),
    h(
      "p",
      { class: "hub-readiness-actions" },
      "Answering on paper? ",
      h(
        "button",
        { type: "button", class: "md-button", onclick: () => printAs("hub-print-blank") },
        "Print a blank copy",
      ),
    ),
  );
}

/** One domain's statements as a table with an empty box for each answer. */
function domainTable(instrument, domain, first) {
  const answers = [...instrument.scale.map((label, index) => String(index + 1)), instrument.dont_know];
  return h(
    "table",
    { class: "hub-readiness-blank-table" },
    h("caption", {}, domain.title),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Statement"),
        answers.map((label) => h("th", { scope: "col" }, label)),
      ),
    ),
    h(
      "tbody",
      {},
      domain.items.map((item, index) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, `${first + index}. ${item.text}${item.essential ? " (essential)" : ""}`),
          answers.map(() => h("td", { class: "hub-readiness-box" }, "")),
        ),
      ),
    ),
  );
}

/** Every statement with empty answer boxes, and lines for a name and a date; shown only on paper. */
export function blankCopy(instrument) {
  const key = instrument.scale.map((label, index) => `${index + 1} = ${label}`).join("; ");
  let first = 1;
  return h(
    "section",
    { class: "hub-readiness-blank" },
    h("p", {}, "Your role or name: ______________________________   Date: ______________"),
    h("p", {}, `Tick one box for each statement: ${key}; or "${instrument.dont_know}".`),
    instrument.domains.map((domain) => {
      const table = domainTable(instrument, domain, first);
      first += domain.items.length;
      return table;
    }),
  );
}
