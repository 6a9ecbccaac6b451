/**
 * Text as Python reads it, for the modules that repeat a rule of the check: what `\s` and `str.split()` take
 * for a space (the characters `str.isspace()` accepts), which is not what JavaScript's `\s` matches.
 */

export const PYTHON_SPACE =
  "[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const SPACES = new RegExp(`${PYTHON_SPACE}+`);

/** The words of `text` with one space between them, as Python's `" ".join(text.split())` gives them. */
export function oneSpaced(text) {
  return String(text).split(SPACES).filter(Boolean).join(" ");
}
