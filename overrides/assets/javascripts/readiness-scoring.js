/**
 * Scoring of a readiness assessment: plain functions over the instrument data (built from
 * readiness/<slug>.yml) and a person's answers. No DOM, no storage, no network, so the same code
 * scores in the browser and under `node --test`.
 *
 * Answers are an object from statement id to a number on the scale (1 = the first label) or
 * DONT_KNOW. "Don't know" and unanswered statements are reported, never scored as zero: a domain's
 * score is the mean of its answers on the scale, and a domain with too few of those is not scored.
 */

export const DONT_KNOW = "dont-know";
export const RECORD_FORMAT = "shared-learning-hub/readiness-answers";
/** Version of the saved and exported record's shape; a record of another version is set aside. */
export const RECORD_VERSION = 1;
const MAX_RESPONDENT = 100;

/** Every statement with its domain, in the order they are asked. */
export function statements(instrument) {
  return instrument.domains.flatMap((domain) => domain.items.map((item) => ({ domain, item })));
}

/** A mean rounded to one decimal place, the precision scores are shown and banded at. */
export function roundedMean(values) {
  if (!values.length) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return Math.round((sum * 10) / values.length) / 10; // sum * 10 is whole, so x.x5 rounds up exactly
}

/** The band a score falls in: the highest band whose `from` it reaches. */
export function bandFor(instrument, score) {
  if (score === null || score === undefined) return null;
  let found = null;
  for (const band of instrument.bands) if (score >= band.from) found = band;
  return found;
}

export function isScaleAnswer(instrument, value) {
  return Number.isInteger(value) && value >= 1 && value <= instrument.scale.length;
}

/** How an answer reads: "4 (Agree)", "Don't know" or "Not answered". */
export function answerLabel(instrument, value) {
  if (value === DONT_KNOW) return instrument.dont_know;
  if (isScaleAnswer(instrument, value)) return `${value} (${instrument.scale[value - 1]})`;
  return "Not answered";
}

function domainResult(instrument, domain, answers) {
  const values = [];
  const dontKnow = [];
  const unanswered = [];
  for (const item of domain.items) {
    const value = answers[item.id];
    if (isScaleAnswer(instrument, value)) values.push(value);
    else if (value === DONT_KNOW) dontKnow.push(item);
    else unanswered.push(item);
  }
  const enough = values.length > 0 && values.length >= Math.ceil(domain.items.length * instrument.minimum_answered);
  const score = enough ? roundedMean(values) : null;
  const band = bandFor(instrument, score);
  const meaning = band ? (domain.bands.find((entry) => entry.band === band.id) || {}).meaning || "" : "";
  return { domain, score, band, meaning, answered: values.length, dontKnow, unanswered, total: domain.items.length };
}

function conditionHolds(instrument, condition, byDomain, answers) {
  if (condition.domain !== undefined) {
    const band = byDomain[condition.domain] && byDomain[condition.domain].band;
    return Boolean(band) && condition.bands.includes(band.id);
  }
  const value = answers[condition.item];
  return isScaleAnswer(instrument, value) && condition.answers.includes(value);
}

/** The approaches whose rules hold, each with every reason, the most reasons first. */
export function fittingApproaches(instrument, domains, answers) {
  const byDomain = Object.fromEntries(domains.map((result) => [result.domain.id, result]));
  const found = new Map();
  for (const rule of instrument.fits) {
    if (!rule.when.every((condition) => conditionHolds(instrument, condition, byDomain, answers))) continue;
    for (const slug of rule.approaches) {
      const approach = instrument.approaches[slug];
      if (!approach) continue;
      if (!found.has(slug)) found.set(slug, { slug, approach, reasons: [] });
      found.get(slug).reasons.push(rule.reason);
    }
  }
  return [...found.values()].sort((a, b) => b.reasons.length - a.reasons.length);
}

