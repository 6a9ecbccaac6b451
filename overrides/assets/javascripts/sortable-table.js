/*
 * Sortable columns for tables marked `hub-compare`, such as the comparison of approaches.
 *
 * Without JavaScript the table reads in its published order. With it, each column heading becomes a
 * button; the heading's aria-sort says the order to screen readers. The order itself is table-order.js's.
 */
import { h, startEach } from "./hub.js";
import { order } from "./table-order.js";

function enhance(table) {
  const headings = Array.from(table.tHead.rows[0].cells);
  const body = table.tBodies[0];
  headings.forEach((heading, index) => {
    const button = h("button", { type: "button", class: "hub-sort" }, ...heading.childNodes);
    heading.append(button);
    button.addEventListener("click", () => {
      const ascending = heading.getAttribute("aria-sort") !== "ascending";
      for (const other of headings) other.removeAttribute("aria-sort");
      heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      body.append(...order(Array.from(body.rows), index, ascending));
    });
  });
}

startEach("table.hub-compare", enhance);
