/**
 * The order the domain profile is shown in, and which scores are too thin to rank. A domain scored from half
 * or fewer of its statements has a score, but one or two answers can make it look like the strongest: it is
 * shown apart, marked, and never ranked. No DOM, so that `node --test` checks it.
 */

/** Whether a domain's score rests on half or fewer of its statements. */
export function tooFewToRank(entry) {
  return entry.score !== null && entry.answered * 2 <= entry.total;
}

const ranked = (domains) => domains.filter((entry) => entry.score !== null && !tooFewToRank(entry));
const unranked = (domains) => [...domains.filter(tooFewToRank), ...domains.filter((entry) => entry.score === null)];

/** The domains strongest first, then those with too few answers to rank, then those not scored. */
export const strongestFirst = (domains) => [...ranked(domains).sort((a, b) => b.score - a.score), ...unranked(domains)];

/** The domains weakest first, for the table: then those with too few answers to rank, then those not scored. */
export const weakestFirst = (domains) => [...ranked(domains).sort((a, b) => a.score - b.score), ...unranked(domains)];
