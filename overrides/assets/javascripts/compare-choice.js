/*
 * Choosing the approaches to compare. Without JavaScript every approach is shown and the chooser is hidden.
 * With it, the chooser gets a checkbox per row of the table; the rows chosen are shown (all when none is),
 * and the choice is kept in the page's address. The address's logic is compare-state.js's.
 */
import { h, startEach } from "./hub.js";
import { chosenIn, searchWith, summary } from "./compare-state.js";

const ROW_ID = "hub-compare-";

function start(chooser) {
  const table = document.querySelector("table.hub-compare");
  const status = document.getElementById("hub-compare-status");
  if (!table || !status) return;
  const rows = Array.from(table.tBodies[0].rows);
  const slugs = rows.map((row) => row.id.slice(ROW_ID.length));
  const boxes = new Map(
    rows.map((row, index) => [slugs[index], h("input", { type: "checkbox", id: `hub-choose-${slugs[index]}` })]),
  );
  const chosenNote = chooser.querySelector(".hub-compare-choose__chosen");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  function show(chosen, { keep }) {
    const picked = new Set(chosen);
    rows.forEach((row, index) => {
      row.hidden = picked.size > 0 && !picked.has(slugs[index]);
      boxes.get(slugs[index]).checked = picked.has(slugs[index]);
    });
    chosenNote.textContent = picked.size ? ` (${picked.size} chosen)` : "";
    status.textContent = summary(picked.size || rows.length, rows.length);
    table.caption.textContent = status.textContent;
    showAll.hidden = picked.size === 0;
    if (keep)
      history.replaceState(history.state, "", location.pathname + searchWith(location.search, chosen) + location.hash);
  }

  const showAll = h(
    "button",
    {
      type: "button",
      class: "md-button",
      onclick: () => {
        show([], { keep: true });
        boxes.get(slugs[0]).focus(); // the button hides itself: focus goes on to the choices, not to the page
      },
    },
    "Show all approaches",
  );
  const list = h(
    "ul",
    {},
    rows.map((row, index) =>
      h(
        "li",
        {},
        boxes.get(slugs[index]),
        h("label", { for: `hub-choose-${slugs[index]}` }, row.cells[0].textContent.trim()),
      ),
    ),
  );
  const fieldset = h("fieldset", {}, h("legend", { class: "hub-visually-hidden" }, "Approaches to compare"), list);
  fieldset.addEventListener("change", () =>
    show(
      slugs.filter((slug) => boxes.get(slug).checked),
      { keep: true },
    ),
  );
  chooser.append(fieldset, showAll);
  show(chosenIn(location.search, slugs), { keep: false });
}

startEach("#hub-compare-choose", start);
