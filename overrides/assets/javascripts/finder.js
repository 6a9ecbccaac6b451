/*
 * The case study finder: filters over the case studies index, several facets at once, a page of cards at a time.
 *
 * Without JavaScript the index is the first of the build's pages of cards, linked by a pager. This adds the
 * filters on top and draws the matching cards one page at a time, so a click costs the same at any size of the
 * hub. The page already shows the heading, the closed facets and the first page of cards in their place, so
 * starting moves nothing on screen. The facets, their values and what each card shows come from finder.json,
 * which the build derives from the schema and the vocabularies, so nothing here names a field or a value. The
 * state, its address, the counts and the words are finder-state.js's.
 */
import { h, startEach } from "./hub.js";
import {
  counts,
  emptyMessage,
  matches,
  pageCount,
  pagerItems,
  readAddress,
  summary,
  unknownMessage,
  writeAddress,
} from "./finder-state.js";

const root = new URL("../../", import.meta.url);
let loading = null;

const CLEAR = "Clear all filters";

/** The filters inside `element`, in the heading, facets and status line the page renders there. */
class Finder {
  constructor(element, data) {
    this.data = data;
    this.studies = data.studies;
    this.options = new Map(data.facets.map((facet) => [facet.key, new Map(facet.options.map((o) => [o.value, o]))]));
    // Every facet filters, but only those some case study has values of are offered, in the places the page keeps.
    this.facets = data.facets;
    this.totals = new Map(this.facets.map((facet) => [facet.key, counts(this.studies, new Map(), facet)]));
    const { state, page, unknown } = readAddress(location.search, this.facets);
    Object.assign(this, { state, page });
    this.heading = document.getElementById("hub-finder-heading");
    this.heading.tabIndex = -1;
    this.cards = document.getElementById("hub-cards");
    this.cards.tabIndex = -1;
    this.pager = document.getElementById("hub-pager") || h("div", { class: "hub-pager", id: "hub-pager" });
    this.cards.after(this.pager);
    this.status = element.querySelector(".hub-finder__status");
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.status.setAttribute("aria-atomic", "true");
    this.clear = h("button", { type: "button", class: "md-button", onclick: () => this.clearAll() }, CLEAR);
    this.removals = h("ul", { class: "hub-finder__removals" });
    this.message = h("p", { class: "hub-finder__message" });
    this.empty = document.getElementById("hub-finder-empty");
    this.empty.prepend(
      this.message,
      this.removals,
      h("button", { type: "button", class: "md-button md-button--primary", onclick: () => this.clearAll() }, CLEAR),
    );
    this.groups = this.facets
      .filter((facet) => document.getElementById(`hub-facets-${facet.key}`))
      .map((facet) => this.group(facet));
    const form = h("form", { class: "hub-finder__form", "aria-labelledby": this.heading.id });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.append(...this.groups.map((group) => group.details));
    const unknownNote = h("p", { class: "hub-finder__unknown" }, unknownMessage(unknown));
    element.replaceChildren(this.heading, form, unknown.length ? unknownNote : "", this.clear, this.status);
    // The build drew the first page with no filter: that page is kept as it is.
    const words = this.update({ draw: state.size > 0 || page > 1 });
    window.addEventListener("popstate", () => {
      ({ state: this.state, page: this.page } = readAddress(location.search, this.facets));
      this.status.textContent = this.update({ draw: true });
    });
    // Said once the region is in the page, so screen readers hear the count for a shared address too.
    requestAnimationFrame(() => {
      this.status.textContent = words;
    });
  }

  /** A facet's checkboxes, in the closed facet the page rendered for it. */
  group(facet) {
    const items = new Map();
    const list = h("ul", { class: "hub-facet__options" });
    for (const option of facet.options) {
      const id = `hub-facet-${facet.key}-${option.value}`;
      const input = h("input", { type: "checkbox", id, name: facet.key, value: option.value });
      const count = h("span", { class: "hub-facet__count" });
      input.addEventListener("change", () => {
        const chosen = this.state.get(facet.key) || new Set();
        if (input.checked) chosen.add(option.value);
        else chosen.delete(option.value);
        if (chosen.size) this.state.set(facet.key, chosen);
        else this.state.delete(facet.key);
        this.changed();
      });
      const item = h("li", {}, input, h("label", { for: id }, option.label, " ", count));
      items.set(option.value, { input, count, item });
      list.append(item);
    }
    const details = document.getElementById(`hub-facets-${facet.key}`);
    details.append(h("fieldset", {}, h("legend", { class: "hub-visually-hidden" }, facet.label), list));
    return { facet, details, items, chosenNote: details.querySelector(".hub-facet__chosen") };
  }

  /** After the filters change: the first page of what now matches, said in the live region. */
  changed() {
    this.page = 1;
    this.status.textContent = this.update({ draw: true, history: "replace" });
  }

  clearAll() {
    this.state = new Map();
    this.changed();
    this.heading.focus();
  }

  /** Another page of the same results: a new entry in the history, so the back button returns to the last. */
  turn(page) {
    this.page = page;
    this.status.textContent = this.update({ draw: true, history: "push" });
    this.cards.focus({ preventScroll: true });
    this.cards.scrollIntoView({ block: "start" });
  }

