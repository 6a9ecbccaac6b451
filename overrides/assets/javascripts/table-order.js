/**
 * The order of a sortable table's rows. A cell sorts by its data-sort key when the build gave one (evidence
 * levels in their declared order, ranges by their smallest value), else by its text; numbers as numbers,
 * and empty keys last either way.
 */

let collator;

/**
 * Two keys compared as UK readers sort them. The collator is made at the first sort, not as the page opens:
 * making it loads the browser's collation data, which a reader who never sorts does not need.
 */
function compare(a, b) {
  collator ??= new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
  return collator.compare(a, b);
}

function key(cell) {
  return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
}

/** Rows ordered by column `index`, ascending or not, blanks last, ties in their current order. */
export function order(rows, index, ascending) {
  return rows
    .map((row, position) => ({ row, position, key: key(row.cells[index]) }))
    .sort((a, b) => {
      if (!a.key || !b.key) return (a.key ? 0 : 1) - (b.key ? 0 : 1) || a.position - b.position;
      return (ascending ? 1 : -1) * compare(a.key, b.key) || a.position - b.position;
    })
    .map((item) => item.row);
}
