/**
 * Re-assessment over time: the dated assessments kept with a person's answers (`history`, oldest first, each
 * `{saved, answers}` and the `name` the reader gave it, if any), how each domain's score changed between two of
 * them, and which steps of the action plan were closed in between. Scores and plans are worked out again from
 * the kept answers, so a snapshot holds nothing the instrument could later contradict. Plain functions.
 */
import { score, stepKey } from "./readiness-scoring.js";

const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export const MAX_NAME = 100;

/**
 * The history with the answers as of `saved` added, under the reader's `name` if they gave one, or null when the
 * latest kept assessment has those answers.
 */
export function addSnapshot(history, answers, saved, name = "") {
  const latest = history.at(-1);
  if (latest && same(latest.answers, answers)) return null;
  const named = name.trim().slice(0, MAX_NAME);
  return [...history, { saved, answers: { ...answers }, ...(named ? { name: named } : {}) }];
}

/** Two histories as one, oldest first, each assessment once: importing a file never loses one kept here. */
export function mergeHistory(kept, read) {
  const all = [...kept, ...read].sort((a, b) => Date.parse(a.saved) - Date.parse(b.saved));
  return all.filter(
    (entry, index) => !all.slice(0, index).some((o) => o.saved === entry.saved && same(o.answers, entry.answers)),
  );
}

/**
 * The assessment to compare the current answers with: the latest kept, or the one before it when the latest
 * holds the current answers (just saved), so that the change shown is always since the previous assessment.
 */
export function previous(history, answers) {
  const latest = history.at(-1);
  if (latest && same(latest.answers, answers)) return history.at(-2) || null;
  return latest || null;
}

/** A change in words: "up 0.5", "down 1.2", "no change", or why it cannot be said. */
export function changeWords(then, now) {
  if (then === null && now === null) return "not scored";
  if (then === null) return "not scored then";
  if (now === null) return "not scored now";
  const tenths = Math.round(now * 10) - Math.round(then * 10);
  if (tenths === 0) return "no change";
  return `${tenths > 0 ? "up" : "down"} ${(Math.abs(tenths) / 10).toFixed(1)}`;
}

const shown = (value) => (value === null ? "not scored" : value.toFixed(1));

/** Each domain's score then and now, in the instrument's order, with the change in words ("Leadership: 2.4 to 3.6"). */
export function changes(instrument, thenAnswers, nowAnswers) {
  const then = score(instrument, thenAnswers).domains;
  const now = score(instrument, nowAnswers).domains;
  return now.map((entry, index) => ({
    domain: entry.domain,
    then: then[index].score,
    now: entry.score,
    change: changeWords(then[index].score, entry.score),
    words: `${entry.domain.title}: ${shown(then[index].score)} to ${shown(entry.score)}`,
  }));
}

/** The action plan's steps for the first answers that the second no longer need, each in words. */
export function closedSince(instrument, thenAnswers, nowAnswers) {
  const open = new Set(score(instrument, nowAnswers).plan.map(stepKey));
  return score(instrument, thenAnswers)
    .plan.filter((step) => !open.has(stepKey(step)))
    .map((step) => {
      if (step.type === "essential") return `Essential met: ${step.item.text}`;
      if (step.type === "domain") return `${step.domain.title} is no longer among the weakest areas`;
      if (step.type === "find-out") return `Found out: ${step.item.text}`;
      return `${step.domain.title} now has enough answers to be scored`;
    });
}
