/**
 * The readiness team view: the answer files of a team, combined to show where people agree and where they
 * are far apart. The files are read in the browser and kept only on the page.
 */
import { RecordError, readRecord } from "./readiness-records.js";
import { answerLabel, merge, teamNames } from "./readiness-scoring.js";
import { h } from "./hub.js";
import { message, scrollable } from "./readiness-dom.js";

export function teamView(root, instrument) {
  const people = [];
  const notices = h("div", { class: "hub-readiness-notices" });
  const list = h("ul", { class: "hub-readiness-people" });
  const output = h("div", {});
  const input = h("input", {
    type: "file",
    id: "hub-readiness-team-files",
    accept: "application/json,.json",
    multiple: true,
    onchange: async (event) => {
      const problems = [];
      for (const file of event.target.files) {
        try {
          const record = readRecord(instrument, await file.text());
          const text = JSON.stringify(record);
          if (people.some((person) => person.text === text)) problems.push(`${file.name} is already loaded.`);
          else people.push({ file: file.name, text, ...record });
        } catch (error) {
          if (!(error instanceof RecordError)) throw error;
          problems.push(`${file.name} could not be read: ${error.message}.`);
        }
      }
      event.target.value = "";
      notices.replaceChildren(...problems.map((text) => message("error", text)));
      show();
    },
  });

  function show() {
    const names = teamNames(people.map((person) => person.respondent || person.file.replace(/\.json$/i, "")));
    list.replaceChildren(
      ...people.map((person, index) =>
        h(
          "li",
          {},
          `${names[index]} (${person.file}) `,
          h(
            "button",
            {
              type: "button",
              class: "md-button hub-readiness-small",
              onclick: () => {
                people.splice(index, 1);
                show();
                input.focus();
              },
            },
            `Remove ${names[index]}`,
          ),
        ),
      ),
    );
    if (people.length < 2) {
      output.replaceChildren(
        h(
          "p",
          { role: "status" },
          people.length ? "Load at least one more file to compare answers." : "No files loaded yet.",
        ),
      );
      return;
    }
    const team = merge(
      instrument,
      people.map((person, index) => ({ name: names[index], answers: person.answers })),
    );
    const cell = (value) => h("td", {}, answerLabel(instrument, value));
    const flag = (entry) =>
      h(
        "td",
        { class: entry.disagree ? "hub-readiness-disagree" : null },
        entry.disagree
          ? `Discuss: ${entry.spread.toFixed(entry.spread % 1 ? 1 : 0)} points apart`
          : entry.spread === null
            ? "Too few answers to compare"
            : "Close",
      );
    output.replaceChildren(
      h(
        "p",
        { role: "status" },
        `${people.length} people compared. ` +
          `${team.disagreements} statement${team.disagreements === 1 ? "" : "s"} ` +
          `where people are ${instrument.disagreement} or more points apart.`,
      ),
      h("h2", { id: "team-domains" }, "Domains"),
      scrollable(
        "Domain scores by person",
        h(
          "table",
          {},
          h("caption", {}, "Domain scores by person"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Domain"),
              team.people.map((name) => h("th", { scope: "col" }, name)),
              h("th", { scope: "col" }, "Mean"),
              h("th", { scope: "col" }, "Agreement"),
            ),
          ),
          h(
            "tbody",
            {},
            team.domains.map((entry) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, entry.domain.title),
                entry.scores.map((value) => h("td", {}, value === null ? "Not scored" : value.toFixed(1))),
                h(
                  "td",
                  {},
                  entry.mean === null
                    ? "Not scored"
                    : `${entry.mean.toFixed(1)}${entry.band ? ` (${entry.band.label})` : ""}`,
                ),
                flag(entry),
              ),
            ),
          ),
        ),
      ),
      ...team.domains.map((entry) =>
        h(
          "section",
          { "aria-labelledby": `team-${entry.domain.id}` },
          h("h3", { id: `team-${entry.domain.id}` }, entry.domain.title),
          scrollable(
            `${entry.domain.title}: answers by person`,
            h(
              "table",
              {},
              h("caption", {}, `${entry.domain.title}: answers by person`),
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", { scope: "col" }, "Statement"),
                  team.people.map((name) => h("th", { scope: "col" }, name)),
                  h("th", { scope: "col" }, "Mean"),
                  h("th", { scope: "col" }, "Agreement"),
                ),
              ),
              h(
                "tbody",
                {},
                entry.items.map((row) =>
                  h(
                    "tr",
                    { class: row.disagree ? "hub-readiness-disagree-row" : null },
                    h("th", { scope: "row" }, row.item.text),
                    row.answers.map(cell),
                    h("td", {}, row.mean === null ? "No answers" : row.mean.toFixed(1)),
                    flag(row),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  root.replaceChildren(
    h(
      "p",
      {},
      h("label", { for: "hub-readiness-team-files" }, "Load two or more exported answer files (JSON): "),
      input,
    ),
    notices,
    list,
    output,
  );
  show();
}
