/**
 * What the team page shows once two or more people's answers are loaded: the profile chart and its table,
 * the statements most worth discussing first, every statement by disagreement, and the team's action plan.
 */
import { answerLabel, merge, score } from "./readiness-scoring.js";
import { combine, toDiscuss } from "./readiness-combine.js";
import { h } from "./hub.js";
import { actionPlan } from "./readiness-plan.js";
import { actionsKey } from "./readiness-tasks.js";
import { scrollable } from "./readiness-dom.js";
import { teamChart, teamLegend } from "./readiness-team-chart.js";

const points = (spread) => `${spread} point${spread === 1 ? "" : "s"} apart`;

/** The agreement cell of a domain: how far apart the scores are. */
function flag(entry) {
  const words = entry.disagree
    ? `Discuss: ${entry.spread.toFixed(entry.spread % 1 ? 1 : 0)} points apart`
    : entry.spread === null
      ? "Too few answers to compare"
      : "Close";
  return h("td", { class: entry.disagree ? "hub-readiness-disagree" : null }, words);
}

/** A table with a caption, its column headings and its rows, in a region that scrolls on a narrow screen. */
function table(caption, headings, rows) {
  return scrollable(
    caption,
    h(
      "table",
      {},
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          headings.map((text) => h("th", { scope: "col" }, text)),
        ),
      ),
      h("tbody", {}, rows),
    ),
  );
}

/** Each domain's score per person, the team's median and whether people are far apart. */
function domainTable(team, merged) {
  const shown = (value) => (value === null ? "Not scored" : value.toFixed(1));
  const rows = team.domains.map((entry, index) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, entry.domain.title),
      entry.scores.map((value) => h("td", {}, shown(value))),
      h("td", {}, shown(entry.median)),
      flag(merged.domains[index]),
    ),
  );
  return table("Domain scores by person", ["Domain", ...team.people, "Team median", "Agreement"], rows);
}

/** Every statement, most disagreement first: each answer, the team's answer, the spread and the "don't know"s. */
function statementTable(instrument, team) {
  const rows = team.statements.map((row) =>
    h(
      "tr",
      { class: row.spread >= instrument.disagreement ? "hub-readiness-disagree-row" : null },
      h("th", { scope: "row" }, row.item.text),
      h("td", {}, row.domain.title),
      row.answers.map((value) => h("td", {}, answerLabel(instrument, value))),
      h("td", {}, answerLabel(instrument, row.combined)),
      h("td", {}, row.spread === null ? "Too few answers" : points(row.spread)),
      h("td", {}, String(row.dontKnow)),
    ),
  );
  const headings = ["Statement", "Domain", ...team.people, "Team answer", "Spread", `"${instrument.dont_know}"`];
  return table("Statements, most disagreement first", headings, rows);
}

/** The statements most worth discussing: where people are furthest apart, or do not know. */
function discussFirst(instrument, team) {
  const first = toDiscuss(team.statements);
  if (!first.length) return [h("p", {}, "Everyone gave the same answer to every statement.")];
  return [
    h("p", {}, "Where people are furthest apart, or do not know, is the best place to start your conversation:"),
    h(
      "ol",
      { class: "hub-team-discuss" },
      first.map((row) =>
        h(
          "li",
          {},
          h("strong", {}, row.item.text),
          ` (${row.domain.title}): `,
          row.spread === null ? "too few answers to compare" : points(row.spread),
          row.dontKnow ? `; ${row.dontKnow} "${instrument.dont_know}"` : "",
          ".",
        ),
      ),
    ),
  ];
}

/** The action plan of the results page, made from the team's combined answers, and said to be so. */
function teamPlan(instrument, team) {
  const [plan] = actionPlan(instrument, score(instrument, team.answers), `${actionsKey(instrument.id)}:team`);
  const heading = plan.querySelector("h2");
  heading.textContent = "The team's action plan";
  heading.after(
    h(
      "p",
      {},
      "Made from the team's combined answers: for each statement the middle answer, or the lower of the two " +
        `middle ones, and "${instrument.dont_know}" where most people said so.`,
    ),
  );
  return plan;
}

/** The combined view of `people` (`{name, answers}`), from the status line to the team's action plan. */
export function comparison(instrument, people) {
  const team = combine(instrument, people);
  const merged = merge(instrument, people);
  return [
    h(
      "p",
      { role: "status" },
      `${people.length} people compared. ` +
        `${merged.disagreements} statement${merged.disagreements === 1 ? "" : "s"} ` +
        `where people are ${instrument.disagreement} or more points apart.`,
    ),
    h("h2", { id: "team-profile" }, "The team's profile"),
    teamChart(instrument, team),
    teamLegend(team),
    h(
      "p",
      { class: "hub-team-narrow" },
      "On a screen this narrow the chart gives way to this table of the same scores.",
    ),
    domainTable(team, merged),
    h("h2", { id: "team-discuss" }, "Statements to discuss first"),
    ...discussFirst(instrument, team),
    statementTable(instrument, team),
    teamPlan(instrument, team),
  ];
}
