/*
 * The search page: the Pagefind index that hooks/publish/search.py builds, queried in the browser.
 *
 * Pagefind fetches only the index chunks for the words typed and the excerpts of the results on screen, so
 * the first search stays small however many case studies the hub holds. The query and the kind chosen live
 * in the page address (?q=...&kind=...): the header's form opens this page with them, and a search can be
 * reloaded or shared. The kinds to choose from come from the index itself. Each result links to the page
 * and to up to three of its sections where the words are; the links carry the words (?highlight=...) for
 * search-highlight.js to mark on the page. Text from the index is set as text; of an excerpt's markup only
 * the <mark> around the words found is kept. A query shorter than three letters, or with a word that no page has
 * (only its first letters, which Pagefind falls back to), is answered with a sentence saying so, not with pages.
 */
import { h, startEach } from "./hub.js";
import { noPageHas, says, searchAddress, sectionsOf, tooShort, wordNoPageHas } from "./search-text.js";

const PAGE = 10;
const SECTIONS = 3;
const WAIT_MS = 250;
const root = new URL("../../", import.meta.url);
let pagefind = null;

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
  return h(
    "p",
    { class: "hub-search__excerpt" },
    [...parsed.childNodes].map((node) =>
      node.nodeName === "MARK" ? h("mark", {}, node.textContent) : node.textContent,
    ),
  );
}

function item(data) {
  const kind = data.meta.kind ? [" ", h("span", { class: "hub-search__kind" }, data.meta.kind)] : [];
  const sections = sectionsOf(data, SECTIONS);
  return h(
    "li",
    { class: "hub-search__result" },
    h("p", { class: "hub-search__title" }, h("a", { href: data.url }, data.meta.title || data.url), ...kind),
    excerpt(data.excerpt),
    sections.length ? h("p", { class: "hub-search__found-in" }, "Found in:") : null,
    sections.length
      ? h(
          "ul",
          { class: "hub-search__sections" },
          sections.map((section) => h("li", {}, h("a", { href: section.url }, section.title))),
        )
      : null,
  );
}

/** The "Show" choice: every kind of page the index holds, with how many there are. */
async function offerKinds(kinds, chosen) {
  const counts = (await (await load()).filters()).kind || {};
  const names = Object.keys(counts).sort();
  if (names.length < 2) return;
  const choices = [["", "Everything"], ...names.map((name) => [name, `${name} (${counts[name]})`])];
  kinds.replaceChildren(
    h(
      "fieldset",
      { class: "hub-search__kinds" },
      h("legend", {}, "Show"),
      choices.map(([value, text]) =>
        h("label", {}, h("input", { type: "radio", name: "kind", value, checked: value === chosen }), ` ${text}`),
      ),
    ),
  );
}

/** Pagefind's answer to a query, of one kind of page or all; null if a later query came while it waited. */
async function find(query, kind, wait) {
  const module = await load();
  const options = kind ? { filters: { kind } } : {};
  return wait ? module.debouncedSearch(query, options, WAIT_MS) : module.search(query, options);
}

/** The list of results on the page, shown a page at a time, and the status line above it. */
function resultsList() {
  const status = document.getElementById("hub-search-status");
  const list = document.getElementById("hub-search-results");
  const more = document.getElementById("hub-search-more");
  let results = [];
  let shown = 0;
  return {
    status,
    more,
    /** Hold a new search's results, none shown yet; the data of their first page. */
    hold(found) {
      results = found;
      shown = 0;
      return this.next();
    },
    /** The data of the next page of results. */
    next: () => Promise.all(results.slice(shown, shown + PAGE).map((result) => result.data())),
    /** Show a page of results' data, in place of the last search's or after the pages shown. */
    show(data, first) {
      list[first ? "replaceChildren" : "append"](...data.map(item));
      shown += data.length;
      more.hidden = shown >= results.length;
    },
    /** No results, and the status line saying why. */
    none(why) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = why;
    },
  };
}

/** The search form's behaviour: results as the words are typed, a page of them at a time. */
function start(form) {
  const input = form.elements.q;
  const kinds = document.getElementById("hub-search-kinds");
  const shown = resultsList();
  let latest = 0;

  async function search(wait) {
    const query = input.value.trim();
    const kind = form.elements.kind ? form.elements.kind.value : "";
    const search = ++latest;
    // The query and the kind stay in the address, without a history entry per keystroke.
    const address = searchAddress(query, kind);
    history.replaceState(null, "", address ? `?${address}` : location.pathname);
    if (!query || tooShort(query)) return shown.none(tooShort(query));
    try {
      const found = await find(query, kind, wait);
      if (found === null || search !== latest) return;
      const data = await shown.hold(found.results);
      if (search !== latest) return;
      // Pagefind answers a word it does not have with the pages that have its first letters ("as" for "asdfgh").
      const missing = data.length ? wordNoPageHas(query, data) : null;
      if (missing) return shown.none(noPageHas(missing));
      shown.show(data, true);
      shown.status.textContent = says(found.results.length, query);
    } catch (error) {
      shown.status.textContent =
        "Search could not load. Reload the page to try again, or browse the approaches and case studies.";
      throw error;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(false);
  });
  input.addEventListener("input", () => search(true));
  kinds.addEventListener("change", () => search(false));
  shown.more.addEventListener("click", async () => {
    const search = latest;
    const data = await shown.next();
    if (search === latest) shown.show(data, false);
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  offerKinds(kinds, params.get("kind") || "").then(() => search(false));
  if (!input.value) input.focus();
}

startEach("#hub-search", start);
