/**
 * The case study finder's state and counts, apart from the page.
 *
 * The state is the chosen values per facet key. Within a facet the chosen values are alternatives (OR);
 * across facets all must hold (AND). A value's count is how many case studies would match if it were
 * added to the other facets' choices. The state lives in the page address, so a filtered view can be shared.
 */

/** The chosen values per facet key, from a query string; unknown keys and values are dropped. */
export function readState(search, facets) {
  const params = new URLSearchParams(search);
  const state = new Map();
  for (const facet of facets) {
    const known = new Set(facet.options.map((option) => option.value));
    const chosen = params.getAll(facet.key).filter((value) => known.has(value));
    if (chosen.length) state.set(facet.key, new Set(chosen));
  }
  return state;
}

/** The query string for a state, facets and values in their declared order, so equal states give equal addresses. */
export function writeState(state, facets) {
  const params = new URLSearchParams();
  for (const facet of facets) {
    const chosen = state.get(facet.key);
    if (!chosen) continue;
    for (const option of facet.options) {
      if (chosen.has(option.value)) params.append(facet.key, option.value);
    }
  }
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

function plural(count) {
  return count === 1 ? "1 case study" : `${count} case studies`;
}

/** The words the live region says after each change. */
export function summary(shown, total) {
  if (shown === 0) return "No case study matches all these filters.";
  if (shown === total) return `Showing all ${plural(total)}.`;
  return `Showing ${shown} of ${plural(total)}.`;
}
