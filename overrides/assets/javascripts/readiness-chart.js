/**
 * The domain profile as a chart people can read at a glance: a bar per domain on the instrument's scale, with
 * the bands' boundaries. Its words are in the chart's title and description, and the same scores are in the
 * table beside it.
 */
import { h } from "./hub.js";

const ROW = 34;
const LEFT = 260;
const WIDTH = 700;
const PLOT = WIDTH - LEFT - 50;
const TOP = 24;

/** A domain's row: its title, and its bar and score or "not scored". */
function row(entry, index, x) {
  const y = TOP + index * ROW;
  const baseline = y + ROW / 2 + 4;
  const label = h(
    "svg:text",
    { x: LEFT - 8, y: baseline, "text-anchor": "end", class: "hub-chart-label" },
    entry.domain.title,
  );
  if (entry.score === null) {
    return [label, h("svg:text", { x: LEFT + 4, y: baseline, class: "hub-chart-axis" }, "not scored")];
  }
  const bar = h("svg:rect", {
    x: LEFT,
    y: y + 7,
    width: Math.max(2, x(entry.score) - LEFT),
    height: ROW - 14,
    class: `hub-chart-bar hub-chart-bar--${entry.band.weak ? "weak" : "strong"}`,
  });
  return [
    label,
    bar,
    h("svg:text", { x: x(entry.score) + 6, y: baseline, class: "hub-chart-value" }, entry.score.toFixed(1)),
  ];
}

/** The chart of a scored result. */
export function chart(instrument, result) {
  const height = TOP + result.domains.length * ROW + 8;
  const max = instrument.scale.length;
  const x = (value) => LEFT + ((value - 1) / (max - 1)) * PLOT;
  const svg = h(
    "svg:svg",
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: "img",
      "aria-labelledby": "hub-chart-title hub-chart-desc",
      class: "hub-readiness-chart",
    },
    h("svg:title", { id: "hub-chart-title" }, "Domain profile"),
    h(
      "svg:desc",
      { id: "hub-chart-desc" },
      `A bar for each domain showing its score from 1 to ${max}; ` +
        "the same scores and bands are in the table that follows.",
    ),
  );
  for (let value = 1; value <= max; value += 1) {
    svg.append(
      h("svg:line", { x1: x(value), x2: x(value), y1: TOP - 6, y2: height - 4, class: "hub-chart-grid" }),
      h("svg:text", { x: x(value), y: TOP - 10, "text-anchor": "middle", class: "hub-chart-axis" }, value),
    );
  }
  for (const band of instrument.bands.slice(1)) {
    svg.append(
      h("svg:line", { x1: x(band.from), x2: x(band.from), y1: TOP - 6, y2: height - 4, class: "hub-chart-band" }),
    );
  }
  result.domains.forEach((entry, index) => svg.append(...row(entry, index, x)));
  return svg;
}
