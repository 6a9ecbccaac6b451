/**
 * A team's answers combined: each domain's median score, the statements ordered by how far apart people are
 * (so that the few most worth discussing come first), and one set of combined answers from which the team's
 * action plan is made with the same scoring as one person's. Plain functions, no page.
 */
import { DONT_KNOW, isScaleAnswer, score, statements } from "./readiness-scoring.js";

/** How many people's answers a team view combines: a leadership team, not a survey. */
export const MAX_PEOPLE = 6;

/** The middle value, or the mean of the two middle ones; null for none. */
export function median(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The team's answer to a statement: the median of the answers on the scale, and where it falls between two
 * answers the lower one, so a gap stays in the plan until the team agrees it is closed; "don't know" when more
 * people said so than answered on the scale; none when nobody answered.
 */
export function combinedAnswer(instrument, answers) {
  const numbers = answers.filter((value) => isScaleAnswer(instrument, value));
  const dontKnow = answers.filter((value) => value === DONT_KNOW).length;
  if (dontKnow > numbers.length) return DONT_KNOW;
  if (!numbers.length) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1];
}

/** Statements with most disagreement first: the widest spread of answers, then the most "don't know". */
export function byDisagreement(rows) {
  return [...rows].sort((a, b) => (b.spread ?? -1) - (a.spread ?? -1) || b.dontKnow - a.dontKnow || a.order - b.order);
}

/** The statements worth discussing first: up to `limit` of the ordered ones where people differ or do not know. */
export function toDiscuss(ordered, limit = 5) {
  return ordered.filter((row) => row.spread > 0 || row.dontKnow > 0).slice(0, limit);
}

/** Everyone's answers (`people`: `{name, answers}`) combined; see the module's description. */
export function combine(instrument, people) {
  const scored = people.map((person) => score(instrument, person.answers));
  const domains = instrument.domains.map((domain, index) => {
    const scores = scored.map((result) => result.domains[index].score);
    const found = median(scores.filter((value) => value !== null));
    return { domain, scores, median: found === null ? null : Math.round(found * 10) / 10 };
  });
  const answers = {};
  const rows = statements(instrument).map(({ domain, item }, order) => {
    const given = people.map((person) => person.answers[item.id] ?? null);
    const numbers = given.filter((value) => isScaleAnswer(instrument, value));
    const combined = combinedAnswer(instrument, given);
    if (combined !== null) answers[item.id] = combined;
    return {
      domain,
      item,
      order,
      answers: given,
      combined,
      spread: numbers.length >= 2 ? Math.max(...numbers) - Math.min(...numbers) : null,
      dontKnow: given.filter((value) => value === DONT_KNOW).length,
    };
  });
  return { people: people.map((person) => person.name), domains, statements: byDisagreement(rows), answers };
}
