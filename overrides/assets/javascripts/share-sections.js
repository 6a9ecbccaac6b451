/**
 * What the form can check of a section's text, as the check reads the body: something written, no heading
 * or HTML of its own, no placeholder or refused character, links the site can follow, and no id or class
 * the theme or the hub's scripts use.
 */
import { oneSpaced } from "./python-text.js";
import { characterProblem, isPlaceholder } from "./share-rules.js";

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
        problems.push(
          `the link ${JSON.stringify(target)} uses '${scheme[1]}:'; ` +
            "links must start with https://, http:// or mailto:",
        );
      }
      continue;
    }
    const path = target.replace(/[?#][\s\S]*$/, "");
    let file = null;
    try {
      file = path && resolve(spec.directory, decodeURIComponent(path));
    } catch (error) {
      /* a malformed %-escape: no such file */
    }
    if (file !== "" && !spec.linkTargets.includes(file)) {
      problems.push(
        `the link ${JSON.stringify(target)} points to a page the hub does not have; ` +
          "give the full address, starting with https://",
      );
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
          problems.push(
            `the ${kind} ${JSON.stringify(name)} is taken by the site's theme or scripts; ` + "choose another",
          );
        }
      }
    }
  }
  return problems;
}

// What a section may hold that is no text of its own, as the check reads it: comments, rules, link definitions.
const SAYS_NOTHING = /<!--[\s\S]*?-->|^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$|^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;

export function saysSomething(text) {
  return Boolean(text.replace(SAYS_NOTHING, "").trim());
}

/** Whether a section's whole text is the standard sentence for what its source does not report. */
export function notReported(spec, text) {
  return oneSpaced(text) === spec.notReported;
}

export function sectionProblems(spec, rules, section, raw) {
  const text = raw.replace(/\r\n?/g, "\n");
  const problems = [];
  if (!saysSomething(text) && !section.subsections.length) {
    problems.push(`write something under this heading; if the source does not say, write only: ${spec.notReported}`);
  }
  const lines = text.split("\n");
  const underlined = lines.some(
    (line, index) => index && /^ {0,3}(=+|-+)[ \t]*$/.test(line) && /\S/.test(lines[index - 1]),
  );
  if (/^ {0,3}#{1,6}(\s|$)/m.test(text) || underlined) {
    problems.push("the headings are added for you; start lines without #, and do not underline a line with = or -");
  }
  if (/<[A-Za-z!/?]/.test(text)) problems.push("HTML tags are not allowed; use plain text or Markdown");
  // A paragraph that is a placeholder, after the marks of a list or a quote it is in.
  if (text.split("\n").some((line) => isPlaceholder(rules, line.replace(/^[ \t>*+\-\d.)]*/, "")))) {
    problems.push("replace the TODO placeholder with your own words");
  }
  const refused = rules.text.exec(text);
  if (refused) problems.push(characterProblem(refused[0], false));
  return problems.concat(linkProblems(spec, text), nameProblems(spec, text));
}
