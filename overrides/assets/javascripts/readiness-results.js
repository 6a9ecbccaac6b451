/**
 * The readiness results: the domain profile as a chart and a table, essentials not met, the approaches
 * recommended, the action plan, and the answers to take away as JSON, CSV or print.
 */
import { answerLabel, score } from "./readiness-scoring.js";
import { h } from "./hub.js";
import { adviceSection, beforeYouStart } from "./readiness-advice.js";
import { profileFigure } from "./readiness-chart.js";
import { tooFewToRank, weakestFirst } from "./readiness-profile.js";
import { historySection } from "./readiness-history-view.js";
import { longDate, message, printAs, scrollable } from "./readiness-dom.js";
import { actionPlan } from "./readiness-plan.js";
import { downloadAnswers, downloadCsv, unreadableNotice } from "./readiness-store.js";

const pageUrl = (instrument, relative) => new URL(relative, instrument.url).href;

/** The line that says whose answers these are and how many were scored. */
function summary(instrument, state, result, form) {
  const sections = [];
  sections.push(
    h(
      "p",
      { class: "hub-readiness-summary" },
      state.respondent ? `Answers of ${state.respondent}` : "Answers",
      state.saved ? `, last saved on ${longDate(new Date(state.saved))}. ` : ". ",
      `You answered ${result.answered} of ${result.total} statements on the scale`,
      result.dontKnow.length ? `; ${result.dontKnow.length} "${instrument.dont_know}"` : "",
      result.unanswered.length ? `; ${result.unanswered.length} not answered` : "",
      ". ",
      `"${instrument.dont_know}" and unanswered statements are listed below and not scored. `,
      h("a", { href: form }, "Change your answers"),
      ".",
    ),
  );

  return sections;
}

/** The domain profile: the chart, and the same scores in a table. */
function profile(instrument, result) {
  const sections = [];
  sections.push(
    h("h2", { id: "profile" }, "Your profile"),
    h(
      "p",
      {},
      `Each domain's score is the average of its answers, from 1 (${instrument.scale[0].toLowerCase()}) ` +
        `to ${instrument.scale.length} (${instrument.scale.at(-1).toLowerCase()}).`,
    ),
    profileFigure(instrument, result),
    scrollable(
      "Scores by domain",
      h(
        "table",
        {},
        h("caption", {}, "Scores by domain, weakest first; then those with too few answers to rank"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Domain", "Score", "Band", "What it means", "Answered"].map((text) => h("th", { scope: "col" }, text)),
          ),
        ),
        h(
          "tbody",
          {},
          weakestFirst(result.domains).map((entry) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, entry.domain.title),
              h("td", {}, entry.score === null ? "Not scored" : entry.score.toFixed(1)),
              h("td", {}, entry.band ? entry.band.label : "Too few answers"),
              h(
                "td",
                {},
                entry.band
                  ? entry.meaning
                  : `Fewer than ${Math.round(instrument.minimum_answered * 100)}% of its statements ` +
                      "have an answer on the scale.",
              ),
              h("td", {}, `${entry.answered} of ${entry.total}${tooFewToRank(entry) ? ": too few to rank" : ""}`),
            ),
          ),
        ),
      ),
    ),
  );

  return sections;
}

/** The essential statements not met, each with its answer. */
function essentialsNotMet(instrument, result) {
  const sections = [];
  sections.push(h("h2", { id: "essentials" }, "Essential prerequisites not met"));
  sections.push(
    result.essentials.length
      ? h(
          "ul",
          {},
          result.essentials.map(({ item, answer }) =>
            h("li", {}, h("strong", {}, item.text), ` Your answer: ${answerLabel(instrument, answer)}.`),
          ),
        )
      : h(
          "p",
          {},
          `Every essential statement is answered ${instrument.scale[instrument.met_from - 1].toLowerCase()} or higher.`,
        ),
  );

  return sections;
}

