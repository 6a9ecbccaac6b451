// Unit tests of share-paste-markdown.js: rich text pasted into a section becomes the Markdown the check accepts.
// The pasted HTML is parsed by domino, the DOM that Turndown itself uses under Node.
import assert from "node:assert/strict";
import test from "node:test";

import domino from "@mixmark-io/domino";

import {
  hasStructure,
  pastedMarkdown,
  tableHeadings,
  wordLists,
} from "../../overrides/assets/javascripts/share-paste-markdown.js";

const body = (html) => domino.createDocument(`<!doctype html><html><body>${html}</body></html>`).body;

// As Word writes a list: a paragraph per item, the bullet or number typed in a span it marks `mso-list:Ignore`.
const item = (text, marker, level = 1, first = "Middle") =>
  `<p class=MsoListParagraphCxSp${first} style='text-indent:-18.0pt;mso-list:l0 level${level} lfo1'>` +
  `<span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}` +
  `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span>` +
  `${text}<o:p></o:p></p>\n`;

test("Word's bulleted paragraphs become a list, nested by their level, between the paragraphs around them", () => {
  const html =
    "<p class=MsoNormal>Before the list.</p>\n" +
    item("Weekly <b>huddles</b>", "·", 1, "First") +
    item("Led by the ward sister", "o", 2) +
    item('A <a href="https://example.org/x">guide</a>', "·", 1, "Last") +
    "<p class=MsoNormal>After it.</p>";
  const root = wordLists(body(html));
  assert.equal(root.querySelectorAll("p").length, 2);
  assert.equal(root.querySelectorAll("ul > li").length, 3);
  assert.equal(root.querySelector("ul > li > ul > li").textContent, "Led by the ward sister");
  assert.equal(
    pastedMarkdown(body(html)),
    "Before the list.\n\n" +
      "-   Weekly **huddles**\n    -   Led by the ward sister\n-   A [guide](https://example.org/x)\n\nAfter it.",
  );
});

test("Word's numbered paragraphs become a numbered list, and two lists apart stay apart", () => {
  const html = item("First step", "1.", 1, "First") + item("Second step", "2.", 1, "Last") + "<p>Then</p>";
  const markdown = pastedMarkdown(body(html + item("A bullet", "·")));
  assert.equal(markdown, "1.  First step\n2.  Second step\n\nThen\n\n-   A bullet");
});

test("a table without a heading row takes its first row as headings, and each cell is one line", () => {
  const html =
    "<table class=MsoTableGrid><tbody><tr><td><p><b>Measure</b></p></td><td><p>Before</p></td></tr>\n" +
    "<tr><td><p>Sickness absence</p><p>(days)</p></td><td>4.1<br>a month</td></tr></tbody></table>";
  const root = tableHeadings(body(html));
  assert.equal(root.querySelectorAll("thead th").length, 2);
  assert.equal(
    pastedMarkdown(body(html)),
    "| **Measure** | Before |\n| --- | --- |\n| Sickness absence (days) | 4.1 a month |",
  );
});

test("headings become bold lines, images and scripts are left out, and a plain paragraph stays as it is", () => {
  const html = "<h2>What we did</h2><p>We met <i>weekly</i>.</p><img src='file:///C:/a.png'><script>x()</script>";
  assert.equal(pastedMarkdown(body(html)), "**What we did**\n\nWe met _weekly_.");
});

test("Google Docs' whole-paste bold of normal weight is no bold, and its bold spans are", () => {
  const html =
    '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:400">We met </span>' +
    '<span style="font-weight:700">every week</span><span style="font-weight:400">.</span></p></b>';
  assert.equal(pastedMarkdown(body(html)), "We met **every week**.");
});

test("only rich text with something to keep is converted; text from a code editor is pasted as written", () => {
  const editor = '<div style="white-space: pre;"><div><span style="color: #d4d4d4;">- a point</span></div></div>';
  assert.equal(hasStructure(body(editor)), false);
  assert.equal(hasStructure(body("<p>Some <em>words</em></p>")), true);
  assert.equal(hasStructure(body(item("A point", "·"))), true);
});
