/**
 * Markdown that would make the site's engine take hours, found as hooks/checks/slow_markdown.py finds it:
 * one linear pass over the whole body, read raw and in paragraphs split at blank lines, with the
 * limits the description carries. Its regular expressions are Python's, spelled for JavaScript.
 */
import { PYTHON_SPACE } from "./python-text.js";

const BREAK = new RegExp(`^ {0,3}(?:#|:${PYTHON_SPACE}|[-=*_][-=*_ ]*$)`);
const HEADING = /^ {0,3}(?:#|=+ *$|-+ *$)/;
// One quote or list marker, or a two-space indent; Python's atomic group is this match taken once per level.
const NEST_LEVEL = /(?: {0,3}(?:>|[-*+](?= |$)|\p{Nd}{1,9}[.)](?= |$)) ?| {2})/uy;
const SPECIAL = /[[\]()<\\]/g;
const LINE_START = new Set(" #:=-*_>+0123456789");
const TAG_START = /[A-Za-z/!?]/;

/** Python's str.expandtabs(4): each tab up to the next column that is a multiple of 4, in characters. */
function expandTabs(text) {
  return text
    .split("\n")
    .map((line) => {
      if (!line.includes("\t")) return line;
      let column = 0;
      let out = "";
      for (const char of line) {
        const width = char === "\t" ? 4 - (column % 4) : 1;
        out += char === "\t" ? " ".repeat(width) : char;
        column += width;
      }
      return out;
    })
    .join("\n");
}

function occurrences(text, part) {
  return text.split(part).length - 1;
}

function markupCount(limits, text) {
  let count = occurrences(text, "  \n");
  for (const char of limits.markupCharacters) count += occurrences(text, char);
  return count;
}

function braceCount(text) {
  return occurrences(text, "{") - occurrences(text, "\\{");
}

function nestedTooDeep(limits, line) {
  NEST_LEVEL.lastIndex = 0;
  for (let level = 0; level <= limits.nesting; level += 1) if (!NEST_LEVEL.test(line)) return false;
  return true;
}

/** Each line as [offset, text]. */
function linesOf(text) {
  let offset = 0;
  return text.split("\n").map((line) => {
    const at = offset;
    offset += line.length + 1;
    return [at, line];
  });
}

function lineStarts(limits, lines) {
  const found = [];
  const blanks = [];
  let count = 0;
  let headings = 0;
  let breaks = 0;
  let firstBreak = 0;
  for (const [offset, line] of lines) {
    if (/^ *$/.test(line)) {
      blanks.push(offset);
      breaks = 0;
    } else {
      count += 1;
      if (LINE_START.has(line[0])) {
        if (nestedTooDeep(limits, line)) found.push([offset, "nesting"]);
        if (HEADING.test(line)) headings += 1;
        if (BREAK.test(line)) {
          firstBreak = breaks ? firstBreak : offset;
          breaks += 1;
          if (breaks === limits.breaksPerParagraph + 1) found.push([firstBreak, "breaks"]);
        }
      }
    }
  }
  return { found, blanks, count, headings };
}

/** Paragraphs with too much markup or braces, and those that take the whole text over a limit. */
function crowded(limits, text, lines) {
  const found = [];
  const totals = { headings: [0, limits.headings], lines: [0, limits.lines], "markup-total": [0, limits.markup] };
  let index = 0;
  while (index < lines.length) {
    if (/^[ \t]*$/.test(lines[index][1])) {
      index += 1;
      continue;
    }
    const start = lines[index][0];
    let headings = 0;
    let count = 0;
    for (; index < lines.length && !/^[ \t]*$/.test(lines[index][1]); index += 1) {
      count += 1;
      if (HEADING.test(lines[index][1])) headings += 1;
    }
    const block = text.slice(start, index < lines.length ? lines[index][0] : text.length);
    const markup = markupCount(limits, block);
    if (markup > limits.markupPerParagraph) found.push([start, "markup"]);
    if (braceCount(block) > limits.bracesPerParagraph) found.push([start, "braces"]);
    const counts = { headings, lines: count, "markup-total": markup + occurrences(block, "|") };
    for (const [kind, number] of Object.entries(counts)) {
      const [sum, limit] = totals[kind];
      if (sum <= limit && limit < sum + number) found.push([start, kind]);
      totals[kind][0] = sum + number;
    }
  }
  return found;
}

