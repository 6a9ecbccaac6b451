/**
 * The team's profile as one chart: for each domain, the team's median as a bar and each person's score as
 * their number, so a row shows both where the team stands and how far apart people are. A module of its own
 * rather than an option of readiness-chart.js, whose one bar per domain has no room for several series; it
 * shares that chart's classes, so both read alike on screen and on paper. The same scores are in the table.
 */
import { h } from "./hub.js";

const LEFT = 220;
const WIDTH = 700;
const PLOT = WIDTH - LEFT - 40;
const TOP = 26;

/** A series: a group of marks named by whose they are, which the legend explains. */
const series = (name, className, children) =>
  h("svg:g", { class: `hub-team-series ${className}`, "data-series": name }, children);

/** The median's bars and each person's numbers, one series each, for rows of `row` high from `top(index)`. */
function marks(team, x, top, row) {
  const scored = team.domains.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.median !== null);
  return [
    series(
      "Team median",
      "hub-team-series--median",
      scored.map(({ entry, index }) =>
        h("svg:rect", {
          x: LEFT,
          y: top(index) + 3,
          width: Math.max(2, x(entry.median) - LEFT),
          height: row - 6,
          class: "hub-chart-bar hub-team-median",
          "data-domain": entry.domain.id,
          "data-score": entry.median,
        }),
      ),
    ),
    ...team.people.map((name, person) =>
      series(
        name,
        "hub-team-series--person",
        team.domains
          .map((entry, index) => ({ entry, index, value: entry.scores[person] }))
          .filter(({ value }) => value !== null)
          .map(({ entry, index, value }) =>
            h(
              "svg:text",
              {
                x: x(value),
                y: top(index) + 16 + person * 12,
                "text-anchor": "middle",
                class: "hub-team-person",
                "data-domain": entry.domain.id,
                "data-score": value,
              },
              person + 1,
            ),
          ),
      ),
    ),
  ];
}

/** The chart of a combined team (readiness-combine.js), each person numbered from 1 in the order of `team.people`. */
export function teamChart(instrument, team) {
  const row = 18 + team.people.length * 12;
  const height = TOP + team.domains.length * row + 8;
  const max = instrument.scale.length;
  const x = (value) => LEFT + ((value - 1) / (max - 1)) * PLOT;
  const top = (index) => TOP + index * row;
  const svg = h(
    "svg:svg",
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: "img",
      "aria-labelledby": "hub-team-chart-title hub-team-chart-desc",
      class: "hub-readiness-chart hub-team-chart",
    },
    h("svg:title", { id: "hub-team-chart-title" }, "The team's profile"),
    h(
      "svg:desc",
      { id: "hub-team-chart-desc" },
      `For each domain, a bar for the team's median score from 1 to ${max} and each person's score as their ` +
        "number; the same scores are in the table that follows.",
    ),
  );
  for (let value = 1; value <= max; value += 1) {
    svg.append(
      h("svg:line", { x1: x(value), x2: x(value), y1: TOP - 6, y2: height - 4, class: "hub-chart-grid" }),
      h("svg:text", { x: x(value), y: TOP - 10, "text-anchor": "middle", class: "hub-chart-axis" }, value),
    );
  }
  team.domains.forEach((entry, index) =>
    svg.append(
      h(
        "svg:text",
        { x: LEFT - 8, y: top(index) + row / 2 + 4, "text-anchor": "end", class: "hub-chart-label" },
        entry.domain.title,
      ),
    ),
  );
  svg.append(...marks(team, x, top, row));
  return svg;
}

/** The chart's legend, in words: what the bar is, and whose each number is. */
export function teamLegend(team) {
  return h(
    "p",
    { class: "hub-team-legend" },
    "In the chart, the bar is the team's median score for the domain; each number is one person's score: ",
    team.people.map((name, index) => `${index + 1} ${name}`).join("; "),
    ". A domain with too few answers has no bar or number.",
  );
}