/** Essential statements not answered at or above `met_from`: don't know and unanswered count as not met. */
export function essentialsNotMet(instrument, answers) {
  return statements(instrument)
    .filter(({ item }) => item.essential)
    .filter(({ item }) => !(isScaleAnswer(instrument, answers[item.id]) && answers[item.id] >= instrument.met_from))
    .map(({ domain, item }) => ({ domain, item, answer: answers[item.id] ?? null }));
}

/** Everything the results page shows, worked out from the answers. */
export function score(instrument, answers) {
  const domains = instrument.domains.map((domain) => domainResult(instrument, domain, answers));
  const weakestFirst = [...domains].sort((a, b) => {
    if (a.score === null || b.score === null) return (a.score === null) - (b.score === null);
    return a.score - b.score;
  });
  const all = statements(instrument);
  const dontKnow = all.filter(({ item }) => answers[item.id] === DONT_KNOW);
  const unanswered = all.filter(({ item }) => answers[item.id] !== DONT_KNOW && !isScaleAnswer(instrument, answers[item.id]));
  const essentials = essentialsNotMet(instrument, answers);
  const plan = [
    ...essentials.map(({ domain, item }) => ({ type: "essential", domain, item, text: item.action })),
    ...weakestFirst.filter((result) => result.band && result.band.weak)
      .map((result) => ({ type: "domain", domain: result.domain, result, recommendations: result.domain.recommendations })),
    ...dontKnow.map(({ domain, item }) => ({ type: "find-out", domain, item })),
    ...domains.filter((result) => result.score === null).map((result) => ({ type: "not-scored", domain: result.domain, result })),
  ];
  return {
    domains,
    weakestFirst,
    total: all.length,
    answered: all.length - dontKnow.length - unanswered.length,
    dontKnow,
    unanswered,
    essentials,
    fits: fittingApproaches(instrument, domains, answers),
    plan,
  };
}

export class RecordError extends Error {}

function describe(value) {
  return JSON.stringify(value).slice(0, 40);
}

/**
 * A saved or exported record checked against the instrument: `{respondent, answers, saved}`.
 * Throws RecordError with a message a person can act on; never returns something half-read.
 */
export function readRecord(instrument, input) {
  let record = input;
  if (typeof input === "string") {
    try {
      record = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new RecordError(`it is not a JSON file, or it is damaged (${error.message})`);
    }
  }
  if (!record || typeof record !== "object" || Array.isArray(record) || record.format !== RECORD_FORMAT) {
    throw new RecordError("it is not a file of answers exported from a readiness assessment on this hub");
  }
  if (record.version !== RECORD_VERSION) {
    throw new RecordError(`it is in format version ${describe(record.version)}, and this page reads version ${RECORD_VERSION}`);
  }
  if (record.instrument !== instrument.id) {
    throw new RecordError(`it holds answers to another assessment (${describe(record.instrument)}), not "${instrument.title}"`);
  }
  if (record.instrumentVersion !== instrument.version) {
    throw new RecordError(`it holds answers to version ${describe(record.instrumentVersion)} of "${instrument.title}", and the statements have changed since: this is version ${instrument.version}`);
  }
  if (!record.answers || typeof record.answers !== "object" || Array.isArray(record.answers)) {
    throw new RecordError("it has no answers in it");
  }
  const known = new Set(statements(instrument).map(({ item }) => item.id));
  const answers = {};
  for (const [id, value] of Object.entries(record.answers)) {
    if (!known.has(id)) throw new RecordError(`it answers a statement this assessment does not have (${describe(id)})`);
    if (value === null) continue;
    if (value !== DONT_KNOW && !isScaleAnswer(instrument, value)) {
      throw new RecordError(`the answer to "${id}" is ${describe(value)}, which is not 1 to ${instrument.scale.length} or "don't know"`);
    }
    answers[id] = value;
  }
  const respondent = record.respondent ?? "";
  if (typeof respondent !== "string" || respondent.length > MAX_RESPONDENT) {
    throw new RecordError(`the name or role in it is not text of up to ${MAX_RESPONDENT} characters`);
  }
  const saved = typeof record.saved === "string" && !Number.isNaN(Date.parse(record.saved)) ? record.saved : null;
  return { respondent, answers, saved };
}