/** Unclosed or deep brackets, unclosed link addresses, and `<` with no `>` on its line. */
function bracketsAndTags(limits, text, blanks) {
  const found = [];
  let blank = 0;
  let opened = [];
  let address = 0;
  let addressDepth = 0;
  let skip = -1;
  let lineEnd = -1;
  let lastClose = -1;
  const unclosed = () => {
    if (opened.length) found.push([opened[0], "bracket"]);
    if (addressDepth) found.push([address, "address"]);
  };
  for (const match of text.matchAll(SPECIAL)) {
    const position = match.index;
    const char = match[0];
    if (position === skip) continue;
    if (blank < blanks.length && blanks[blank] < position) {
      unclosed();
      opened = [];
      addressDepth = 0;
      while (blank < blanks.length && blanks[blank] < position) blank += 1;
    }
    if (char === "\\") {
      skip = position + 1;
    } else if (char === "[") {
      opened.push(position);
      if (opened.length === limits.bracketDepth + 1) found.push([position, "depth"]);
    } else if (char === "]" && opened.length) {
      opened.pop();
      if (text[position + 1] === "(" && !addressDepth) [address, addressDepth, skip] = [position, 1, position + 1];
    } else if (char === "(" && addressDepth) {
      addressDepth += 1;
    } else if (char === ")" && addressDepth) {
      addressDepth -= 1;
    } else if (char === "<" && TAG_START.test(text[position + 1] || "")) {
      if (position > lineEnd) {
        lineEnd = text.indexOf("\n", position);
        lineEnd = lineEnd < 0 ? text.length : lineEnd;
        lastClose = text.lastIndexOf(">", lineEnd - 1);
      }
      if (position > lastClose) found.push([position, "angle"]);
    }
  }
  unclosed();
  return found;
}

/** Each kind of slow construct in `body`, once, with the number of the first line (from 0) that has it. */
export function slowMarkdown(limits, body) {
  const text = expandTabs(body.replace(/\r\n?/g, "\n"));
  const lines = linesOf(text);
  const starts = lineStarts(limits, lines);
  const found = starts.found.concat(bracketsAndTags(limits, text, starts.blanks));
  const markup = markupCount(limits, text);
  if (
    markup > limits.markupPerParagraph ||
    markup + occurrences(text, "|") > limits.markup ||
    starts.count > limits.lines ||
    starts.headings > limits.headings ||
    braceCount(text) > limits.bracesPerParagraph
  ) {
    found.push(...crowded(limits, text, lines));
  }
  found.sort(([a], [b]) => a - b);
  const first = new Map();
  let line = 0;
  let counted = 0;
  for (const [position, kind] of found) {
    line += occurrences(text.slice(counted, position), "\n");
    counted = position;
    if (!first.has(kind)) first.set(kind, line);
  }
  return [...first].map(([kind, at]) => ({ kind, line: at }));
}

export function slowMessage(limits, kind) {
  const characters = [...limits.markupCharacters].join(" ");
  return {
    bracket:
      "a '[' is never closed by a ']' in its paragraph, which would stall the site's build; close it, " +
      "or write \\[ for a bracket meant as text",
    address:
      "a link's address is never closed by a ')' in its paragraph, which would stall the site's build; " +
      "close it with ')'",
    depth:
      `brackets are nested more than ${limits.bracketDepth} deep, which slows the site's build; close some, ` +
      "or write \\[ for a bracket meant as text",
    angle:
      "a '<' followed by a letter, '/', '!' or '?' has no '>' on its line, which would stall the site's build; " +
      "write &lt; for a less-than sign, or put a space after it",
    markup:
      `a paragraph holds more than ${limits.markupPerParagraph} characters that start formatting ` +
      `(${characters} and line breaks), which slows the site's build; split it with blank lines`,
    braces:
      `a paragraph holds more than ${limits.bracesPerParagraph} '{', which slows the site's build; ` +
      "use fewer, or write \\{ for a brace meant as text",
    breaks:
      `a paragraph holds more than ${limits.breaksPerParagraph} rules or definition lines (starting with ` +
      "':'), which slows the site's build; put a blank line after each",
    headings:
      `the file would have more than ${limits.headings} headings and lines of only - or =, counting ` +
      "the headings added for you, which slows the site's build; use fewer",
    lines:
      `the file would have more than ${limits.lines} lines that are not blank, which would take the site ` +
      "minutes to build; move long material to a linked document",
    "markup-total":
      `the file would have more than ${limits.markup} characters that start formatting ` +
      `(${characters} | and line breaks), which would take the site minutes to build; ` +
      "move long material to a linked document",
    nesting: `lists or quotes are nested more than ${limits.nesting} deep, which slows the site's build; nest less`,
  }[kind];
}
