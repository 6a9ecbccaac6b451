/**
 * The entry file's YAML, written as hooks/write/scaffold.py writes it: every text value double-quoted in JSON's
 * syntax, which YAML reads back exactly, with the characters YAML reads as line breaks or refuses escaped.
 */

const UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g;

/** A YAML double-quoted scalar that reads back as exactly `text`. */
export function quoted(text) {
  const whole = String(text).replace(LONE_SURROGATE, (match, before) => (before || "") + "\ufffd");
  return JSON.stringify(whole).replace(UNSAFE, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

export function scalar(value) {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  return quoted(value);
}

/** `key: value` lines: scalars and lists of scalars on one line, groups as blocks (as scaffold.py). */
export function valueLines(key, value, indent) {
  if (Array.isArray(value) && value.some((item) => item && typeof item === "object")) {
    const lines = [key];
    for (const item of value) {
      Object.entries(item).forEach(([name, inner], index) => {
        lines.push(...valueLines(`${indent}${index === 0 ? "  - " : "    "}${name}:`, inner, indent + "    "));
      });
    }
    return lines;
  }
  if (Array.isArray(value)) return [`${key} [${value.map(scalar).join(", ")}]`];
  if (value && typeof value === "object") {
    const lines = [key];
    for (const [name, inner] of Object.entries(value))
      lines.push(...valueLines(`${indent}  ${name}:`, inner, indent + "  "));
    return lines;
  }
  return [`${key} ${scalar(value)}`];
}
