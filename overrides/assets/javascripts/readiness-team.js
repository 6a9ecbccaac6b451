/**
 * The readiness team view: the answer files of a team, combined to show where people agree and where they
 * are far apart. The files are read in the browser and kept only on the page.
 */
import { RecordError, readRecord } from "./readiness-records.js";
import { answerLabel, merge, teamNames } from "./readiness-scoring.js";
import { h } from "./hub.js";
import { message, scrollable } from "./readiness-dom.js";

/** The agreement cell of a domain or a statement: how far apart the answers are. */
function flag(entry) {
  const words = entry.disagree
    ? `Discuss: ${entry.spread.toFixed(entry.spread % 1 ? 1 : 0)} points apart`
    : entry.spread === null
      ? "Too few answers to compare"
      : "Close";
  return h("td", { class: entry.disagree ? "hub-readiness-disagree" : null }, words);
}

/** A table of the team's rows: a heading cell, a cell per person, the mean and the agreement. */
function table(caption, first, team, rows) {
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
          h("th", { scope: "col" }, first),
          team.people.map((name) => h("th", { scope: "col" }, name)),
          h("th", { scope: "col" }, "Mean"),
          h("th", { scope: "col" }, "Agreement"),
        ),
      ),
      h("tbody", {}, rows),
    ),
  );
}

/** The team's domain scores side by side, then each domain's statements. */
function comparison(instrument, team, count) {
  const domainRows = team.domains.map((entry) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, entry.domain.title),
      entry.scores.map((value) => h("td", {}, value === null ? "Not scored" : value.toFixed(1))),
      h(
        "td",
        {},
        entry.mean === null ? "Not scored" : `${entry.mean.toFixed(1)}${entry.band ? ` (${entry.band.label})` : ""}`,
      ),
      flag(entry),
    ),
  );
  const statementRows = (entry) =>
    entry.items.map((row) =>
      h(
        "tr",
        { class: row.disagree ? "hub-readiness-disagree-row" : null },
        h("th", { scope: "row" }, row.item.text),
        row.answers.map((value) => h("td", {}, answerLabel(instrument, value))),
        h("td", {}, row.mean === null ? "No answers" : row.mean.toFixed(1)),
        flag(row),
      ),
    );
  return [
    h(
      "p",
      { role: "status" },
      `${count} people compared. ` +
        `${team.disagreements} statement${team.disagreements === 1 ? "" : "s"} ` +
        `where people are ${instrument.disagreement} or more points apart.`,
    ),
    h("h2", { id: "team-domains" }, "Domains"),
    table("Domain scores by person", "Domain", team, domainRows),
    ...team.domains.map((entry) =>
      h(
        "section",
        { "aria-labelledby": `team-${entry.domain.id}` },
        h("h3", { id: `team-${entry.domain.id}` }, entry.domain.title),
        table(`${entry.domain.title}: answers by person`, "Statement", team, statementRows(entry)),
      ),
    ),
  ];
}

/** Each file's record added to `people`, unless it is there already; what could not be added, in words. */
async function readFiles(instrument, files, people) {
  const problems = [];
  for (const file of files) {
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
  return problems;
}

/** The team page in `root`: answer files loaded, listed, and compared once there are two. */
export function teamView(root, instrument) {
  const people = [];
  const notices = h("div", { class: "hub-readiness-notices" });
  const list = h("ul", { class: "hub-readiness-people" });
  const output = h("div", {});

  async function load(event) {
    const problems = await readFiles(instrument, event.target.files, people);
    event.target.value = "";
    notices.replaceChildren(...problems.map((text) => message("error", text)));
    show();
  }

  const input = h("input", {
    type: "file",
    id: "hub-readiness-team-files",
    accept: "application/json,.json",
    multiple: true,
    onchange: load,
  });

  function show() {
    const names = teamNames(people.map((person) => person.respondent || person.file.replace(/\.json$/i, "")));
    const remove = (index) => () => {
      people.splice(index, 1);
      show();
      input.focus();
    };
    list.replaceChildren(
      ...people.map((person, index) =>
        h(
          "li",
          {},
          `${names[index]} (${person.file}) `,
          h(
            "button",
            { type: "button", class: "md-button hub-readiness-small", onclick: remove(index) },
            `Remove ${names[index]}`,
          ),
        ),
      ),
    );
    if (people.length < 2) {
      const words = people.length ? "Load at least one more file to compare answers." : "No files loaded yet.";
      output.replaceChildren(h("p", { role: "status" }, words));
      return;
    }
    const answers = people.map((person, index) => ({ name: names[index], answers: person.answers }));
    output.replaceChildren(...comparison(instrument, merge(instrument, answers), people.length));
  }

  const label = h("label", { for: "hub-readiness-team-files" }, "Load two or more exported answer files (JSON): ");
  root.replaceChildren(h("p", {}, label, input), notices, list, output);
  show();
}
