/**
 * In-text citations, read as hooks/checks/citations.py reads them, with its patterns: `(NHS England 2021)`,
 * `(Maben et al. 2018; Dewar and Cook 2014)`, `(NHS England n.d.)`. Text in fenced code is not read.
 */
import { oneSpaced } from "./python-text.js";

/** The description's citation patterns, compiled. */
export function citationPatterns(patterns) {
  const compiled = Object.fromEntries(Object.entries(patterns).map(([name, pattern]) => [name, new RegExp(pattern)]));
  compiled.group = new RegExp(patterns.group, "g");
  compiled.citation = new RegExp(`^(?:${patterns.citation})$`);
  return compiled;
}

function withoutFences(text) {
  let fence = null;
  return text
    .split("\n")
    .map((line) => {
      const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (mark && mark[1][0] === fence[0] && mark[1].length >= fence.length) fence = null;
        return "";
      }
      if (mark) fence = mark[1];
      return mark ? "" : line;
    })
    .join("\n");
}

/** Each citation in `text`: its authors as written and its year (null for n.d.). */
export function citationsIn(patterns, text) {
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
export function citationMatches(patterns, cited, reference) {
  const citation = oneSpaced(reference.citation || "");
  if ((reference.year === undefined ? null : reference.year) !== cited.year) return false;
  const authors = cited.authors.replace(patterns.etAl, "");
  if (startsWithAuthor(patterns, citation, authors)) return true;
  const named = authors.split(patterns.two);
  return (
    named.length === 2 &&
    startsWithAuthor(patterns, citation, named[0]) &&
    new RegExp(`(?<!\\w)${escaped(named[1])}(?!\\w)`).test(citation)
  );
}