/** The approaches that fit, with why and what each needs first. */
function fits(instrument, result) {
  const sections = [];
  sections.push(h("h2", { id: "approaches" }, "Approaches that fit"));
  sections.push(
    result.fits.length
      ? h(
          "ul",
          { class: "hub-readiness-fits" },
          result.fits.map(({ approach, reasons }) =>
            h(
              "li",
              {},
              h("a", { href: pageUrl(instrument, approach.url) }, approach.title),
              ` (cost: ${approach.costs.join(", ")})`,
              h(
                "ul",
                {},
                reasons.map((reason) => h("li", {}, reason)),
              ),
              beforeYouStart(instrument, approach),
            ),
          ),
        )
      : h(
          "p",
          {},
          "Your answers do not yet point to a particular approach. " +
            "Answer more statements, or work on the action plan first.",
        ),
  );

  return sections;
}

/** The statements left unanswered or answered "don't know", which are not scored. */
function leftOut(instrument, result) {
  const sections = [];
  if (result.unanswered.length) {
    sections.push(
      h("h2", { id: "unanswered" }, "Statements not answered"),
      h(
        "ul",
        {},
        result.unanswered.map(({ domain, item }) => h("li", {}, `${item.text} (${domain.title})`)),
      ),
    );
  }
  if (result.dontKnow.length) {
    sections.push(
      h("h2", { id: "dont-know" }, `Statements answered "${instrument.dont_know}"`),
      h(
        "ul",
        {},
        result.dontKnow.map(({ domain, item }) => h("li", {}, `${item.text} (${domain.title})`)),
      ),
    );
  }

  return sections;
}

/** The buttons that download or print the results; none of it is printed. */
function takeAway(instrument, state) {
  return h(
    "section",
    { class: "hub-readiness-take-away", "aria-labelledby": "take-away" },
    h("h2", { id: "take-away" }, "Keep or share your results"),
    h(
      "p",
      { class: "hub-readiness-actions" },
      h(
        "button",
        { type: "button", class: "md-button md-button--primary", onclick: () => downloadAnswers(instrument, state) },
        "Download answers (JSON)",
      ),
      " ",
      h(
        "button",
        { type: "button", class: "md-button", onclick: () => downloadCsv(instrument, state) },
        "Download for a spreadsheet (CSV)",
      ),
      " ",
      h(
        "button",
        { type: "button", class: "md-button", onclick: () => printAs("hub-print-plan") },
        "Print the action plan",
      ),
      " ",
      h("button", { type: "button", class: "md-button", onclick: () => printAs("hub-print-results") }, "Print results"),
    ),
    h(
      "p",
      {},
      "The JSON or CSV file can be imported again on the assessment page; the JSON file can be combined with ",
      "your team's on the ",
      h("a", { href: pageUrl(instrument, instrument.pages.team) }, "team page"),
      ".",
    ),
  );
}

/** The results page: the saved answers scored, or where to answer first. */
export function resultsView(root, instrument, store) {
  const { state, unreadable } = store.load();
  const notices = h("div", { class: "hub-readiness-notices" });
  if (unreadable) {
    notices.append(
      unreadableNotice(instrument, store, unreadable, () => {
        notices.replaceChildren(message("info", "The answers that could not be read are deleted."));
      }),
    );
  }
  const form = new URL(instrument.pages.index, instrument.url).href;
  if (!Object.keys(state.answers).length) {
    root.replaceChildren(
      notices,
      h(
        "p",
        {},
        "No answers are saved in this browser yet. ",
        h("a", { href: form }, "Start the assessment"),
        ", or import a file of answers there.",
      ),
    );
    return;
  }
  const result = score(instrument, state.answers);
  root.replaceChildren(
    notices,
    ...summary(instrument, state, result, form),
    ...profile(instrument, result),
    ...essentialsNotMet(instrument, result),
    ...(instrument.recommend.length ? adviceSection(instrument, result, state.answers) : fits(instrument, result)),
    ...actionPlan(instrument, result),
    ...leftOut(instrument, result),
    historySection(instrument, store, state),
    takeAway(instrument, state),
  );
}
