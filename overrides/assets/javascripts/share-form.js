/*
 * "Share your case study": a form built from the schema, which writes the entry file.
 *
 * The page links to a JSON description of the fields and sections (generated from the schema and
 * vocabularies at build time), so nothing here names a field. The file is written with the same
 * YAML quoting as the Python scaffold: every text value double-quoted in JSON's syntax, which YAML
 * reads back exactly. Drafts stay in this browser's localStorage; nothing is sent anywhere. Text
 * from the description or the writer is inserted with textContent only.
 *
 * The pure functions at the top are exported for `node --test`; the rest runs in the page.
 */
(function () {
  "use strict";

  const UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
  const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g;
  const PLACEHOLDER = /^\s*TODO\b/;
  const DRAFT_VERSION = 1;

  /** A YAML double-quoted scalar that reads back as exactly `text`. */
  function quoted(text) {
    const whole = String(text).replace(LONE_SURROGATE, (match, before) => (before || "") + "\ufffd");
    return JSON.stringify(whole).replace(UNSAFE, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  }

  function scalar(value) {
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return String(value);
    return quoted(value);
  }

  /** `key: value` lines: scalars and lists of scalars on one line, groups as blocks (as scaffold.py). */
  function valueLines(key, value, indent) {
    if (Array.isArray(value) && value.some((item) => item && typeof item === "object")) {
      const lines = [key];
      for (const item of value) {
        Object.entries(item).forEach(([name, inner], index) => {
          lines.push(...valueLines(`${indent}${index === 0 ? "  - " : "    "}${name}:`, inner, indent + "    "));
        });
      }
      return lines;
    }
    if (Array.isArray(value)) return [`${key} [${value.map(scalar).join(", ")}]`];
    if (value && typeof value === "object") {
      const lines = [key];
      for (const [name, inner] of Object.entries(value)) lines.push(...valueLines(`${indent}  ${name}:`, inner, indent + "  "));
      return lines;
    }
    return [`${key} ${scalar(value)}`];
  }

  /** The file name for a title, as hooks/slugs.py's slugify makes it. */
  function slugify(title, limit) {
    const slug = String(title).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (slug.length <= limit) return slug;
    const cut = slug.slice(0, limit + 1);
    return cut.includes("-") ? cut.replace(/-[^-]*$/, "") : slug.slice(0, limit);
  }

  /** Today's date in this browser, as YYYY-MM-DD. */
  function today() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  }

  /** The starting state of a field: what an empty form holds, or what the schema fills in (`default`). */
  function initialValue(field) {
    if (field.default === "today") return today();
    if (field.fields.length && field.type === "array") {
      return Array.from({ length: Math.max(field.minItems, 1) }, () => initialGroup(field.fields));
    }
    if (field.fields.length) return initialGroup(field.fields);
    if (field.type === "array") return field.choices ? [] : "";
    if (field.type === "boolean") return false;
    return "";
  }

  function initialGroup(fields) {
    return Object.fromEntries(fields.map((field) => [field.name, initialValue(field)]));
  }

  function allSections(sections) {
    return sections.flatMap((section) => [section, ...allSections(section.subsections)]);
  }

  function initialState(spec) {
    return {
      fields: initialGroup(spec.fields),
      sections: Object.fromEntries(allSections(spec.sections).map((section) => [section.title, ""])),
    };
  }

  /** A saved state laid over the empty one, keeping only what still fits the fields. */
  function mergeState(spec, saved) {
    const state = initialState(spec);
    const fit = (field, value, fallback) => {
      if (field.fields.length && field.type === "array") {
        return Array.isArray(value) && value.length
          ? value.map((item) => mergeGroup(field.fields, item, initialGroup(field.fields))) : fallback;
      }
      if (field.fields.length) return mergeGroup(field.fields, value, fallback);
      return typeof value === typeof fallback && Array.isArray(value) === Array.isArray(fallback) ? value : fallback;
    };
    const mergeGroup = (fields, value, fallback) => {
      if (!value || typeof value !== "object" || Array.isArray(value)) return fallback;
      return Object.fromEntries(fields.map((field) => [field.name, fit(field, value[field.name], fallback[field.name])]));
    };
    state.fields = mergeGroup(spec.fields, saved && saved.fields, state.fields);
    for (const title of Object.keys(state.sections)) {
      const text = saved && saved.sections && saved.sections[title];
      if (typeof text === "string") state.sections[title] = text;
    }
    return state;
  }

  function isEmpty(value) {
    return value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
  }

  /** Form state to the values the file holds: trimmed, typed, with empty optional parts left out. */
  function clean(field, raw) {
    if (field.fields.length && field.type === "array") {
      const items = (raw || []).map((item) => cleanGroup(field.fields, item)).filter((item) => item !== undefined);
      return items.length || field.required ? items : undefined;
    }
    if (field.fields.length) return cleanGroup(field.fields, raw);
    if (field.type === "array") {
      let items = field.choices ? field.choices.map((c) => c.value).filter((v) => (raw || []).includes(v))
        : String(raw || "").split("\n").map((line) => line.trim()).filter(Boolean);
      if (field.itemType === "integer") items = items.map((v) => (/^-?\d+$/.test(String(v)) ? Number(v) : v));
      return items.length ? items : undefined;
    }
    if (field.type === "boolean") return Boolean(raw);
    const text = String(raw === undefined ? "" : raw).trim().replace(/\s*\n\s*/g, " ");
    if (!text) return undefined;
    if (field.type === "integer" && /^-?\d+$/.test(text)) return Number(text);
    return text;
  }

  function cleanGroup(fields, raw) {
    const result = {};
    let filled = false;
    for (const field of fields) {
      const value = clean(field, raw ? raw[field.name] : undefined);
      if (value === undefined || (field.type === "boolean" && value === false && !field.required)) continue;
      result[field.name] = value;
      if (field.type !== "boolean") filled = true;
    }
    return filled ? result : undefined;
  }

  function cleanFields(spec, state) {
    const values = {};
    for (const field of spec.fields) {
      const value = clean(field, state.fields[field.name]);
      if (value !== undefined) values[field.name] = value;
    }
    return values;
  }

  /**
   * The body's lines (a section's text is one of them), and the line number, from 0, of each section's
   * heading, in the order of `allSections`.
   */
  function bodyLines(spec, texts) {
    const lines = [];
    const headings = [];
    let count = 0;
    const push = (...added) => {
      lines.push(...added);
      count += added.reduce((sum, text) => sum + occurrences(text, "\n") + 1, 0);
    };
    const add = (sections, level) => {
      for (const section of sections) {
        push("");
        headings.push(count);
        push(`${"#".repeat(level)} ${section.title}`);
        const text = String(texts[section.title] || "").replace(/\r\n?/g, "\n").replace(/\s+$/, "");
        if (text) push("", text);
        add(section.subsections, level + 1);
      }
    };
    add(spec.sections, 2);
    return { lines, headings };
  }

  /** The complete entry file for the form's state. */
  function entryText(spec, state) {
    const values = cleanFields(spec, state);
    const lines = ["---"];
    for (const field of spec.fields) {
      if (values[field.name] !== undefined) lines.push(...valueLines(`${field.name}:`, values[field.name], ""));
    }
    lines.push("---", ...bodyLines(spec, state.sections).lines);
    return lines.join("\n") + "\n";
  }

  function fileName(spec, state) {
    return `${slugify(String(state.fields.title || ""), spec.slugLength) || "my-" + spec.kind.replace(/_/g, "-")}.md`;
  }

  function validDate(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const day = new Date(text + "T00:00:00Z");
    return !Number.isNaN(day.getTime()) && day.getUTCFullYear() >= 1 && day.toISOString().slice(0, 10) === text;
  }

  /** A year, a month or a day, as hooks/schema.py's partial-date format reads it. */
  function validPartialDate(text) {
    return /^[0-9]{4}(-(0[1-9]|1[0-2]))?$/.test(text) || (text.length === 10 && validDate(text));
  }

  /** A pattern the whole value must match, as the check matches it. */
  function whole(pattern) {
    return new RegExp(`^(?:${pattern})$`, "u");
  }

  function characterClass(ranges) {
    const hex = (code) => `\\u{${code.toString(16)}}`;
    return new RegExp(`[${ranges.map(([low, high]) => `${hex(low)}-${hex(high)}`).join("")}]`, "u");
  }

  const compiled = new WeakMap();

  /** The check's own rules, which the description carries from the schema, compiled once per description. */
  function rulesOf(spec) {
    if (!compiled.has(spec)) {
      compiled.set(spec, {
        field: characterClass(spec.characters.field),
        text: characterClass(spec.characters.text),
        formats: Object.fromEntries(Object.entries(spec.formats).map(([name, pattern]) => [name, whole(pattern)])),
        citations: citationPatterns(spec.citations.patterns),
      });
    }
    return compiled.get(spec);
  }

  const FORMAT_ADVICE = { email: "write an email address, like name@organisation.nhs.uk",
    url: "give the full web address, starting with https://, without spaces, quotes or angle brackets" };

  function characterProblem(char, inField) {
    const code = `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    if (char === "\t") return `it has a tab (${code}); use a space instead`;
    if (inField && /[\n\u2028\u2029]/.test(char)) return `it has a line break (${code}); write it on one line`;
    return `it has an invisible character (${code}) that cannot be published; delete it`;
  }

  /** What the browser can check of one value: each problem as plain words. */
  function valueProblems(field, value, rules) {
    if (typeof value === "string" && PLACEHOLDER.test(value)) return ["replace the TODO placeholder with your own words"];
    if (field.type === "integer" || field.itemType === "integer") {
      if (typeof value !== "number") return [`write a whole number, like ${JSON.stringify(field.example)}`];
      if (field.minimum !== null && value < field.minimum) return [`the smallest allowed is ${field.minimum}`];
      if (field.maximum !== null && value > field.maximum) return [`the largest allowed is ${field.maximum}`];
      return [];
    }
    if (typeof value !== "string") return [];
    const refused = rules.field.exec(value);
    if (refused) return [characterProblem(refused[0], true)];
    const problems = [];
    const length = [...value].length; // characters, as the check counts them, not UTF-16 units
    if (field.minLength && length < field.minLength) {
      problems.push(`write at least ${field.minLength} characters (now ${length})`);
    }
    if (field.maxLength && length > field.maxLength) {
      problems.push(`shorten it to ${field.maxLength} characters or fewer (now ${length})`);
    }
    if (field.format === "date" && !validDate(value)) problems.push("write the date as YYYY-MM-DD, like 2026-11-25");
    if (field.format === "partial-date" && !validPartialDate(value)) {
      problems.push("write the date as YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source, like 2023-02");
    }
    const format = rules.formats[field.format];
    if (format && !format.test(value)) problems.push(FORMAT_ADVICE[field.format]);
    if (field.pattern && !whole(field.pattern).test(value)) {
      problems.push(`write it in the expected form: ${field.patternDescription || JSON.stringify(field.example)}`);
    }
    return problems;
  }

  /** The repository path a relative link from `directory` points to, as the check resolves it. */
  function resolve(directory, target) {
    if (target.startsWith("/")) return target;
    const parts = [];
    for (const part of `${directory}/${target}`.split("/")) {
      if (part === ".." && parts.length && parts[parts.length - 1] !== "..") parts.pop();
      else if (part && part !== ".") parts.push(part);
    }
    return parts.join("/");
  }

  // Link targets, inline (`](target`) and in reference definitions (`[name]: target`), also inside lists and quotes.
  const LINK_TARGET = /\]\(\s*<?([^)\s>]*)|^[ \t>*+\-\d.)]*\[[^\]\n]+\]:\s*<?([^\s>]+)/gm;

  function linkProblems(spec, text) {
    const problems = [];
    for (const match of text.matchAll(LINK_TARGET)) {
      const target = match[1] === undefined ? match[2] : match[1];
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target);
      if (scheme) {
        if (!spec.linkSchemes.includes(scheme[1].toLowerCase())) {
          problems.push(`the link ${JSON.stringify(target)} uses '${scheme[1]}:'; `
            + "links must start with https://, http:// or mailto:");
        }
        continue;
      }
      const path = target.replace(/[?#][\s\S]*$/, "");
      let file = null;
      try {
        file = path && resolve(spec.directory, decodeURIComponent(path));
      } catch (error) { /* a malformed %-escape: no such file */ }
      if (file !== "" && !spec.linkTargets.includes(file)) {
        problems.push(`the link ${JSON.stringify(target)} points to a page the hub does not have; `
          + "give the full address, starting with https://");
      }
    }
    return problems;
  }

  // Attribute lists (`{: #id .class }`) and the ids and classes in them, read as the check reads them.
  const ATTRIBUTE_LIST = /\{:?[ \t]*([^}\n]+)\}/g;
  const ATTRIBUTE = /([#.])([^\s#.}'"=]+)|\b(id|class)=(?:"([^"]*)"|'([^']*)'|([^\s}]+))/g;

  function nameProblems(spec, text) {
    const problems = [];
    for (const list of text.matchAll(ATTRIBUTE_LIST)) {
      for (const [, mark, short, key, ...values] of list[1].matchAll(ATTRIBUTE)) {
        const kind = { "#": "id", ".": "class" }[mark] || key;
        for (const name of (short || values.filter(Boolean).join("")).split(/\s+/).filter(Boolean)) {
          if (spec.reservedNames[kind].some((prefix) => name.toLowerCase().startsWith(prefix))) {
            problems.push(`the ${kind} ${JSON.stringify(name)} is taken by the site's theme or scripts; `
              + "choose another");
          }
        }
      }
    }
    return problems;
  }

  // What a section may hold that is no text of its own, as the check reads it: comments, rules, link definitions.
  const SAYS_NOTHING = /<!--[\s\S]*?-->|^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$|^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;

  function saysSomething(text) {
    return Boolean(text.replace(SAYS_NOTHING, "").trim());
  }

  /** Whether a section's whole text is the standard sentence for what its source does not report. */
  function notReported(spec, text) {
    return text.split(/\s+/).filter(Boolean).join(" ") === spec.notReported;
  }

  function sectionProblems(spec, rules, section, raw) {
    const text = raw.replace(/\r\n?/g, "\n");
    const problems = [];
    if (!saysSomething(text) && !section.subsections.length) {
      problems.push(`write something under this heading; if the source does not say, write only: ${spec.notReported}`);
    }
    const lines = text.split("\n");
    const underlined = lines.some((line, index) => index && /^ {0,3}(=+|-+)[ \t]*$/.test(line)
      && /\S/.test(lines[index - 1]));
    if (/^ {0,3}#{1,6}(\s|$)/m.test(text) || underlined) {
      problems.push("the headings are added for you; start lines without #, and do not underline a line with = or -");
    }
    if (/<[A-Za-z!/?]/.test(text)) problems.push("HTML tags are not allowed; use plain text or Markdown");
    if (/^[ \t>*+\-\d.)]*TODO\b/m.test(text)) problems.push("replace the TODO placeholder with your own words");
    const refused = rules.text.exec(text);
    if (refused) problems.push(characterProblem(refused[0], false));
    return problems.concat(linkProblems(spec, text), nameProblems(spec, text));
  }

  /*
   * Markdown that would make the site's engine take hours, found as hooks/slow_markdown.py finds it:
   * one linear pass over the whole body, read raw and in paragraphs split at blank lines, with the
   * limits the description carries. Its regular expressions are Python's, spelled for JavaScript.
   */
  // What Python's \s matches in text: the characters str.isspace() accepts.
  const PYTHON_SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a"
    + "\\u2028\\u2029\\u202f\\u205f\\u3000]";
  const BREAK = new RegExp(`^ {0,3}(?:#|:${PYTHON_SPACE}|[-=*_][-=*_ ]*$)`);
  const HEADING = /^ {0,3}(?:#|=+ *$|-+ *$)/;
  // One quote or list marker, or a two-space indent; Python's atomic group is this match taken once per level.
  const NEST_LEVEL = /(?: {0,3}(?:>|[-*+](?= |$)|\p{Nd}{1,9}[.)](?= |$)) ?| {2})/uy;
  const SPECIAL = /[[\]()<\\]/g;
  const LINE_START = new Set(" #:=-*_>+0123456789");
  const TAG_START = /[A-Za-z/!?]/;

  /** Python's str.expandtabs(4): each tab up to the next column that is a multiple of 4, in characters. */
  function expandTabs(text) {
    return text.split("\n").map((line) => {
      if (!line.includes("\t")) return line;
      let column = 0;
      let out = "";
      for (const char of line) {
        const width = char === "\t" ? 4 - (column % 4) : 1;
        out += char === "\t" ? " ".repeat(width) : char;
        column += width;
      }
      return out;
    }).join("\n");
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
  function slowMarkdown(limits, body) {
    const text = expandTabs(body.replace(/\r\n?/g, "\n"));
    const lines = linesOf(text);
    const starts = lineStarts(limits, lines);
    const found = starts.found.concat(bracketsAndTags(limits, text, starts.blanks));
    const markup = markupCount(limits, text);
    if (markup > limits.markupPerParagraph || markup + occurrences(text, "|") > limits.markup
        || starts.count > limits.lines || starts.headings > limits.headings
        || braceCount(text) > limits.bracesPerParagraph) {
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

  function slowMessage(limits, kind) {
    const characters = [...limits.markupCharacters].join(" ");
    return {
      bracket: "a '[' is never closed by a ']' in its paragraph, which would stall the site's build; close it, "
        + "or write \\[ for a bracket meant as text",
      address: "a link's address is never closed by a ')' in its paragraph, which would stall the site's build; "
        + "close it with ')'",
      depth: `brackets are nested more than ${limits.bracketDepth} deep, which slows the site's build; close some, `
        + "or write \\[ for a bracket meant as text",
      angle: "a '<' followed by a letter, '/', '!' or '?' has no '>' on its line, which would stall the site's build; "
        + "write &lt; for a less-than sign, or put a space after it",
      markup: `a paragraph holds more than ${limits.markupPerParagraph} characters that start formatting `
        + `(${characters} and line breaks), which slows the site's build; split it with blank lines`,
      braces: `a paragraph holds more than ${limits.bracesPerParagraph} '{', which slows the site's build; `
        + "use fewer, or write \\{ for a brace meant as text",
      breaks: `a paragraph holds more than ${limits.breaksPerParagraph} rules or definition lines (starting with `
        + "':'), which slows the site's build; put a blank line after each",
      headings: `the file would have more than ${limits.headings} headings and lines of only - or =, counting `
        + "the headings added for you, which slows the site's build; use fewer",
      lines: `the file would have more than ${limits.lines} lines that are not blank, which would take the site `
        + "minutes to build; move long material to a linked document",
      "markup-total": `the file would have more than ${limits.markup} characters that start formatting `
        + `(${characters} | and line breaks), which would take the site minutes to build; `
        + "move long material to a linked document",
      nesting: `lists or quotes are nested more than ${limits.nesting} deep, which slows the site's build; nest less`,
    }[kind];
  }

  /*
   * In-text citations, read as hooks/citations.py reads them, with its patterns: `(NHS England 2021)`,
   * `(Maben et al. 2018; Dewar and Cook 2014)`, `(NHS England n.d.)`. Text in fenced code is not read.
   */
  function citationPatterns(patterns) {
    const compiled = Object.fromEntries(Object.entries(patterns).map(([name, pattern]) => [name, new RegExp(pattern)]));
    compiled.group = new RegExp(patterns.group, "g");
    compiled.citation = new RegExp(`^(?:${patterns.citation})$`);
    return compiled;
  }

  function withoutFences(text) {
    let fence = null;
    return text.split("\n").map((line) => {
      const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (mark && mark[1][0] === fence[0] && mark[1].length >= fence.length) fence = null;
        return "";
      }
      if (mark) fence = mark[1];
      return mark ? "" : line;
    }).join("\n");
  }

  function oneSpaced(text) {
    return String(text).split(/\s+/).filter(Boolean).join(" ");
  }

  /** Each citation in `text`: its authors as written and its year (null for n.d.). */
  function citationsIn(patterns, text) {
    const found = [];
    for (const group of withoutFences(text).matchAll(patterns.group)) {
      for (const part of group[1].split(";")) {
        const written = oneSpaced(part).replace(patterns.leadIn, "").replace(patterns.pages, "");
        const cited = patterns.citation.exec(written);
        if (cited && !patterns.notAuthors.test(cited[1])) {
          found.push({ authors: cited[1], year: cited[2] ? Number(cited[2]) : null });
        }
      }
    }
    return found;
  }

  function escaped(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function startsWithAuthor(patterns, citation, author) {
    const name = author.replace(patterns.article, "");
    return Boolean(name) && new RegExp(`^${escaped(name)}(?!\\w)`).test(citation.replace(patterns.article, ""));
  }

  /** Whether a reference is the source a citation cites: its first author, the second of two, and its year. */
  function citationMatches(patterns, cited, reference) {
    const citation = oneSpaced(reference.citation || "");
    if ((reference.year === undefined ? null : reference.year) !== cited.year) return false;
    const authors = cited.authors.replace(patterns.etAl, "");
    if (startsWithAuthor(patterns, citation, authors)) return true;
    const named = authors.split(patterns.two);
    return named.length === 2 && startsWithAuthor(patterns, citation, named[0])
      && new RegExp(`(?<!\\w)${escaped(named[1])}(?!\\w)`).test(citation);
  }

  /** Citations with no reference, on the field or section that has them; references no text cites. */
  function citationProblems(spec, state, rules, add) {
    const patterns = rules.citations;
    const listField = spec.fields.find((field) => field.name === spec.citations.references);
    const raw = state.fields[listField.name] || [];
    const references = raw.map((item) => cleanGroup(listField.fields, item));
    const cited = [];
    for (const name of spec.citations.fields) {
      const field = spec.fields.find((each) => each.name === name);
      const text = clean(field, state.fields[name]);
      if (typeof text === "string") cited.push([`hub-field-${name}`, field.title, citationsIn(patterns, text)]);
    }
    allSections(spec.sections).forEach((section, index) => {
      const text = String(state.sections[section.title] || "");
      cited.push([`hub-section-${index}`, section.title, citationsIn(patterns, text)]);
    });
    for (const [id, title, found] of cited) {
      for (const each of found) {
        if (!references.some((reference) => reference && citationMatches(patterns, each, reference))) {
          add(id, title, `the citation (${each.authors} ${each.year || spec.citations.undated}) matches no reference; `
            + `add the source under ${listField.title}, or correct the citation`);
        }
      }
    }
    references.forEach((reference, index) => {
      if (!reference || PLACEHOLDER.test(reference.citation || "")) return;
      if (!cited.some(([, , found]) => found.some((each) => citationMatches(patterns, each, reference)))) {
        add(`hub-field-${listField.name}-${index}-${listField.fields[0].name}`, `${listField.title} ${index + 1}`,
          "the text does not cite this source; cite it where the text relies on it, by author and year, "
          + "like (Maben et al. 2018) or (NHS England n.d.), or remove it");
      }
    });
  }

  /** A name as the check compares names: compatible forms, case, spacing and invisible characters aside. */
  function sameName(name) {
    const visible = name.normalize("NFKC").replace(/\p{Cf}/gu, "");
    return visible.toUpperCase().toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  /** Every problem the browser can find, each with the id of the control to fix. */
  function check(spec, state) {
    const rules = rulesOf(spec);
    const problems = [];
    const add = (id, title, message) => problems.push({ id, title, message });
    const visit = (field, raw, id, title) => {
      const value = clean(field, raw);
      if (value === undefined) {
        if (field.required) add(id, title, field.choices ? "choose at least one" : "fill this in");
        return;
      }
      if (field.fields.length && field.type === "array") {
        (raw || []).forEach((item, index) => {
          if (cleanGroup(field.fields, item) === undefined) return;
          for (const child of field.fields) {
            visit(child, item[child.name], `${id}-${index}-${child.name}`, `${title} ${index + 1}: ${child.title}`);
          }
        });
        if (value.length < field.minItems) add(id, title, `give at least ${field.minItems}`);
        return;
      }
      if (field.fields.length) {
        for (const child of field.fields) visit(child, raw[child.name], `${id}-${child.name}`, `${title}: ${child.title}`);
        if (field.oneOf.length && !field.oneOf.some((name) => value[name] !== undefined)) {
          const titles = field.fields.filter((child) => field.oneOf.includes(child.name)).map((child) => child.title);
          add(id, title, `fill in at least one of ${titles.join(" and ")}`);
        }
        return;
      }
      if (Array.isArray(value)) {
        if (value.length < field.minItems) add(id, title, `choose at least ${field.minItems}`);
        if (field.choices) return;
        const seen = new Set();
        for (const item of value) {
          if (seen.has(item)) add(id, title, `${JSON.stringify(item)} is listed twice`);
          seen.add(item);
          const listed = field.notIn && field.notIn.names.find((known) => sameName(known.name) === sameName(item));
          if (listed) {
            add(id, title, `the hub has a page for ${JSON.stringify(item)}: choose ${JSON.stringify(listed.label)} `
              + `under ${field.notIn.title} instead`);
          }
          for (const message of valueProblems(field, item, rules)) {
            add(id, title, `${JSON.stringify(item)}: ${message}`);
          }
        }
        return;
      }
      if (field.choices && !field.choices.some((choice) => String(choice.value) === String(value))) {
        add(id, title, "choose one of the values listed"); // a draft saved before the list changed
        return;
      }
      for (const message of valueProblems(field, value, rules)) add(id, title, message);
    };
    for (const field of spec.fields) visit(field, state.fields[field.name], `hub-field-${field.name}`, field.title);
    for (const field of spec.fields) {
      const group = spec.fields.filter((each) => each === field || field.alternatives.includes(each.name));
      if (!field.alternatives.length || group[0] !== field) continue; // each set of alternatives once
      if (group.every((each) => clean(each, state.fields[each.name]) === undefined)) {
        add(`hub-field-${field.name}`, field.title, `${field.choices ? "choose at least one" : "fill this in"}, `
          + `or fill in ${group.slice(1).map((each) => each.title).join(" or ")}`);
      }
    }
    allSections(spec.sections).forEach((section, index) => {
      for (const message of sectionProblems(spec, rules, section, String(state.sections[section.title] || ""))) {
        add(`hub-section-${index}`, section.title, message);
      }
    });
    const leaves = allSections(spec.sections).map((section, index) => [section, index])
      .filter(([section]) => !section.subsections.length);
    const texts = leaves.map(([section]) => String(state.sections[section.title] || ""));
    const realText = (text) => saysSomething(text) && !notReported(spec, text);
    if (texts.some((text) => notReported(spec, text)) && !texts.some(realText)) {
      add(`hub-section-${leaves[0][1]}`, leaves[0][0].title, `every section says "${spec.notReported}"; `
        + "write what the source does report in at least one");
    }
    citationProblems(spec, state, rules, add);
    const body = bodyLines(spec, state.sections);
    for (const { kind, line } of slowMarkdown(spec.slowMarkdown, body.lines.join("\n") + "\n")) {
      const index = Math.max(body.headings.findLastIndex((heading) => heading <= line), 0);
      add(`hub-section-${index}`, allSections(spec.sections)[index].title, slowMessage(spec.slowMarkdown, kind));
    }
    const titleField = spec.fields.find((field) => field.name === "title");
    const title = clean(titleField, state.fields[titleField.name]);
    const file = `${spec.directory}/${fileName(spec, state)}`;
    if (spec.reservedSlugs.includes(fileName(spec, state).replace(/\.md$/, ""))) {
      add(`hub-field-${titleField.name}`, titleField.title,
        `its file name ${file} is the address of a page the site makes itself; change the title a little`);
    }
    for (const entry of spec.taken) {
      if (typeof title === "string" && sameName(entry.title) === sameName(title)) {
        add(`hub-field-${titleField.name}`, titleField.title,
          `the hub already has a ${spec.label.toLowerCase()} with this title; give yours its own`);
      } else if (entry.file === file) {
        add(`hub-field-${titleField.name}`, titleField.title,
          `its file name ${file} is taken; change the title a little`);
      }
    }
    const bytes = new TextEncoder().encode(entryText(spec, state)).length;
    if (bytes > spec.maxBytes) {
      add("hub-section-0", spec.sections[0].title,
        `the file is ${bytes} bytes; shorten it to ${spec.maxBytes} or fewer`);
    }
    return problems;
  }

  /** The "Propose on GitHub" address: the new-file page with the file filled in, if it fits in a link. */
  function proposeUrl(spec, name, text) {
    const base = `${spec.newFileUrl}?filename=${encodeURIComponent(name)}`;
    const full = `${base}&value=${encodeURIComponent(text)}`;
    return full.length <= spec.maxUrlLength ? { url: full, complete: true } : { url: base, complete: false };
  }

  /**
   * A saved draft: its state laid over the fields, and when it was saved (null when that is missing
   * or not a date, so no "Invalid Date" is ever shown). Throws when the text is not a draft this form wrote.
   */
  function readDraft(spec, raw) {
    const record = JSON.parse(raw);
    if (!record || record.version !== DRAFT_VERSION || !record.state || typeof record.state !== "object") {
      throw new Error("not a draft of this form");
    }
    const saved = typeof record.saved === "string" ? new Date(record.saved) : null;
    return { state: mergeState(spec, record.state), saved: saved && !Number.isNaN(saved.getTime()) ? saved : null };
  }

  const core = {
    quoted, scalar, valueLines, slugify, initialState, mergeState, clean, entryText, fileName, check, proposeUrl,
    readDraft, slowMarkdown, citationPatterns, citationsIn, citationMatches,
  };
  if (typeof module === "object" && module.exports) {
    module.exports = core;
    return;
  }

  /* ---- The page ---- */

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function hint(field) {
    const example = field.choices || field.fields.length || field.type === "boolean" ? ""
      : ` For example: ${Array.isArray(field.example) ? field.example.join(", ") : field.example}`;
    const lines = field.type === "array" && !field.choices && !field.fields.length ? " Write one per line." : "";
    return `${field.description}${lines}${example}`;
  }

  function need(required, alternatives) {
    const text = required ? " (required)" : alternatives && alternatives.length
      ? ` (this, ${alternatives.join(" or ")}, or both)` : " (optional)";
    return element("span", { class: "hub-share__need", text });
  }

  class ShareForm {
    constructor(container, spec) {
      this.container = container;
      this.spec = spec;
      this.touched = new Set();
      this.notice = "";
      this.unreadable = null;
      this.state = this.restore();
      container.replaceChildren();
      this.draftStatus = element("div", { class: "hub-share__draft", role: "status", text: this.notice });
      if (this.unreadable !== null) this.draftStatus.replaceChildren(this.unreadableNotice());
      this.form = element("form", { id: "hub-share-form", novalidate: true });
      this.form.addEventListener("submit", (event) => event.preventDefault());
      container.append(this.draftStatus, this.form, this.outputPart());
      this.render();
    }

    /**
     * The saved draft's state. A draft that cannot be read is kept where it is, never copied (a full
     * storage would refuse the copy) nor saved over: the form stays locked until the writer, offered
     * a download of it, chooses to start afresh.
     */
    restore() {
      let raw;
      try {
        raw = localStorage.getItem(this.spec.storageKey);
      } catch (error) {
        this.notice = "This browser is not letting the form keep a draft: copy or download the file before you leave.";
        return initialState(this.spec);
      }
      if (!raw) return initialState(this.spec);
      try {
        const draft = readDraft(this.spec, raw);
        const when = draft.saved ? ` from ${draft.saved.toLocaleString()}` : "";
        this.notice = `Your draft${when} is back. It is kept in this browser only.`;
        return draft.state;
      } catch (error) {
        this.unreadable = raw;
        return initialState(this.spec);
      }
    }

    unreadableNotice() {
      const download = element("button", { type: "button", class: "md-button", text: "Download the unreadable draft" });
      const name = `unreadable-${this.spec.kind.replace(/_/g, "-")}-draft.json`;
      download.addEventListener("click", () => this.offer(name, "application/json", this.unreadable));
      const afresh = element("button", { type: "button", class: "md-button", text: "Start afresh" });
      afresh.addEventListener("click", () => {
        this.discard(`hub-field-${this.spec.fields[0].name}`);
        this.draftStatus.textContent = "The draft that could not be read is deleted. "
          + "What you write now is saved in this browser.";
      });
      const why = "A draft saved earlier in this browser could not be read. It is kept as it is, and the form is "
        + "locked so that nothing is saved over it: download it to keep a copy, then start afresh to delete it and "
        + "write a new one.";
      return element("div", { class: "admonition warning" },
        element("p", { text: why }), element("div", { class: "hub-share__actions" }, download, afresh));
    }

    save() {
      if (JSON.stringify(this.state) === JSON.stringify(initialState(this.spec))) return;
      try {
        localStorage.setItem(this.spec.storageKey, JSON.stringify({ version: DRAFT_VERSION, saved: new Date().toISOString(), state: this.state }));
      } catch (error) {
        this.draftStatus.textContent = "This browser would not save the draft; copy or download the file before you leave.";
      }
    }

    render(focusId) {
      this.form.replaceChildren(
        element("h2", { text: `About the ${this.spec.label.toLowerCase()}` }),
        ...this.spec.fields.map((field) => this.control(field, this.state.fields, `hub-field-${field.name}`)),
        element("h2", { text: "What happened" }),
        ...this.sections(this.spec.sections, 0).nodes,
      );
      for (const control of this.form.elements) control.disabled = this.unreadable !== null;
      this.update();
      if (focusId) document.getElementById(focusId)?.focus();
    }

    errorNode(id) {
      return element("p", { class: "hub-share__error", id: `${id}-error`, hidden: true });
    }

    touch(id) {
      this.touched.add(id);
      this.update();
    }

    bind(control, id, read) {
      control.addEventListener("input", () => { read(); this.update(); });
      control.addEventListener("change", () => { read(); this.touch(id); });
      control.addEventListener("blur", () => this.touch(id));
    }

    control(field, holder, id) {
      const hintId = `${id}-hint`;
      const described = `${hintId} ${id}-error`;
      if (field.fields.length) return this.group(field, holder, id);
      if (field.choices && field.type === "array") {
        const boxes = field.choices.map((choice, index) => {
          const box = element("input", { type: "checkbox", id: `${id}-${index}`, value: String(choice.value) });
          box.checked = holder[field.name].includes(choice.value);
          this.bind(box, id, () => {
            const chosen = new Set(holder[field.name]);
            if (box.checked) chosen.add(choice.value); else chosen.delete(choice.value);
            holder[field.name] = field.choices.map((c) => c.value).filter((v) => chosen.has(v));
          });
          const label = field.itemType === "integer" ? `${choice.value}: ${choice.label}` : choice.label;
          return element("div", { class: "hub-share__choice" }, box, element("label", { for: `${id}-${index}`, text: label }));
        });
        return element("fieldset", { class: "hub-share__field", id, "aria-describedby": described, tabindex: "-1" },
          element("legend", { text: field.title }, need(field.required, this.titles(field))),
          element("p", { class: "hub-share__hint", id: hintId, text: field.description }),
          element("div", { class: "hub-share__choices" }, ...boxes), this.errorNode(id));
      }
      let input;
      if (field.choices) {
        input = element("select", { id, "aria-describedby": described, required: field.required },
          element("option", { value: "", text: "Choose one" }),
          ...field.choices.map((choice) => element("option", { value: String(choice.value), text: choice.label })));
        input.value = holder[field.name];
      } else if (field.type === "boolean") {
        input = element("input", { type: "checkbox", id, "aria-describedby": described });
        input.checked = holder[field.name];
      } else if (field.multiline || (field.type === "array")) {
        input = element("textarea", { id, rows: field.type === "array" ? "3" : "4", "aria-describedby": described, required: field.required });
        input.value = holder[field.name];
      } else {
        const type = { date: "date", email: "email", url: "url" }[field.format] || (field.type === "integer" ? "number" : "text");
        input = element("input", { type, id, "aria-describedby": described, required: field.required,
          autocomplete: field.format === "email" ? "email" : "off", spellcheck: type === "text" ? "true" : "false" });
        input.value = holder[field.name];
      }
      this.bind(input, id, () => { holder[field.name] = field.type === "boolean" ? input.checked : input.value; });
      const label = element("label", { for: id, text: field.title },
        need(field.required, this.titles(field)));
      const parts = field.type === "boolean"
        ? [element("div", { class: "hub-share__choice" }, input, label)]
        : [label, element("p", { class: "hub-share__hint", id: hintId, text: hint(field) }), input];
      if (field.type === "boolean") parts.push(element("p", { class: "hub-share__hint", id: hintId, text: hint(field) }));
      return element("div", { class: "hub-share__field" }, ...parts, this.errorNode(id));
    }

    /** The titles of the fields this one is an alternative to, found among the fields beside it. */
    titles(field) {
      const beside = (fields) => fields.includes(field) ? fields
        : fields.map((each) => beside(each.fields || [])).find(Boolean);
      const siblings = beside(this.spec.fields) || [];
      return (field.alternatives || []).map((name) => siblings.find((each) => each.name === name).title);
    }

    group(field, holder, id) {
      const legend = element("legend", { text: field.title }, need(field.required));
      const about = element("p", { class: "hub-share__hint", id: `${id}-hint`, text: hint(field) });
      if (field.type !== "array") {
        return element("fieldset", { class: "hub-share__group", id, "aria-describedby": `${id}-hint ${id}-error`, tabindex: "-1" },
          legend, about,
          ...field.fields.map((child) => this.control(child, holder[field.name], `${id}-${child.name}`)),
          this.errorNode(id));
      }
      const items = holder[field.name];
      const nodes = items.map((item, index) => {
        const itemId = `${id}-${index}`;
        const remove = element("button", { type: "button", class: "md-button", text: `Remove ${field.title} ${index + 1}` });
        remove.addEventListener("click", () => {
          items.splice(index, 1);
          this.render(items.length ? `${id}-${Math.max(index - 1, 0)}-${field.fields[0].name}` : `${id}-add`);
        });
        return element("fieldset", { class: "hub-share__item", id: itemId },
          element("legend", { text: `${field.title} ${index + 1}` }),
          ...field.fields.map((child) => this.control(child, item, `${itemId}-${child.name}`)),
          remove);
      });
      const add = element("button", { type: "button", class: "md-button", id: `${id}-add`, text: `Add to ${field.title}` });
      add.addEventListener("click", () => {
        items.push(initialGroup(field.fields));
        this.render(`${id}-${items.length - 1}-${field.fields[0].name}`);
      });
      return element("fieldset", { class: "hub-share__group", id, "aria-describedby": `${id}-hint ${id}-error`, tabindex: "-1" },
        legend, about, ...nodes, add, this.errorNode(id));
    }

    sections(sections, start) {
      const nodes = [];
      let index = start;
      for (const section of sections) {
        const id = `hub-section-${index}`;
        index += 1;
        const area = element("textarea", { id, rows: "6", "aria-describedby": `${id}-hint ${id}-error`, required: !section.subsections.length });
        area.value = this.state.sections[section.title];
        this.bind(area, id, () => { this.state.sections[section.title] = area.value; });
        const label = element("label", { for: id, text: section.subsections.length ? `${section.title}: introduction` : section.title },
          need(!section.subsections.length));
        const hintText = section.subsections.length
          ? `${section.guidance} A sentence or two before the headings below, if you want one.`
          : `${section.guidance} If the source does not say, write only: ${this.spec.notReported}`;
        nodes.push(element("div", { class: "hub-share__field" }, label,
          element("p", { class: "hub-share__hint", id: `${id}-hint`, text: hintText }), area, this.errorNode(id)));
        if (section.subsections.length) {
          const inner = this.sections(section.subsections, index);
          index = inner.next;
          nodes.push(element("fieldset", { class: "hub-share__group" }, element("legend", { text: section.title }), ...inner.nodes));
        }
      }
      return { nodes, next: index };
    }

    outputPart() {
      this.summary = element("div", { class: "hub-share__summary", id: "hub-share-todo" });
      this.fileNameNode = element("code", { id: "hub-share-filename" });
      this.output = element("textarea", { id: "hub-share-output", rows: "16", readonly: true, spellcheck: "false" });
      const copy = element("button", { type: "button", class: "md-button", id: "hub-share-copy", text: "Copy" });
      const download = element("button", { type: "button", class: "md-button", id: "hub-share-download", text: "Download" });
      this.propose = element("a", { class: "md-button md-button--primary", id: "hub-share-propose", target: "_blank",
        rel: "noopener noreferrer", text: "Propose on GitHub" });
      const clear = element("button", { type: "button", class: "md-button", id: "hub-share-clear", text: "Start again" });
      this.announce = element("p", { class: "hub-share__announce", id: "hub-share-announce", role: "status" });
      this.urlNote = element("p", { class: "hub-share__hint", id: "hub-share-url-note" });
      copy.addEventListener("click", () => this.copy());
      download.addEventListener("click", () => this.download());
      clear.addEventListener("click", () => this.clear(clear));
      this.propose.addEventListener("click", () => this.revealProblems());
      const actions = element("div", { class: "hub-share__actions" }, copy, download);
      if (this.spec.newFileUrl) actions.append(this.propose);
      actions.append(clear);
      return element("section", { class: "hub-share__result", "aria-labelledby": "hub-share-result-heading" },
        element("h2", { id: "hub-share-result-heading", text: "Your file" }),
        this.summary,
        element("p", {}, "File name: ", this.fileNameNode),
        element("label", { for: "hub-share-output", text: "The file, ready to add to the hub" }),
        this.output, actions, this.urlNote, this.announce);
    }

    update() {
      const text = entryText(this.spec, this.state);
      const name = fileName(this.spec, this.state);
      this.output.value = text;
      this.fileNameNode.textContent = `${this.spec.directory}/${name}`;
      this.text = text;
      this.name = name;
      if (this.spec.newFileUrl) {
        const link = proposeUrl(this.spec, name, text);
        this.propose.href = link.url;
        this.urlNote.textContent = link.complete
          ? "Propose on GitHub opens GitHub's new-file page with your file filled in. You need a free GitHub account."
          : "Your case study is too long to send in a link. Press Copy, then Propose on GitHub, and paste the file into the large box on the page GitHub opens.";
      }
      const problems = check(this.spec, this.state);
      this.showProblems(problems);
      this.save();
    }

    showProblems(problems) {
      const byId = new Map();
      for (const problem of problems) byId.set(problem.id, [...(byId.get(problem.id) || []), problem.message]);
      for (const node of this.form.querySelectorAll(".hub-share__error")) {
        const id = node.id.replace(/-error$/, "");
        const messages = this.touched.has(id) ? byId.get(id) : undefined;
        node.hidden = !messages;
        node.textContent = messages ? messages.join("; ") : "";
        const control = document.getElementById(id);
        if (control && control.matches("input, select, textarea")) {
          if (messages) control.setAttribute("aria-invalid", "true"); else control.removeAttribute("aria-invalid");
        }
      }
      const heading = element("h3", { text: problems.length ? `Still to do before the file is ready (${problems.length})` : "The file is ready" });
      const list = element("ul", {}, ...problems.map((problem) => element("li", {},
        element("a", { href: `#${problem.id}`, text: problem.title }), `: ${problem.message}`)));
      const advice = problems.length ? null : element("p", { text: "Copy or download it, or propose it on GitHub. The hub's team reads every case study before it is published." });
      this.summary.replaceChildren(heading, problems.length ? list : advice);
    }

    revealProblems() {
      for (const problem of check(this.spec, this.state)) this.touched.add(problem.id);
      this.update();
    }

    async copy() {
      this.revealProblems();
      try {
        await navigator.clipboard.writeText(this.text);
      } catch (error) {
        this.output.focus();
        this.output.select();
        document.execCommand("copy");
      }
      this.announce.textContent = "Copied the file.";
    }

    download() {
      this.revealProblems();
      this.offer(this.name, "text/markdown;charset=utf-8", this.text);
      this.announce.textContent = `Downloaded ${this.name}.`;
    }

    /** A file made from `text` in the browser and offered to the writer; nothing is sent anywhere. */
    offer(name, type, text) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = element("a", { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    clear(button) {
      if (button.dataset.confirm !== "yes") {
        button.dataset.confirm = "yes";
        button.textContent = "Press again to clear the form";
        this.announce.textContent = "Press Start again once more to clear the form and the saved draft.";
        return;
      }
      button.dataset.confirm = "";
      button.textContent = "Start again";
      this.discard(`hub-field-${this.spec.fields[0].name}`);
      this.announce.textContent = "The form is empty again.";
    }

    /** Empty the form and delete the saved draft, readable or not. */
    discard(focusId) {
      this.state = initialState(this.spec);
      this.touched.clear();
      this.unreadable = null;
      try {
        localStorage.removeItem(this.spec.storageKey);
      } catch (ignored) { /* a browser that blocks storage holds no draft */ }
      this.render(focusId);
    }
  }

  async function init() {
    const container = document.getElementById("hub-share");
    const source = document.getElementById("hub-share-spec");
    if (!container || !source || container.dataset.ready === "yes") return;
    container.dataset.ready = "yes";
    let spec;
    try {
      const response = await fetch(source.href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      spec = await response.json();
    } catch (error) {
      container.replaceChildren(element("p", { class: "hub-share__error", role: "alert",
        text: "The form could not load its list of fields. Reload the page, or use the template described below." }));
      return;
    }
    new ShareForm(container, spec);
    const fallback = document.getElementById("hub-share-fallback");
    if (fallback) fallback.hidden = true;
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
