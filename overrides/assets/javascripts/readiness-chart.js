/**
 * The domain profile as a chart people can read at a glance: a bar per domain on the instrument's scale, with
 * the bands' boundaries, strongest first. Each domain's name sits above its bar, so that the chart needs no
 * column for names and is laid out for the width it has: drawn at that width, its text is the size the page
 * sets, on a phone as on a desk. Its words are in the chart's title, its description and its legend, and the
 * same scores are in the table beside it.
 */
import { h } from "./hub.js";
import { strongestFirst, tooFewToRank } from "./readiness-profile.js";

const ROW = 46;
const NOTE = 18;
const TOP = 26;
const MARGIN = 12;
const VALUE = 40;
/** The width drawn for until the chart knows the width it has. */
const WIDTH = 640;

/** What a domain's bar says: filled in a band that is ready, hollow in one that needs work, dashed when too thin. */
function barClass(entry) {
  if (tooFewToRank(entry)) return "hub-chart-bar hub-chart-bar--partial";
  return `hub-chart-bar hub-chart-bar--${entry.band.weak ? "weak" : "strong"}`;
}

/** A domain's row from `y`: its title above, a note when it has too few answers to rank, then its bar and score. */
function row(entry, y, x) {
  const parts = [h("svg:text", { x: MARGIN, y: y + 14, class: "hub-chart-label" }, entry.domain.title)];
  if (tooFewToRank(entry)) {
    parts.push(
      h(
        "svg:text",
        { x: MARGIN, y: y + 32, class: "hub-chart-label hub-chart-note" },
        `too few answers to rank (${entry.answered} of ${entry.total})`,
      ),
    );
  }
  const top = y + rowHeight(entry) - ROW + 20;
  if (entry.score === null) {
    return [...parts, h("svg:text", { x: MARGIN, y: top + 14, class: "hub-chart-axis" }, "not scored")];
  }
  parts.push(
    h("svg:rect", { x: x(1), y: top, width: Math.max(2, x(entry.score) - x(1)), height: 16, class: barClass(entry) }),
    h("svg:text", { x: x(entry.score) + 6, y: top + 13, class: "hub-chart-value" }, entry.score.toFixed(1)),
  );
  return parts;
}

/** The height of a domain's row: a line more for the note of a domain with too few answers to rank. */
const rowHeight = (entry) => ROW + (tooFewToRank(entry) ? NOTE : 0);

/** The chart of a scored result, drawn for `width` CSS pixels. */
export function chart(instrument, result, width = WIDTH) {
  const domains = strongestFirst(result.domains);
  const height = TOP + domains.reduce((sum, entry) => sum + rowHeight(entry), 0) + 4;
  const max = instrument.scale.length;
  const x = (value) => MARGIN + ((value - 1) / (max - 1)) * (width - MARGIN - VALUE);
  const svg = h(
    "svg:svg",
    {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "img",
      "aria-labelledby": "hub-chart-title hub-chart-desc",
      class: "hub-readiness-chart",
    },
    h("svg:title", { id: "hub-chart-title" }, "Domain profile"),
    h(
      "svg:desc",
      { id: "hub-chart-desc" },
      `A bar for each domain showing its score from 1 to ${max}, strongest first; ` +
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
  let y = TOP;
  for (const entry of domains) {
    svg.append(...row(entry, y, x));
    y += rowHeight(entry);
  }
  return svg;
}

/** A small drawing of one kind of mark, for the legend. */
function swatch(kind) {
  const mark =
    kind === "band"
      ? h("svg:line", { x1: 12, x2: 12, y1: 0, y2: 16, class: "hub-chart-band" })
      : h("svg:rect", { x: 1, y: 3, width: 22, height: 10, class: `hub-chart-bar hub-chart-bar--${kind}` });
  return h("svg:svg", { viewBox: "0 0 24 16", width: 24, height: 16, "aria-hidden": "true" }, mark);
}

/** What the chart's marks mean, in words; the bands named as the instrument names them. */
export function legend(instrument) {
  const weak = instrument.bands.filter((band) => band.weak).map((band) => band.label);
  const strong = instrument.bands.filter((band) => !band.weak).map((band) => band.label);
  const starts = instrument.bands.slice(1).map((band) => `${band.label} from ${band.from}`);
  return h(
    "ul",
    { class: "hub-chart-legend", "aria-label": "Key to the chart" },
    h("li", {}, swatch("strong"), ` Filled bar: a domain in a band that is ready (${strong.join(", ")}).`),
    h("li", {}, swatch("weak"), ` Hollow bar: a domain that needs work (${weak.join(" or ")}).`),
    h("li", {}, swatch("band"), ` Dashed line: where a band starts (${starts.join("; ")}).`),
    h(
      "li",
      {},
      swatch("partial"),
      " Dashed bar: a domain scored from half or fewer of its statements. ",
      "Its score rests on too few answers to rank it, so it is drawn after the others.",
    ),
  );
}

/**
 * The chart and its legend in a figure that draws the chart again for the width it has, whenever that changes
 * (a phone turned, a window resized).
 */
export function profileFigure(instrument, result) {
  let drawn = chart(instrument, result);
  const figure = h("figure", { class: "hub-readiness-figure" }, drawn, legend(instrument));
  let width = 0;
  new ResizeObserver(([entry]) => {
    const now = Math.floor(entry.contentRect.width);
    if (!now || now === width) return;
    width = now;
    const next = chart(instrument, result, width);
    drawn.replaceWith(next);
    drawn = next;
  }).observe(figure);
  return figure;
}
