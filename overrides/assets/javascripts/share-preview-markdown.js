/**
 * The Markdown of a section as the site shows it, for the preview: markdown-it's CommonMark with tables, HTML
 * typed in the text kept as text. The site converts with Python-Markdown, which starts a list or a table only
 * after an empty line: one right under a line of text is that text's continuation on the published page (the
 * run-on bullets readers meet), and so it is in the preview. Inside a list item, where Python-Markdown nests a
 * list indented by four spaces, the two agree and nothing changes.
 */
import markdownit from "./vendor/markdown-it.js";

export const markdown = markdownit("commonmark", { html: false }).enable("table");

// The rule is taken from the ruler's list by name (its `__rules__`), as the minified build names no function.
for (const name of ["list", "table"]) {
  const { fn, alt } = markdown.block.ruler.__rules__.find((each) => each.name === name);
  const wrapped = (state, start, end, silent) =>
    !(silent && state.parentType === "paragraph" && state.blkIndent === 0) && fn(state, start, end, silent);
  markdown.block.ruler.at(name, wrapped, { alt });
}
