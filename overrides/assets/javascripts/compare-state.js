/**
 * Which approaches the comparison shows, read from and written to the page's address
 * (`?approaches=schwartz-rounds,restorative-supervision`), so a choice can be bookmarked, shared and reloaded.
 * No choice, or none the page knows, shows every approach.
 */

export const KEY = "approaches";

/** The approaches chosen in `search` that the page has, in the page's order. */
export function chosenIn(search, known) {
  const named = new Set(
    new URLSearchParams(search)
      .getAll(KEY)
      .flatMap((value) => value.split(","))
      .map((slug) => slug.trim()),
  );
  return known.filter((slug) => named.has(slug));
}

/** `search` with the choice in it, every other parameter kept; commas stay readable between the slugs. */
export function searchWith(search, chosen) {
  const params = new URLSearchParams(search);
  params.delete(KEY);
  const parts = params.toString() ? [params.toString()] : [];
  if (chosen.length) parts.push(`${KEY}=${chosen.map(encodeURIComponent).join(",")}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** What the status line says about the choice. */
export function summary(shown, total) {
  if (total === 1) return "Comparing the only approach.";
  return shown === total ? `Comparing all ${total} approaches.` : `Comparing ${shown} of ${total} approaches.`;
}
