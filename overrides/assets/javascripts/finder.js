/*
 * The case study finder: filters over the case studies index, several facets at once.
 *
 * Without JavaScript the index lists every case study; this adds the filters on top and hides the cards
 * that do not match. The page already shows the heading and the closed facets in their place, so adding
 * the controls moves nothing on screen. The facets, their labels, their values and each case study's values
 * come from entries.json, which the build derives from the schema and the vocabularies, so nothing here
 * names a field or a value. The state, its address and the counts are finder-state.js's.
 */
import { h, startEach } from "./hub.js";
import { counts, matches, readState, summary, writeState } from "./finder-state.js";

const source = new URL("../../entries.json", import.meta.url);
let loading = null;

const CLEAR = "Clear all filters";

/** The filters inside `root`, in the heading, facets and status line the page renders there. */
class Finder {
  constructor(root, data) {
    this.facets = data.facets.filter((facet) => facet.options.length > 0);
    this.studies = data.case_studies;
    this.cards = new Map(this.studies.map((study) => [study.slug, document.getElementById(`card-${study.slug}`)]));
    this.state = readState(location.search, this.facets);
    this.heading = document.getElementById("hub-finder-heading");
    this.heading.tabIndex = -1;
    this.status = root.querySelector(".hub-finder__status");
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.status.setAttribute("aria-atomic", "true");
    const clearAll = () => {
      this.state = new Map();
      this.update(true);
      this.heading.focus();
    };
    this.clear = h("button", { type: "button", class: "md-button", onclick: clearAll }, CLEAR);
    this.removals = h("ul", { class: "hub-finder__removals" });
    this.empty = h(
      "div",
      { class: "hub-finder__empty", hidden: true },
      h("p", {}, "No case study matches all these filters. Remove one of them, or clear them all."),
      this.removals,
      h("button", { type: "button", class: "md-button md-button--primary", onclick: clearAll }, CLEAR),
    );
    this.groups = this.facets.map((facet) => this.group(facet));
    const form = h("form", { class: "hub-finder__form", "aria-labelledby": this.heading.id });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.append(...this.groups.map((group) => group.details));
    root.replaceChildren(this.heading, form, this.clear, this.status, this.empty);
    const shown = this.update(false);
    // Said once the region is in the page, so screen readers hear the count for a shared address too.
    requestAnimationFrame(() => {
      this.status.textContent = summary(shown, this.studies.length);
    });
  }

  /** A facet's checkboxes, in the closed facet the page rendered for it. */
  group(facet) {
    const inputs = new Map();
    const countSpans = new Map();
    const list = h("ul", { class: "hub-facet__options" });
    for (const option of facet.options) {
      const id = `hub-facet-${facet.key}-${option.value}`;
      const input = h("input", { type: "checkbox", id, name: facet.key, value: option.value });
      const count = h("span", { class: "hub-facet__count" });
      countSpans.set(option.value, count);
      inputs.set(option.value, input);
      input.addEventListener("change", () => {
        const chosen = this.state.get(facet.key) || new Set();
        if (input.checked) chosen.add(option.value);
        else chosen.delete(option.value);
        if (chosen.size) this.state.set(facet.key, chosen);
        else this.state.delete(facet.key);
        this.update(true);
      });
      list.append(h("li", {}, input, h("label", { for: id }, option.label, " ", count)));
    }
    const details = document.getElementById(`hub-facets-${facet.key}`);
    details.append(h("fieldset", {}, h("legend", { class: "hub-visually-hidden" }, facet.label), list));
    return { facet, details, inputs, countSpans, chosenNote: details.querySelector(".hub-facet__chosen") };
  }

  /** A button that removes one chosen value. */
  removal(facet, option) {
    const remove = () => {
      this.state.get(facet.key).delete(option.value);
      if (!this.state.get(facet.key).size) this.state.delete(facet.key);
      this.update(true);
      this.heading.focus();
    };
    const text = `Remove ${facet.label}: ${option.label}`;
    return h("li", {}, h("button", { type: "button", class: "md-button", onclick: remove }, text));
  }

  /** Cards, counts, choices and the address in step with the state; returns how many cards show. */
  update(announce) {
    let shown = 0;
    for (const study of this.studies) {
      const visible = matches(study, this.state, null);
      const card = this.cards.get(study.slug);
      if (card) card.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const group of this.groups) {
      const tally = counts(this.studies, this.state, group.facet);
      const chosen = this.state.get(group.facet.key) || new Set();
      for (const option of group.facet.options) {
        group.inputs.get(option.value).checked = chosen.has(option.value);
        group.countSpans.get(option.value).textContent = `(${tally.get(option.value)})`;
      }
      group.chosenNote.textContent = chosen.size ? ` (${chosen.size} chosen)` : "";
      if (chosen.size) group.details.open = true;
    }
    this.removals.replaceChildren(
      ...this.groups.flatMap(({ facet }) =>
        facet.options
          .filter((option) => (this.state.get(facet.key) || new Set()).has(option.value))
          .map((option) => this.removal(facet, option)),
      ),
    );
    this.clear.hidden = this.state.size === 0;
    this.empty.hidden = shown !== 0;
    if (announce) this.status.textContent = summary(shown, this.studies.length);
    const query = writeState(this.state, this.facets);
    const address = location.pathname + (query ? `?${query}` : "") + location.hash;
    if (address !== location.pathname + location.search + location.hash) {
      history.replaceState(history.state, "", address);
    }
    return shown;
  }
}

startEach("#hub-finder", (root) => {
  loading =
    loading ||
    fetch(source).then((response) => {
      if (!response.ok) throw new Error(`entries.json: ${response.status}`);
      return response.json();
    });
  loading
    .then((data) => new Finder(root, data))
    .catch(() => {
      loading = null;
      root.replaceChildren(h("p", {}, "The filters could not load; every case study is listed below."));
    });
});
