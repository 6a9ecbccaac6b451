/**
 * The case study finder's state, counts, pages and words, apart from the page.
 *
 * The state is the chosen values per facet key. Within a facet the chosen values are alternatives (OR);
 * across facets all must hold (AND). A value's count is how many case studies would match if it were
 * added to the other facets' choices. The state and the page number live in the page address, so a
 * filtered view can be shared.
 */

/**
 * The chosen values per facet key from a query string, the page number, and what the address named that no
 * facet knows (to be said, not silently dropped). A value no case study has yet stays chosen.
 */
export function readAddress(search, facets) {
  const params = new URLSearchParams(search);
  const state = new Map();
  const unknown = [];
  for (const facet of facets) {
    const known = new Set(facet.options.map((option) => option.value));
    const named = [...new Set(params.getAll(facet.key))];
    const chosen = named.filter((value) => known.has(value));
    unknown.push(...named.filter((value) => !known.has(value)).map((value) => ({ facet, value })));
    if (chosen.length) state.set(facet.key, new Set(chosen));
  }
  const page = Number(params.get("page"));
  return { state, page: Number.isInteger(page) && page > 1 ? page : 1, unknown };
}

/**
 * The query string for a state and a page, facets and values in their declared order, so equal states give
 * equal addresses; the first page is left out.
 */
export function writeAddress(state, facets, page = 1) {
  const params = new URLSearchParams();
  for (const facet of facets) {
    const chosen = state.get(facet.key);
    if (!chosen) continue;
    for (const option of facet.options) {
      if (chosen.has(option.value)) params.append(facet.key, option.value);
    }
  }
  if (page > 1) params.append("page", String(page));
  return params.toString();
}

/** Whether a case study matches every facet's choices, leaving out the facet `except`. */
export function matches(study, state, except) {
  for (const [key, chosen] of state) {
    if (key === except || chosen.size === 0) continue;
    if (!(study.facets[key] || []).some((value) => chosen.has(value))) return false;
  }
  return true;
}

/** For each value of a facet, how many case studies match the other facets' choices and have it. */
export function counts(studies, state, facet) {
  const result = new Map(facet.options.map((option) => [option.value, 0]));
  for (const study of studies) {
    if (!matches(study, state, facet.key)) continue;
    for (const value of study.facets[facet.key] || []) {
      if (result.has(value)) result.set(value, result.get(value) + 1);
    }
  }
  return result;
}

/** How many pages `count` items fill, `size` to a page; an empty list still has its one page. */
export function pageCount(count, size) {
  return Math.max(1, Math.ceil(count / size));
}

/**
 * The pages a pager links to from page `page` of `count`: the first, the last and the neighbours of this one,
 * null where others are left out between them. The build's pager (hooks/pages/finder.py) gives the same.
 */
export function pagerItems(page, count) {
  const shown = [...new Set([1, page - 1, page, page + 1, count])].filter((n) => n >= 1 && n <= count);
  shown.sort((a, b) => a - b);
  const items = [];
  for (const n of shown) {
    const last = items[items.length - 1];
    if (last !== undefined && n - last === 2) items.push(n - 1);
    else if (last !== undefined && n - last > 2) items.push(null);
    items.push(n);
  }
  return items;
}

/**
 * A count as UK readers write it, 1,200: grouped here, as a page's first use of the browser's number formats
 * loads their data (see print-line.js).
 */
function number(count) {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ",");
}

function plural(count) {
  return count === 1 ? "1 case study" : `${number(count)} case studies`;
}

/** The words the live region says after each change: how many match, and which page of them shows. */
export function summary(shown, total, page, pages) {
  if (shown === 0) return "No case study matches all these filters.";
  const matching = shown === total ? `Showing all ${plural(total)}` : `Showing ${number(shown)} of ${plural(total)}`;
  return pages > 1 ? `${matching}, page ${page} of ${pages}.` : `${matching}.`;
}

function joined(phrases, word) {
  return phrases.length < 2 ? phrases.join("") : `${phrases.slice(0, -1).join(", ")} ${word} ${phrases.at(-1)}`;
}

/**
 * Why nothing matches, in words: the chosen values no case study has at all ("No case studies in Maternity
 * yet"), else that the filters together leave none. `totals` holds each value's count with no filter.
 */
export function emptyMessage(state, facets, totals) {
  const none = [];
  for (const facet of facets) {
    const chosen = state.get(facet.key);
    if (!chosen) continue;
    const phrases = facet.options
      .filter((option) => chosen.has(option.value) && totals.get(facet.key).get(option.value) === 0)
      .map((option) => facet.phrase.replace("{}", option.label));
    if (phrases.length === chosen.size) none.push(joined(phrases, "or"));
  }
  if (none.length === 0) return "No case study matches all these filters.";
  return `No case studies ${none.map((phrase) => `${phrase} yet`).join(", and none ")}.`;
}

const SHOWN_LENGTH = 60;

/** What the page says about values in the address that no facet knows, so they are not dropped silently. */
export function unknownMessage(unknown) {
  if (!unknown.length) return "";
  const named = unknown.map(({ facet, value }) => {
    const shown = value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH)}…` : value;
    return `${facet.label} “${shown}”`;
  });
  const they = unknown.length === 1 ? "it was" : "they were";
  return `The address asked for ${joined(named, "and")}, which the finder does not know, so ${they} left out.`;
}
