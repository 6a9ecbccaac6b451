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
