/**
 * The results' recommended approaches: at most three, ranked, each with its own reasons and the answers they
 * come from, then the approaches not yet recommended with what stands in their way.
 */
import { h } from "./hub.js";
import { recommend } from "./readiness-recommend.js";

const pageUrl = (instrument, relative) => new URL(relative, instrument.url).href;

function titleLink(instrument, approach) {
  return h("a", { href: pageUrl(instrument, approach.url) }, approach.title);
}

/** A reason, with the answers that led to it. */
function reasonItem(reason) {
  return h(
    "li",
    {},
    reason.text,
    " ",
    h("span", { class: "hub-readiness-evidence" }, `From your answers: ${reason.evidence.join("; ")}.`),
  );
}

function recommendedItem(instrument, { approach, reasons }) {
  return h(
    "li",
    {},
    titleLink(instrument, approach),
    ` (cost: ${approach.costs.join(", ")})`,
    h("ul", {}, reasons.map(reasonItem)),
    beforeYouStart(instrument, approach),
  );
}

/** What an approach needs first, with a link to its checklist; nothing when it lists no essentials. */
export function beforeYouStart(instrument, approach) {
  if (!approach.essentials.length) return null;
  return h(
    "p",
    {},
    `Before you start it: ${approach.essentials.join(" ")} `,
    h("a", { href: pageUrl(instrument, approach.checklist) }, `Checklist for ${approach.title}`),
  );
}

/** The approaches not recommended: those with something in the way, those ranked lower, and the rest. */
function others(instrument, advice) {
  const sections = [];
  if (advice.notYet.length) {
    sections.push(
      h("h3", { id: "not-yet" }, "Not yet"),
      h(
        "ul",
        { class: "hub-readiness-not-yet" },
        advice.notYet.map(({ approach, obstacles }) =>
          h("li", {}, titleLink(instrument, approach), h("ul", {}, obstacles.map(reasonItem))),
        ),
      ),
    );
  }
  if (advice.lower.length) {
    sections.push(
      h("h3", { id: "ranked-lower" }, "Also fit, ranked lower"),
      h(
        "ul",
        { class: "hub-readiness-lower" },
        advice.lower.map(({ approach, reasons }) =>
          h("li", {}, titleLink(instrument, approach), h("ul", {}, reasonItem(reasons[0]))),
        ),
      ),
    );
  }
  if (advice.unsupported.length) {
    const names = advice.unsupported.flatMap(({ approach }, index) => [
      index ? ", " : "",
      titleLink(instrument, approach),
    ]);
    sections.push(
      h("p", { class: "hub-readiness-unsupported" }, "Nothing in your answers points to ", ...names, " yet."),
    );
  }
  return sections;
}

/** The section of the results on which approaches to start, from the instrument's `recommend` rules. */
export function adviceSection(instrument, result, answers) {
  const advice = recommend(instrument, result.domains, answers);
  return [
    h("h2", { id: "approaches" }, "Recommended approaches"),
    advice.recommended.length
      ? h(
          "div",
          {},
          h(
            "p",
            {},
            `The ${advice.recommended.length === 1 ? "approach" : `${advice.recommended.length} approaches`} ` +
              "that fit your answers best, best first. Each reason names the answers it comes from.",
          ),
          h(
            "ol",
            { class: "hub-readiness-recommended" },
            advice.recommended.map((entry) => recommendedItem(instrument, entry)),
          ),
        )
      : h(
          "p",
          {},
          "Your answers do not yet point to a particular approach. " +
            "Answer more statements, or work on the action plan first.",
        ),
    ...others(instrument, advice),
  ];
}