  /** A button that removes one chosen value. */
  removal(facet, option) {
    const remove = () => {
      this.state.get(facet.key).delete(option.value);
      if (!this.state.get(facet.key).size) this.state.delete(facet.key);
      this.changed();
      this.heading.focus();
    };
    const text = `Remove ${facet.label}: ${option.label}`;
    return h("li", {}, h("button", { type: "button", class: "md-button", onclick: remove }, text));
  }

  /** A case study's card, as the build draws it on its pages. */
  card(study) {
    const lists = this.data.lists.flatMap((list) => {
      const items = (study.facets[list.key] || []).map((value, index) => {
        const option = this.options.get(list.key).get(value);
        const query = new URLSearchParams([[list.key, value]]);
        const href = list.filters ? `./?${query}` : option.url && new URL(option.url, root).href;
        const text = (study.names || {})[value] || option.name || option.label;
        return [
          index ? ", " : "",
          href ? h("a", { href }, text) : text,
          option.note && [" ", h("em", {}, `(${option.note})`)],
        ];
      });
      return [h("dt", {}, list.label), h("dd", {}, items.flat(2))];
    });
    return h(
      "div",
      { class: "hub-card", id: `card-${study.slug}` },
      h("h2", {}, h("a", { href: new URL(study.url, root).href }, study.title)),
      h("p", {}, study.byline),
      h("p", {}, study.summary),
      h("dl", {}, lists),
    );
  }

  /** The pager's links to other pages of the results, each a link that also works opened in a new tab. */
  drawPager(pages) {
    const link = (page, text) => {
      const query = writeAddress(this.state, this.facets, page);
      const go = (event) => {
        event.preventDefault();
        this.turn(page);
      };
      return h("li", {}, h("a", { href: `${location.pathname}${query ? `?${query}` : ""}`, onclick: go }, text));
    };
    const items = pagerItems(this.page, pages).map((page) => {
      if (page === null) return h("li", {}, "…");
      return page === this.page ? h("li", {}, h("strong", {}, String(page))) : link(page, String(page));
    });
    if (this.page > 1) items.unshift(link(this.page - 1, "Previous"));
    if (this.page < pages) items.push(link(this.page + 1, "Next"));
    this.pager.replaceChildren(...(pages > 1 ? [h("p", {}, `Page ${this.page} of ${pages}`), h("ul", {}, items)] : []));
  }

  /** Facets: each value's count and tick, and which values are offered: those some case study has, or chosen. */
  drawFacets() {
    for (const group of this.groups) {
      const tally = counts(this.studies, this.state, group.facet);
      const chosen = this.state.get(group.facet.key) || new Set();
      const total = this.totals.get(group.facet.key);
      for (const [value, { input, count, item }] of group.items) {
        input.checked = chosen.has(value);
        count.textContent = `(${tally.get(value)})`;
        if (input.checked) item.dataset.offered = "true";
        item.hidden = total.get(value) === 0 && !item.dataset.offered;
      }
      group.chosenNote.textContent = chosen.size ? ` (${chosen.size} chosen)` : "";
      if (chosen.size) group.details.open = true;
    }
    this.removals.replaceChildren(
      ...this.facets.flatMap((facet) =>
        facet.options
          .filter((option) => (this.state.get(facet.key) || new Set()).has(option.value))
          .map((option) => this.removal(facet, option)),
      ),
    );
  }

  /** Cards, pager, counts, choices and the address in step with the state; returns the words to say. */
  update({ draw, history: entry = null }) {
    const matching = this.studies.filter((study) => matches(study, this.state, null));
    const size = this.data.page_size;
    const pages = pageCount(matching.length, size);
    this.page = Math.min(this.page, pages);
    if (draw) {
      const shown = matching.slice((this.page - 1) * size, this.page * size);
      this.cards.replaceChildren(...shown.map((study) => this.card(study)));
    }
    this.drawPager(pages);
    this.drawFacets();
    this.clear.hidden = this.state.size === 0;
    this.empty.classList.toggle("hub-finder__empty--shown", matching.length === 0);
    this.message.textContent = matching.length ? "" : emptyMessage(this.state, this.facets, this.totals);
    const query = writeAddress(this.state, this.facets, this.page);
    const address = location.pathname + (query ? `?${query}` : "") + location.hash;
    if (entry === "push") window.history.pushState(null, "", address);
    else if (address !== location.pathname + location.search + location.hash) {
      window.history.replaceState(window.history.state, "", address);
    }
    if (matching.length === 0) return this.message.textContent;
    return summary(matching.length, this.studies.length, this.page, pages);
  }
}

startEach("#hub-finder", (element) => {
  loading =
    loading ||
    fetch(new URL("finder.json", document.baseURI)).then((response) => {
      if (!response.ok) throw new Error(`finder.json: ${response.status}`);
      return response.json();
    });
  loading
    .then((data) => new Finder(element, data))
    .catch(() => {
      loading = null;
      element.replaceChildren(
        h("p", {}, "The filters could not load; the case studies are listed below, page by page."),
      );
    });
});
