const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A date as UK readers write it: 25 November 2026. Spelt out here rather than asked of `toLocaleDateString`:
 * a page's first use of the browser's date formats loads their data, which took longer than drawing the page,
 * and every page writes its printed line as it opens.
 */
export function longDate(day) {
  return `${day.getDate()} ${MONTHS[day.getMonth()]} ${day.getFullYear()}`;
}

/** The line a printed page ends with: where it came from and when. */
export function printedLine(address, day) {
  return `Printed from ${address} on ${longDate(day)}.`;
}
