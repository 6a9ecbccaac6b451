/*
 * Sortable columns for tables marked `hub-compare`, such as the comparison of approaches.
 *
 * Without JavaScript the table reads in its published order. With it, each column heading
 * becomes a button; the heading's aria-sort says the order to screen readers. A cell sorts by
 * its data-sort key when the build gave one (evidence levels in their declared order, ranges by
 * their smallest value), else by its text; empty keys go last either way.
 */
(function () {
  "use strict";

  const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

  function key(cell) {
    return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
  }

  /** Rows ordered by column `index`, ascending or not, blanks last, ties in their current order. */
  function order(rows, index, ascending) {
    return rows
      .map((row, position) => ({ row, position, key: key(row.cells[index]) }))
      .sort((a, b) => {
        if (!a.key || !b.key) return (a.key ? 0 : 1) - (b.key ? 0 : 1) || a.position - b.position;
        return (ascending ? 1 : -1) * collator.compare(a.key, b.key) || a.position - b.position;
      })
      .map((item) => item.row);
  }

  function enhance(table) {
    if (table.dataset.sortable) return;
    table.dataset.sortable = "true";
    const headings = Array.from(table.tHead.rows[0].cells);
    const body = table.tBodies[0];
    headings.forEach((heading, index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "hub-sort";
      button.append(...heading.childNodes);
      heading.append(button);
      button.addEventListener("click", () => {
        const ascending = heading.getAttribute("aria-sort") !== "ascending";
        for (const other of headings) other.removeAttribute("aria-sort");
        heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        body.append(...order(Array.from(body.rows), index, ascending));
      });
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { order };
    return;
  }

  document$.subscribe(() => {
    document.querySelectorAll("table.hub-compare").forEach(enhance);
  });
})();
