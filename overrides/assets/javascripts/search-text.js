/** What the search page says and keeps in its address, apart from the page. */

/** The query string that keeps a search's words and the kind chosen, or "" for an empty search. */
export function searchAddress(query, kind) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (kind) params.set("kind", kind);
  return params.toString();
}

/** The status line after a search. */
export function says(count, query) {
  if (!count) {
    return `No results for “${query}”. Try fewer words, another spelling, or browse the approaches and case studies.`;
  }
  return `${count} ${count === 1 ? "result" : "results"} for “${query}”.`;
}

/** Up to `limit` sections of a result where the words are: those with their own address and title. */
export function sectionsOf(result, limit) {
  return result.sub_results
    .filter((section) => section.url.includes("#") && section.title !== result.meta.title)
    .slice(0, limit);
}

/** The fewest letters a search needs: shorter ones match the start of too many words to be worth showing. */
export const SHORTEST = 3;

/** What the status line says in place of results for a query too short to search for; "" for one long enough, or
 * for none at all (the page as it opens). */
export function tooShort(query) {
  return query && query.length < SHORTEST ? `Type at least ${SHORTEST} letters to search.` : "";
}

/** What the status line says when no page has a word of the query, in place of the pages that had only part of it. */
export function noPageHas(word) {
  return `No page has the word “${word}”. Check its spelling, or browse the approaches and case studies.`;
}

/** A word as Pagefind compares it: lower case, without accents or punctuation. */
function plain(word) {
  return word
    .normalize("NFD")
    .replace(/[^\p{L}\p{N}]/gu, "")
    .toLowerCase();
}

/**
 * Whether a word found on a page stands for a word typed: it shares a beginning with it of at least three letters
 * and more than half the typed word. Pagefind, finding no word that begins with what was typed, looks for shorter
 * and shorter beginnings of it: that finds "Schwartz" for "schwarts", a typo, but also "as" for "asdfgh".
 */
export function standsFor(typed, found) {
  let shared = 0;
  while (shared < typed.length && typed[shared] === found[shared]) shared += 1;
  return shared === typed.length || (shared >= SHORTEST && shared > typed.length / 2);
}

/** The words at a result's matches: Pagefind counts them in its content, split at white space. */
export function wordsFound(result) {
  const words = result.content.split(/\s+/);
  return result.locations.map((location) => plain(words[location] || ""));
}

/** The first word of the query that no word found in `results` (their data) stands for, or null. */
export function wordNoPageHas(query, results) {
  const found = results.flatMap(wordsFound);
  const typed = query.split(/\s+/).filter((word) => plain(word));
  return typed.find((word) => !found.some((each) => standsFor(plain(word), each))) ?? null;
}
