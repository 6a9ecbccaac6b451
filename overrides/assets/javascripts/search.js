/*
 * The search page: the Pagefind index that hooks/search.py builds, queried in the browser.
 *
 * Pagefind fetches only the index chunks for the words typed and the excerpts of the results on
 * screen, so the first search stays small however many case studies the hub holds. The query and
 * the kind chosen live in the page address (?q=...&kind=...): the header's form opens this page
 * with them, and a search can be reloaded or shared. The kinds to choose from come from the index
 * itself. Each result links to the page and to up to three of its sections where the words are;
 * the links carry the words (?highlight=...) for search-highlight.js to mark on the page. Text from
 * the index is set with textContent; of an excerpt's markup only the <mark> around the words found
 * is kept.
 */
(function () {
  "use strict";

  const PAGE = 10;
  const SECTIONS = 3;
  const WAIT_MS = 250;
  const script = document.currentScript;
  const form = document.getElementById("hub-search");
  if (!form) return;
  const input = form.elements.q;
  const status = document.getElementById("hub-search-status");
  const list = document.getElementById("hub-search-results");
  const more = document.getElementById("hub-search-more");
  const kinds = document.getElementById("hub-search-kinds");
  const root = new URL("../../", script.src);
  let pagefind = null;
  let results = [];
  let shown = 0;
  let latest = 0;

  function element(name, properties) {
    return Object.assign(document.createElement(name), properties);
  }

  /** Pagefind's module, loaded once, on the first search. */
  function load() {
    pagefind ??= import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
      await module.options({ baseUrl: root.pathname, highlightParam: "highlight" });
      return module;
    });
    return pagefind;
  }

  /** An excerpt as nodes: its text, with only the <mark> elements around the words found. */
  function excerpt(html) {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    const paragraph = element("p", { className: "hub-search__excerpt" });
    for (const node of parsed.childNodes) {
      paragraph.append(node.nodeName === "MARK" ? element("mark", { textContent: node.textContent })
        : document.createTextNode(node.textContent));
    }
    return paragraph;
  }

  function item(data) {
    const entry = element("li", { className: "hub-search__result" });
    const heading = element("p", { className: "hub-search__title" });
    heading.append(element("a", { href: data.url, textContent: data.meta.title || data.url }));
    if (data.meta.kind) heading.append(" ", element("span", { className: "hub-search__kind", textContent: data.meta.kind }));
    entry.append(heading, excerpt(data.excerpt));
    const sections = data.sub_results
      .filter((section) => section.url.includes("#") && section.title !== data.meta.title).slice(0, SECTIONS);
    if (sections.length) {
      const links = element("ul", { className: "hub-search__sections" });
      for (const section of sections) {
        const link = element("li");
        link.append(element("a", { href: section.url, textContent: section.title }));
        links.append(link);
      }
      entry.append(element("p", { className: "hub-search__found-in", textContent: "Found in:" }), links);
    }
    return entry;
  }

  /** The next page of results, or the first in place of the last search's, once all of it is loaded. */
  async function showMore(first) {
    const page = results.slice(shown, shown + PAGE);
    const search = latest;
    const data = await Promise.all(page.map((result) => result.data()));
    if (search !== latest) return;
    list[first ? "replaceChildren" : "append"](...data.map(item));
    shown += page.length;
    more.hidden = shown >= results.length;
  }

  function chosenKind() {
    return form.elements.kind ? form.elements.kind.value : "";
  }

  /** Keep the query and the kind in the address, without adding a history entry per keystroke. */
  function remember(query, kind) {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    if (kind) params.set("kind", kind);
    const address = params.toString();
    history.replaceState(null, "", address ? `?${address}` : location.pathname);
  }

  function says(count, query) {
    if (!count) return `No results for “${query}”. Try fewer words, another spelling, or browse the approaches and case studies.`;
    return `${count} ${count === 1 ? "result" : "results"} for “${query}”.`;
  }

  async function search(wait) {
    const query = input.value.trim();
    const kind = chosenKind();
    const search = ++latest;
    remember(query, kind);
    if (!query) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    try {
      const module = await load();
      const options = kind ? { filters: { kind } } : {};
      const found = wait ? await module.debouncedSearch(query, options, WAIT_MS) : await module.search(query, options);
      if (found === null || search !== latest) return;
      results = found.results;
      shown = 0;
      await showMore(true);
      if (search === latest) status.textContent = says(results.length, query);
    } catch (error) {
      status.textContent = "Search could not load. Reload the page to try again, or browse the approaches and case studies.";
      throw error;
    }
  }

  /** The "Show" choice: every kind of page the index holds, with how many there are. */
  async function offerKinds(chosen) {
    const counts = (await (await load()).filters()).kind || {};
    const names = Object.keys(counts).sort();
    if (names.length < 2) return;
    const fieldset = element("fieldset", { className: "hub-search__kinds" });
    fieldset.append(element("legend", { textContent: "Show" }));
    for (const [value, text] of [["", "Everything"], ...names.map((name) => [name, `${name} (${counts[name]})`])]) {
      const label = element("label");
      label.append(element("input", { type: "radio", name: "kind", value, checked: value === chosen }), ` ${text}`);
      fieldset.append(label);
    }
    kinds.replaceChildren(fieldset);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(false);
  });
  input.addEventListener("input", () => search(true));
  kinds.addEventListener("change", () => search(false));
  more.addEventListener("click", () => showMore(false));

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  offerKinds(params.get("kind") || "").then(() => search(false));
  if (!input.value) input.focus();
})();
