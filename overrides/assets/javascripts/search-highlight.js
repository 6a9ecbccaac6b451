/*
 * On a page opened from a search result (?highlight=word), mark the words searched for, as the theme's own
 * search did. Pagefind's highlighter is fetched only then, so no other page pays for it.
 */
import { onEveryPage } from "./hub.js";

const highlighter = new URL("../../pagefind/pagefind-highlight.js", import.meta.url);

onEveryPage(async () => {
  if (!new URLSearchParams(location.search).has("highlight")) return;
  const { default: PagefindHighlight } = await import(highlighter.href);
  new PagefindHighlight({ highlightParam: "highlight", markContext: ".md-content", addStyles: false });
});
