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

/** Whether one condition of a rule holds: a domain in one of its bands, or a statement with one of its answers. */
export function conditionHolds(instrument, condition, byDomain, answers) {
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

/**
 * What names a step of the action plan across sets of answers: its kind and its statement, or else its domain.
 * Its owner and dates are kept under it, and it says which steps two assessments share.
 */
export function stepKey(step) {
  return `${step.type}-${step.item ? step.item.id : step.domain.id}`;
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
  const unanswered = all.filter(
    ({ item }) => answers[item.id] !== DONT_KNOW && !isScaleAnswer(instrument, answers[item.id]),
  );
  const essentials = essentialsNotMet(instrument, answers);
  const plan = [
    ...essentials.map(({ domain, item }) => ({ type: "essential", domain, item, text: item.action })),
    ...weakestFirst
      .filter((result) => result.band && result.band.weak)
      .map((result) => ({
        type: "domain",
        domain: result.domain,
        result,
        recommendations: result.domain.recommendations,
      })),
    ...dontKnow.map(({ domain, item }) => ({ type: "find-out", domain, item })),
    ...domains
      .filter((result) => result.score === null)
      .map((result) => ({ type: "not-scored", domain: result.domain, result })),
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
      return {
        item,
        answers,
        mean: roundedMean(numbers),
        spread: itemSpread,
        disagree: itemSpread !== null && itemSpread >= threshold,
      };
    });
    const numbers = scores.filter((value) => value !== null);
    const tenths = numbers.reduce((sum, value) => sum + Math.round(value * 10), 0); // whole tenths: no float drift
    const mean = numbers.length ? Math.round(tenths / numbers.length) / 10 : null;
    return {
      domain,
      scores,
      mean,
      band: bandFor(instrument, mean),
      spread,
      disagree: spread !== null && spread >= threshold,
      items,
    };
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
