/**
 * Which approaches to recommend from a person's answers, from the instrument's `recommend` rules: plain
 * functions with no DOM, so the ranking is tested under `node --test` against the built instrument.
 *
 * Each approach adds up the weights of its points whose conditions all hold. At most `SHOWN` approaches
 * with a positive total and no blocker holding are recommended, highest first (the instrument's order
 * breaks a tie); every other approach is "not yet", with the one or two things most in its way.
 */
import { answerLabel, conditionHolds, statements } from "./readiness-scoring.js";

/** How many approaches are recommended at most: a short list the organisation can choose from. */
export const SHOWN = 3;

/** How many things in an approach's way are shown: the blockers first, then what counts most against it. */
export const OBSTACLES = 2;

/** The answers behind a condition, in words: a domain's score and band, or the answer to a statement. */
function evidence(instrument, condition, byDomain, answers, itemsById) {
  if (condition.domain !== undefined) {
    const result = byDomain[condition.domain];
    return `${result.domain.title}: ${result.score.toFixed(1)}, ${result.band.label}`;
  }
  const text = itemsById[condition.item].text.replace(/\.$/, "");
  return `${answerLabel(instrument, answers[condition.item])} to "${text}"`;
}

/** Each rule of a list whose conditions all hold, as its reason with the answers that led to it. */
function holding(rules, context) {
  const { instrument, byDomain, answers, itemsById } = context;
  return (rules || [])
    .filter((rule) => rule.when.every((condition) => conditionHolds(instrument, condition, byDomain, answers)))
    .map((rule) => ({
      weight: rule.weight,
      text: rule.reason,
      evidence: rule.when.map((condition) => evidence(instrument, condition, byDomain, answers, itemsById)),
    }));
}

/** One approach weighed: its total, its reasons for, and what stands in its way. */
function weigh(rule, context) {
  const points = holding(rule.points, context);
  const blockers = holding(rule.blockers, context);
  const against = points.filter((point) => point.weight < 0).sort((a, b) => a.weight - b.weight);
  return {
    slug: rule.approach,
    approach: context.instrument.approaches[rule.approach],
    total: points.reduce((sum, point) => sum + point.weight, 0),
    reasons: points.filter((point) => point.weight > 0).sort((a, b) => b.weight - a.weight),
    blocked: blockers.length > 0,
    obstacles: [...blockers, ...against].slice(0, OBSTACLES),
  };
}

/**
 * The recommended approaches, ranked; those not yet, with what stands in the way; those that fit but
 * rank lower; and those nothing in the answers points to yet.
 */
export function recommend(instrument, domains, answers) {
  const context = {
    instrument,
    answers,
    byDomain: Object.fromEntries(domains.map((result) => [result.domain.id, result])),
    itemsById: Object.fromEntries(statements(instrument).map(({ item }) => [item.id, item])),
  };
  const weighed = (instrument.recommend || [])
    .filter((rule) => instrument.approaches[rule.approach])
    .map((rule) => weigh(rule, context));
  const ranked = weighed.filter((entry) => entry.total > 0 && !entry.blocked).sort((a, b) => b.total - a.total);
  const recommended = ranked.slice(0, SHOWN);
  const others = weighed.filter((entry) => !recommended.includes(entry)).sort((a, b) => b.total - a.total);
  return {
    recommended,
    notYet: others.filter((entry) => entry.obstacles.length),
    lower: others.filter((entry) => !entry.obstacles.length && entry.total > 0),
    unsupported: others.filter((entry) => !entry.obstacles.length && entry.total <= 0),
  };
}
