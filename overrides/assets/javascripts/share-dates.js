/**
 * Dates as a reader in the UK types them, and as the schema stores them. The form asks for the day, the month
 * and the year in that order (27/11/2026, 27 11 2026, 27112026 or 27 November 2026), says so in its hint and in
 * its message alike, and writes the file's YYYY-MM-DD; a date given no more precisely than its source (a
 * partial date) may also be a month and year (11/2026, November 2026) or a year alone. No DOM, so the same code
 * runs under Node's test runner.
 */

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** What the hint and the message say about each format of date, in the order a reader in the UK writes it. */
export const DATE_WORDS = {
  date: "write the day, month and year, like 27/11/2026",
  "partial-date":
    "write the date as precisely as the source gives it: a year (2023), a month (02/2023) or a day (03/02/2023)",
};

/** The month a reader means by a number (1 to 12), a name or its first three or more letters; 0 if none. */
function monthOf(text) {
  if (/^\d{1,2}$/.test(text)) return Number(text) >= 1 && Number(text) <= 12 ? Number(text) : 0;
  if (text.length < 3) return 0;
  return MONTHS.findIndex((name) => name.startsWith(text)) + 1;
}

/** Whether a YYYY-MM-DD text is a day of the calendar, from the year 1, as Python's `date` reads it. */
export function realDay(text) {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.getUTCFullYear() >= 1 && day.toISOString().slice(0, 10) === text;
}

const pad = (number) => String(number).padStart(2, "0");

/**
 * The YYYY-MM-DD (or, for a partial date, YYYY-MM or YYYY) text the schema wants for a date as typed; the
 * text as typed when it is no such date, so that the check names the problem. Whether the day exists (a 31
 * November) is the check's to say.
 */
export function storedDate(typed, format) {
  const text = typed.trim();
  if (/^\d{4}(?:-\d{2}){0,2}$/.test(text)) return text;
  const words = text
    .toLowerCase()
    .replace(/(\d)(?:st|nd|rd|th)\b/g, "$1")
    .replace(/,/g, " ");
  const day =
    /^(\d{1,2})[\s./-]+(\d{1,2}|[a-z]+)\.?[\s./-]+(\d{4})$/.exec(words) || /^(\d{2})(\d{2})(\d{4})$/.exec(words);
  if (day && monthOf(day[2])) return `${day[3]}-${pad(monthOf(day[2]))}-${pad(day[1])}`;
  if (format !== "partial-date") return text;
  const month = /^(\d{1,2}|[a-z]+)\.?[\s./-]+(\d{4})$/.exec(words);
  if (month && monthOf(month[1])) return `${month[2]}-${pad(monthOf(month[1]))}`;
  return text;
}
