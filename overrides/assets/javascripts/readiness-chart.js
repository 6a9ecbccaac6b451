/**
 * The domain profile as a chart people can read at a glance: a bar per domain on the instrument's scale, with
 * the bands' boundaries. Its words are in the chart's title and description, and the same scores are in the
 * table beside it.
 */
import { h } from "./hub.js";

/** The chart of a scored result. */
export function chart(instrument, result) {
  const rowHeight = 34;
  const left = 260;
  const width = 700;
  const plot = width - left - 50;
  const top = 24;
  const height = top + result.domains.length * rowHeight + 8;
  const max = instrument.scale.length;
  const x = (value) => left + ((value - 1) / (max - 1)) * plot;
  const svg = h(
    "svg:svg",
    {
      viewBox: `0 0 ${width} ${height}`,
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
      h("svg:line", { x1: x(value), x2: x(value), y1: top - 6, y2: height - 4, class: "hub-chart-grid" }),
      h("svg:text", { x: x(value), y: top - 10, "text-anchor": "middle", class: "hub-chart-axis" }, value),
    );
  }
  for (const band of instrument.bands.slice(1)) {
    svg.append(
      h("svg:line", { x1: x(band.from), x2: x(band.from), y1: top - 6, y2: height - 4, class: "hub-chart-band" }),
    );
  }
  result.domains.forEach((entry, index) => {
    const y = top + index * rowHeight;
    svg.append(
      h(
        "svg:text",
        { x: left - 8, y: y + rowHeight / 2 + 4, "text-anchor": "end", class: "hub-chart-label" },
        entry.domain.title,
      ),
    );
    if (entry.score === null) {
      svg.append(h("svg:text", { x: left + 4, y: y + rowHeight / 2 + 4, class: "hub-chart-axis" }, "not scored"));
      return;
    }
    svg.append(
      h("svg:rect", {
        x: left,
        y: y + 7,
        width: Math.max(2, x(entry.score) - left),
        height: rowHeight - 14,
        class: `hub-chart-bar hub-chart-bar--${entry.band.weak ? "weak" : "strong"}`,
      }),
      h(
        "svg:text",
        { x: x(entry.score) + 6, y: y + rowHeight / 2 + 4, class: "hub-chart-value" },
        entry.score.toFixed(1),
      ),
    );
  });
  return svg;
}
