/**
 * The results' action plan, weakest areas first, each step with an owner, a target date and a date to review
 * it, kept in this browser as they are typed and printed with the plan.
 */
import { h } from "./hub.js";
import { longDate } from "./readiness-dom.js";
import { clearButton, dateHint, taskFields, taskStore, unsavedNote } from "./readiness-task-fields.js";
import { stepKey } from "./readiness-scoring.js";
import { actionsKey } from "./readiness-tasks.js";

/** What a step asks, in words. */
function stepWords(step) {
  if (step.type === "essential") return [h("strong", {}, "Essential: "), step.text];
  if (step.type === "domain") {
    return [
      h("strong", {}, `${step.domain.title} (${step.result.band.label}, ${step.result.score.toFixed(1)}): `),
      step.result.meaning,
      h(
        "ul",
        {},
        step.recommendations.map((text) => h("li", {}, text)),
      ),
    ];
  }
  if (step.type === "find-out") return [h("strong", {}, "Find out: "), step.item.text];
  return [h("strong", {}, `${step.domain.title}: `), "answer more of its statements to get a score."];
}

/** The steps, each with its owner and dates. */
function steps(result, store, saved) {
  return h(
    "ol",
    {},
    result.plan.map((step, index) =>
      h(
        "li",
        {},
        ...stepWords(step),
        taskFields(store, stepKey(step), ["owner", "due", "review"], saved, `Step ${index + 1}`).element,
      ),
    ),
  );
}

/**
 * The action plan's section of the results, its owners and dates kept under `key`: a person's own plan by
 * default, and the team page's plan under a key of its own, so that neither overwrites the other.
 */
export function actionPlan(instrument, result, key = actionsKey(instrument.id)) {
  const section = h("section", { class: "hub-readiness-plan", "aria-labelledby": "action-plan" });
  const build = () => {
    const store = taskStore(key);
    const notices = h("div", { class: "hub-readiness-notices" });
    const saved = (kept) => notices.replaceChildren(...(kept ? [] : [unsavedNote()]));
    const made = `Made on ${longDate(new Date())} from the ${instrument.title.toLowerCase()}. Weakest areas first.`;
    section.replaceChildren(
      h("h2", { id: "action-plan" }, "Action plan"),
      h("p", {}, made),
      ...(result.plan.length
        ? [
            h(
              "p",
              { class: "hub-task-hint" },
              "Give each step an owner, a date to finish it by and a date to review it.",
            ),
            dateHint(),
            notices,
            steps(result, store, saved),
            h(
              "p",
              { class: "hub-readiness-actions" },
              clearButton(section, store, { name: "Clear owners and dates", what: "the owners and dates" }, build),
            ),
          ]
        : [
            h(
              "p",
              {},
              "Nothing stands in the way: every domain is in a good band and every essential statement is met.",
            ),
          ]),
    );
  };
  build();
  return [section];
}
