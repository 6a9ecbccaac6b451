/**
 * What a case study's page shows of the form's state, in the page's order (hooks/pages/templates/case_study.md.j2):
 * the title and summary, where it was first published, the list of facts (who led it, approaches, settings, ...),
 * the body as the file holds it, the contact and the references. Values are the file's (share-entry.js's `clean`),
 * with the labels the form offers; dates as hooks/pages/provenance.py writes them. Plain data, so the preview
 * (share-preview.js) builds every value into the page as text, and only the body goes through Markdown.
 */
import { bodyLines, clean } from "./share-entry.js";

const MONTHS = "January February March April May June July August September October November December".split(" ");

/** `2025-12-31` as `31 December 2025`, `2025-12` as `December 2025`; anything else as written. */
export function longDate(value) {
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value || ""));
  if (!parts || (parts[2] && !MONTHS[Number(parts[2]) - 1])) return String(value || "");
  const [, year, month, day] = parts;
  return [day && String(Number(day)), month && MONTHS[Number(month) - 1], year].filter(Boolean).join(" ");
}

/** "as “Title”" is the page's; the title links to the source when it has an address. */
function firstPublished(source) {
  if (!source || !source.publisher || !source.title) return null;
  let after = "”";
  if (source.date) after += ` ${source.date.length === 10 ? "on" : "in"} ${longDate(source.date)}`;
  else after += ", undated" + (source.accessed ? `; read on ${longDate(source.accessed)}` : "");
  return { before: `First published by ${source.publisher} as “`, title: source.title, url: source.url, after };
}

function label(field, value) {
  const choice = (field.choices || []).find((each) => each.value === value);
  return choice ? choice.label : String(value);
}

/** The page's list of facts: [term, text] pairs, those the page leaves out when empty left out. */
function facts(spec, values, noPage) {
  const byName = Object.fromEntries(spec.fields.map((field) => [field.name, field]));
  const labels = (name) => (values[name] || []).map((value) => label(byName[name], value)).join(", ");
  const partnerType = byName.partners.fields.find((field) => field.name === "type");
  const approaches = [
    ...(values.approaches || []).map((value) => label(byName.approaches, value)),
    ...(values.other_approaches || []).map((name) => `${name} (${noPage})`),
  ];
  const commitments = (values.lcav_commitments || []).map(
    (number) => `Commitment ${number}: ${label(byName.lcav_commitments, number)}`,
  );
  const published = values.published ? longDate(values.published) : "";
  const updated = values.updated ? `, updated ${longDate(values.updated)}` : "";
  return [
    ["Led by", values.organisation || ""],
    ["Organisations taking part", labels("organisation_types")],
    ["Partners", (values.partners || []).map((each) => `${each.name} (${label(partnerType, each.type)})`).join("; ")],
    ["Approaches", approaches.join(", ")],
    ["Settings", labels("settings")],
    ["Regions", labels("regions")],
    ["Staff groups", labels("staff_groups")],
    ["Leading Change, Adding Value", commitments.join("; ")],
    ["Published on the hub", published + updated],
  ].filter(([, text]) => text);
}

/** The parts of the case study's page, from the form's state. */
export function pageParts(spec, state) {
  const values = {};
  for (const field of spec.fields) values[field.name] = clean(field, state.fields[field.name]);
  const contact = values.contact || {};
  const who = [contact.name, contact.role, contact.team].filter(Boolean).join(", ");
  return {
    title: values.title || "",
    summary: values.summary || "",
    firstPublished: firstPublished(values.first_published),
    facts: facts(spec, values, spec.noPage),
    body: bodyLines(spec, state.sections).lines.join("\n"),
    contact: who || contact.email ? { who, email: contact.email || "" } : null,
    references: (values.references || []).map((reference) => ({
      ...reference,
      year: reference.year === undefined ? "n.d." : String(reference.year),
      accessed: reference.accessed ? longDate(reference.accessed) : "",
    })),
  };
}
