/**
 * The readiness team page: up to six people's answer files (JSON or CSV, as exchanged by email) combined to
 * show where people agree and where they are far apart, with the team's action plan. The files are read in
 * the browser; what was loaded is kept in this browser (under the assessment's own key, with `:team` added)
 * until the reader clears it, and can be exported as JSON or CSV, or printed.
 */
import { MAX_PEOPLE } from "./readiness-combine.js";
import { MAX_FILE } from "./readiness-files.js";
import { RecordError } from "./readiness-records.js";
import { teamNames } from "./readiness-scoring.js";
import { download, h } from "./hub.js";
import { ask, message } from "./readiness-dom.js";
import { comparison } from "./readiness-team-tables.js";
import { readPeople, toTeam, toTeamCsv } from "./readiness-team-files.js";

const same = (a, b) => a.respondent === b.respondent && JSON.stringify(a.answers) === JSON.stringify(b.answers);

/** Each file's people added to `people` while there is room, unless there already; what was not, in words. */
async function readFiles(instrument, files, people) {
  const problems = [];
  for (const file of files) {
    let found;
    try {
      found = readPeople(instrument, await file.slice(0, MAX_FILE + 1).text(), file.name);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      problems.push(`${file.name} could not be read: ${error.message}. ${error.todo}`);
      continue;
    }
    for (const person of found) {
      const who = found.length > 1 ? `${person.respondent || "A person"} in ${file.name}` : file.name;
      if (people.some((other) => same(other, person))) problems.push(`${who} is already loaded.`);
      else if (people.length >= MAX_PEOPLE) {
        problems.push(
          `${who} was not loaded: the team view combines up to ${MAX_PEOPLE} people's answers. ` +
            "Remove someone to make room.",
        );
      } else people.push(person);
    }
  }
  return problems;
}

/**
 * The people kept in this browser for the team page, or none with `problem` saying why: a record that cannot
 * be read is reported, and replaced only when the reader loads files or clears the page.
 */
function restore(instrument, key) {
  try {
    const raw = window.localStorage.getItem(key);
    return { people: raw === null ? [] : readPeople(instrument, raw, "") };
  } catch (error) {
    if (error instanceof RecordError) error.message = `the answers kept earlier could not be read: ${error.message}`;
    else error.message = "this browser would not give back the answers kept earlier";
    return { people: [], problem: error.message };
  }
}

/** The team page in `root`: answer files loaded, listed, kept, and compared once there are two. */
class TeamPage {
  constructor(root, instrument) {
    this.root = root;
    this.instrument = instrument;
    this.key = `hub-readiness:${instrument.id}:team`;
    const { people, problem } = restore(instrument, this.key);
    this.people = people;
    this.notices = h("div", { class: "hub-readiness-notices" });
    if (problem) this.notices.append(message("warning", `${problem[0].toUpperCase()}${problem.slice(1)}.`));
    this.list = h("ul", { class: "hub-readiness-people" });
    this.output = h("div", {});
    this.input = h("input", {
      type: "file",
      id: "hub-readiness-team-files",
      accept: "application/json,.json,text/csv,.csv",
      multiple: true,
      onchange: (event) => this.load(event),
    });
    this.actions = this.buttons();
    const label = h(
      "label",
      { for: "hub-readiness-team-files" },
      `Load the answer files of up to ${MAX_PEOPLE} people (JSON or CSV, or a team file exported here): `,
    );
    const { notices, list, output, actions } = this;
    root.replaceChildren(h("p", { class: "hub-readiness-actions" }, label, this.input), notices, list, output, actions);
    this.show();
  }

  /** Distinct names for the people: their own, or their file's. */
  names() {
    return teamNames(this.people.map((person) => person.respondent || person.file.replace(/\.(json|csv)$/i, "")));
  }

  team() {
    return toTeam(this.instrument, this.people, this.names(), new Date());
  }

  /** The people as they are now, kept in this browser, or the record removed when there is nobody. */
  keep() {
    try {
      if (this.people.length) window.localStorage.setItem(this.key, JSON.stringify(this.team()));
      else window.localStorage.removeItem(this.key);
    } catch (error) {
      this.notices.append(
        message("warning", "This browser would not keep the answers: they will be gone after a reload."),
      );
    }
  }

  async load(event) {
    const problems = await readFiles(this.instrument, event.target.files, this.people);
    event.target.value = "";
    this.notices.replaceChildren(...problems.map((text) => message("error", text)));
    this.keep();
    this.show();
  }

  async clear() {
    const sure = await ask(this.root, {
      question: "Clear the team's answers from this page and this browser?",
      detail: "The files you loaded are not changed; load them again to compare the answers.",
      yes: "Clear the team's answers",
      no: "Keep them",
    });
    if (!sure) return;
    this.people.splice(0);
    this.keep();
    this.notices.replaceChildren(message("info", "The team's answers are cleared from this browser."));
    this.show();
    this.input.focus();
  }

  remove(index) {
    this.people.splice(index, 1);
    this.keep();
    this.show();
    this.input.focus();
  }

  /** Export, print and clear: shown once someone's answers are loaded. */
  buttons() {
    const stem = `readiness-${this.instrument.id}-team-${new Date().toISOString().slice(0, 10)}`;
    const button = (text, onclick) => h("button", { type: "button", class: "md-button", onclick }, text);
    return h(
      "p",
      { class: "hub-readiness-actions" },
      button("Download the team's answers (JSON)", () =>
        download(`${stem}.json`, "application/json", JSON.stringify(this.team(), null, 1)),
      ),
      " ",
      button("Download for a spreadsheet (CSV)", () =>
        download(`${stem}.csv`, "text/csv;charset=utf-8", toTeamCsv(this.instrument, this.people, this.names())),
      ),
      " ",
      button("Print the team view", () => window.print()),
      " ",
      button("Clear the team's answers", () => this.clear()),
    );
  }

  show() {
    const names = this.names();
    this.list.replaceChildren(
      ...this.people.map((person, index) =>
        h(
          "li",
          {},
          `${names[index]}${person.file ? ` (${person.file})` : ""} `,
          h(
            "button",
            {
              type: "button",
              class: "md-button hub-readiness-small hub-readiness-actions",
              onclick: () => this.remove(index),
            },
            `Remove ${names[index]}`,
          ),
        ),
      ),
    );
    this.actions.hidden = this.people.length === 0;
    if (this.people.length < 2) {
      const words = this.people.length ? "Load at least one more file to compare answers." : "No files loaded yet.";
      this.output.replaceChildren(h("p", { role: "status" }, words));
      return;
    }
    const people = this.people.map((person, index) => ({ name: names[index], answers: person.answers }));
    this.output.replaceChildren(...comparison(this.instrument, people));
  }
}

/** The team page in `root`. */
export function teamView(root, instrument) {
  return new TeamPage(root, instrument);
}
