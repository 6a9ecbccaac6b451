/*
 * The case study finder: filters over the case studies index, several facets at once.
 *
 * Without JavaScript the index lists every case study; this adds the filters on top and hides
 * the cards that do not match. The page already shows the heading and the closed facets in their
 * place, so adding the controls moves nothing on screen. The facets, their labels, their values
 * and each case study's values come from entries.json, which the build derives from the schema
 * and the vocabularies, so nothing here names a field or a value. Text from the data is set with
 * textContent only.
 *
 * Within a facet the chosen values are alternatives (OR); across facets all must hold (AND).
 * A value's count is how many case studies would match if it were added to the other facets'
 * choices. The choices live in the page address, so a filtered view can be shared.
 */
(function () {
  "use strict";

  /** The chosen values per facet key, from a query string; unknown keys and values are dropped. */
  function readState(search, facets) {
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
  function writeState(state, facets) {
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
  function matches(study, state, except) {
    for (const [key, chosen] of state) {
      if (key === except || chosen.size === 0) continue;
      if (!(study.facets[key] || []).some((value) => chosen.has(value))) return false;
    }
    return true;
  }

  /** For each value of a facet, how many case studies match the other facets' choices and have it. */
  function counts(studies, state, facet) {
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
  function summary(shown, total) {
    if (shown === 0) return "No case study matches all these filters.";
    if (shown === total) return `Showing all ${plural(total)}.`;
    return `Showing ${shown} of ${plural(total)}.`;
  }

  function element(tag, properties, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, properties);
    node.append(...children);
    return node;
  }

  /**
   * Builds the controls inside `root`, in the heading, facets and status line the page renders there,
   * and keeps cards, counts and the address in step with them.
   */
  function mount(root, data) {
    const facets = data.facets.filter((facet) => facet.options.length > 0);
    const studies = data.case_studies;
    const cards = new Map(studies.map((study) => [study.slug, document.getElementById(`card-${study.slug}`)]));
    let state = readState(location.search, facets);

    const heading = document.getElementById("hub-finder-heading");
    heading.tabIndex = -1;
    const form = element("form", { className: "hub-finder__form" });
    form.setAttribute("aria-labelledby", heading.id);
    form.addEventListener("submit", (event) => event.preventDefault());
    const status = root.querySelector(".hub-finder__status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    const clear = element("button", { type: "button", className: "md-button", textContent: "Clear all filters" });
    const emptyClear = element("button", { type: "button", className: "md-button md-button--primary",
                                            textContent: "Clear all filters" });
    const removals = element("ul", { className: "hub-finder__removals" });
    const empty = element("div", { className: "hub-finder__empty", hidden: true },
      element("p", { textContent: "No case study matches all these filters. Remove one of them, or clear them all." }),
      removals, emptyClear);

    const inputs = new Map();
    const groups = facets.map((facet) => {
      const list = element("ul", { className: "hub-facet__options" });
      const countSpans = new Map();
      for (const option of facet.options) {
        const id = `hub-facet-${facet.key}-${option.value}`;
        const input = element("input", { type: "checkbox", id, name: facet.key, value: option.value });
        const count = element("span", { className: "hub-facet__count" });
        countSpans.set(option.value, count);
        inputs.set(id, input);
        input.addEventListener("change", () => {
          const chosen = state.get(facet.key) || new Set();
          if (input.checked) chosen.add(option.value); else chosen.delete(option.value);
          if (chosen.size) state.set(facet.key, chosen); else state.delete(facet.key);
          update(true);
        });
        list.append(element("li", {}, input, element("label", { htmlFor: id }, option.label, " ", count)));
      }
      const legend = element("legend", { className: "hub-visually-hidden", textContent: facet.label });
      const details = document.getElementById(`hub-facets-${facet.key}`);
      details.append(element("fieldset", {}, legend, list));
      const chosenNote = details.querySelector(".hub-facet__chosen");
      return { facet, details, countSpans, chosenNote };
    });

    function clearAll() {
      state = new Map();
      update(true);
      heading.focus();
    }
    clear.addEventListener("click", clearAll);
    emptyClear.addEventListener("click", clearAll);

    form.append(...groups.map((group) => group.details));
    root.replaceChildren(heading, form, clear, status, empty);

    function update(announce) {
      let shown = 0;
      for (const study of studies) {
        const visible = matches(study, state, null);
        const card = cards.get(study.slug);
        if (card) card.hidden = !visible;
        if (visible) shown += 1;
      }
      for (const group of groups) {
        const tally = counts(studies, state, group.facet);
        const chosen = state.get(group.facet.key) || new Set();
        for (const option of group.facet.options) {
          const input = inputs.get(`hub-facet-${group.facet.key}-${option.value}`);
          input.checked = chosen.has(option.value);
          group.countSpans.get(option.value).textContent = `(${tally.get(option.value)})`;
        }
        group.chosenNote.textContent = chosen.size ? ` (${chosen.size} chosen)` : "";
        if (chosen.size) group.details.open = true;
      }
      removals.replaceChildren(...groups.flatMap((group) => group.facet.options
        .filter((option) => (state.get(group.facet.key) || new Set()).has(option.value))
        .map((option) => {
          const button = element("button", { type: "button", className: "md-button",
                                             textContent: `Remove ${group.facet.label}: ${option.label}` });
          button.addEventListener("click", () => {
            state.get(group.facet.key).delete(option.value);
            if (!state.get(group.facet.key).size) state.delete(group.facet.key);
            update(true);
            heading.focus();
          });
          return element("li", {}, button);
        })));
      clear.hidden = state.size === 0;
      empty.hidden = shown !== 0;
      if (announce) status.textContent = summary(shown, studies.length);
      const query = writeState(state, facets);
      const address = location.pathname + (query ? `?${query}` : "") + location.hash;
      if (address !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", address);
      return shown;
    }

    const shown = update(false);
    // Said once the region is in the page, so screen readers hear the count for a shared address too.
    requestAnimationFrame(() => { status.textContent = summary(shown, studies.length); });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { readState, writeState, matches, counts, summary };
    return;
  }

  const source = new URL("../../entries.json", document.currentScript.src);
  let loading = null;
  document$.subscribe(() => {
    const root = document.getElementById("hub-finder");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    loading = loading || fetch(source).then((response) => {
      if (!response.ok) throw new Error(`entries.json: ${response.status}`);
      return response.json();
    });
    loading.then((data) => mount(root, data)).catch(() => {
      loading = null;
      root.replaceChildren(element("p", { textContent: "The filters could not load; every case study is listed below." }));
    });
  });
})();
