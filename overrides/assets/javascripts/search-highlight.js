/*
 * On a page opened from a search result (?highlight=word), mark the words searched for, as the
 * theme's own search did. Pagefind's highlighter is fetched only then, so no other page pays for it.
 */
(function () {
  "use strict";
  if (!new URLSearchParams(location.search).has("highlight")) return;
  const highlighter = new URL("../../pagefind/pagefind-highlight.js", document.currentScript.src);
  import(highlighter.href).then(({ default: PagefindHighlight }) => {
    new PagefindHighlight({ highlightParam: "highlight", markContext: ".md-content", addStyles: false });
  });
})();