/** The record kept in the browser: the answers and who gave them, and nothing worked out from them. */
export function toRecord(instrument, state, now) {
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    instrument: instrument.id,
    instrumentVersion: instrument.version,
    respondent: state.respondent || "",
    answers: state.answers,
    saved: now.toISOString(),
  };
}

/** The JSON export: the record (re-importable) plus the results, for reading elsewhere. */
export function toExport(instrument, state, now) {
  const result = score(instrument, state.answers);
  return {
    ...toRecord(instrument, state, now),
    saved: state.saved || now.toISOString(),
    exported: now.toISOString(),
    results: {
      answered: result.answered,
      dontKnow: result.dontKnow.map(({ item }) => item.id),
      unanswered: result.unanswered.map(({ item }) => item.id),
      domains: result.weakestFirst.map(({ domain, score: value, band, answered }) => (
        { id: domain.id, title: domain.title, score: value, band: band ? band.label : null, answered })),
      essentialsNotMet: result.essentials.map(({ item }) => item.id),
      approaches: result.fits.map(({ slug, approach, reasons }) => ({ slug, title: approach.title, reasons })),
    },
  };
}

function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`; // not run as a formula
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per statement, with its domain's score and band, as UTF-8 with a BOM so spreadsheets read it right. */
export function toCsv(instrument, state) {
  const result = score(instrument, state.answers);
  const byDomain = Object.fromEntries(result.domains.map((entry) => [entry.domain.id, entry]));
  const rows = [["Respondent", "Domain", "Domain score", "Domain band", "Statement id", "Statement", "Essential", "Answer", "Answer label"]];
  for (const { domain, item } of statements(instrument)) {
    const value = state.answers[item.id];
    const domainScore = byDomain[domain.id];
    rows.push([state.respondent || "", domain.title, domainScore.score ?? "", domainScore.band ? domainScore.band.label : "",
      item.id, item.text, item.essential ? "yes" : "no", isScaleAnswer(instrument, value) ? value : "",
      value === undefined || value === null ? "Not answered" : value === DONT_KNOW ? instrument.dont_know : instrument.scale[value - 1]]);
  }
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function spreadOf(values) {
  const numbers = values.filter((value) => typeof value === "number");
  return numbers.length >= 2 ? Math.max(...numbers) - Math.min(...numbers) : null;
}

/**
 * Several people's answers side by side: for each domain and statement, each person's answer or
 * score, the mean of those on the scale, and whether any two are `disagreement` points or more apart.
 */
export function merge(instrument, people) {
  const threshold = instrument.disagreement;
  const scored = people.map((person) => score(instrument, person.answers));
  const domains = instrument.domains.map((domain, index) => {
    const scores = scored.map((result) => result.domains[index].score);
    const spread = spreadOf(scores);
    const items = domain.items.map((item) => {
      const answers = people.map((person) => person.answers[item.id] ?? null);
      const numbers = answers.filter((value) => isScaleAnswer(instrument, value));
      const itemSpread = spreadOf(numbers);
      return { item, answers, mean: roundedMean(numbers), spread: itemSpread, disagree: itemSpread !== null && itemSpread >= threshold };
    });
    const numbers = scores.filter((value) => value !== null);
    const tenths = numbers.reduce((sum, value) => sum + Math.round(value * 10), 0); // whole tenths: no float drift
    const mean = numbers.length ? Math.round(tenths / numbers.length) / 10 : null;
    return { domain, scores, mean, band: bandFor(instrument, mean), spread, disagree: spread !== null && spread >= threshold, items };
  });
  return {
    people: people.map((person) => person.name),
    domains,
    disagreements: domains.reduce((count, entry) => count + entry.items.filter((item) => item.disagree).length, 0),
  };
}

/** Distinct names for the people in a team view: their own, or the file's, numbered when repeated. */
export function teamNames(names) {
  const seen = new Map();
  return names.map((name) => {
    const count = (seen.get(name) || 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
