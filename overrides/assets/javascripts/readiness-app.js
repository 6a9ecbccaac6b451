/**
 * The readiness pages in the browser: the form, the results and the team view, built from the
 * instrument JSON the page links to. Answers live in localStorage and in files the person
 * downloads; nothing is sent anywhere. Text from data goes in with textContent only.
 */
import {
  DONT_KNOW, RecordError, answerLabel, merge, readRecord, score, statements, teamNames,
} from "./readiness-scoring.js";
import { ask, h, message } from "./readiness-dom.js";
import {
  Store, downloadAnswers, downloadCsv, empty, entered, unreadableNotice, unsavedNotice,
} from "./readiness-store.js";

function longDate(date) {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

/* ---- The form ---- */

function formView(root, instrument, store) {
  const loaded = store.load();
  const state = loaded.state;
  const total = statements(instrument).length;
  const notices = h("div", { class: "hub-readiness-notices" });
  let unsaved = Boolean(loaded.unavailable);
  if (unsaved) notices.append(unsavedNotice(instrument, state));
  if (loaded.unreadable) {
    notices.append(unreadableNotice(instrument, store, loaded.unreadable, () => {
      notices.replaceChildren(message("info",
        "The answers that could not be read are deleted. New answers are saved in this browser."));
      lock(false);
      respondent.focus();
    }));
  }

  const progress = h("progress", { id: "hub-readiness-progress", max: total, value: 0 });
  const progressText = h("span", { id: "hub-readiness-progress-text" });
  const saved = h("span", { class: "hub-readiness-saved" });
  const results = new URL(instrument.pages.results, instrument.url).href;

  function refresh() {
    const answered = Object.keys(state.answers).length;
    progress.value = answered;
    progressText.textContent = `${answered} of ${total} statements answered`;
    bottomText.textContent = `${answered} of ${total} answered.`;
    const time = state.saved
      && new Date(state.saved).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    saved.textContent = unsaved ? "Not saved in this browser." : time ? `Saved in this browser at ${time}.` : "";
  }

  /** Save, or say once that saving fails and offer the answers as a file; they stay on the page either way. */
  function persist() {
    try {
      store.save(state);
      if (unsaved) notices.replaceChildren(message("info", "Your answers are saved in this browser again."));
      unsaved = false;
    } catch (error) {
      if (!unsaved) notices.replaceChildren(unsavedNotice(instrument, state));
      unsaved = true;
    }
    refresh();
  }

  const respondent = h("input", { type: "text", id: "hub-readiness-respondent", maxlength: 100, autocomplete: "organization-title",
    oninput: (event) => { state.respondent = event.target.value; persist(); } });
  respondent.value = state.respondent;

  const importInput = h("input", { type: "file", id: "hub-readiness-import", accept: "application/json,.json",
    onchange: async (event) => {
      const file = event.target.files[0];
      event.target.value = "";
      if (!file) return;
      let record;
      try {
        record = readRecord(instrument, await file.text());
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        notices.replaceChildren(message("error", `${file.name} could not be imported: ${error.message}. Your answers have not changed.`));
        return;
      }
      if (entered(state) && !await ask(root, replaceQuestion(state, record, file.name))) {
        notices.replaceChildren(message("info", `${file.name} was not imported. Your answers have not changed.`));
        return;
      }
      Object.assign(state, { respondent: record.respondent, answers: record.answers });
      respondent.value = state.respondent;
      showAnswers();
      persist();
      notices.replaceChildren(message("info", `Imported ${Object.keys(record.answers).length} answers from ${file.name}.`));
    } });

  const startAgain = h("button", { type: "button", class: "md-button", onclick: async () => {
    if (!await ask(root, { question: "Clear all your answers and start again?",
      detail: "This cannot be undone. To keep a copy, download your answers from the results page first.",
      yes: "Clear my answers", no: "Keep my answers" })) return;
    Object.assign(state, empty());
    store.clear();
    respondent.value = "";
    showAnswers();
    refresh();
    notices.replaceChildren(message("info", "Your answers have been cleared."));
    respondent.focus();
  } }, "Start again");

  const tools = h("div", { class: "hub-readiness-tools" },
    h("p", {}, h("label", { for: "hub-readiness-respondent" }, "Your role or name (optional; it labels your answers when your team combines them)"), respondent),
    h("p", {}, h("label", { for: "hub-readiness-progress" }, "Progress: "), progress, " ", progressText, " ", saved),
    h("p", { class: "hub-readiness-actions" },
      h("label", { for: "hub-readiness-import" }, "Import answers from an exported JSON file: "), importInput, " ", startAgain));

  const radios = [];
  let number = 0;
  const sections = instrument.domains.map((domain) => h("section", { class: "hub-readiness-domain", "aria-labelledby": `domain-${domain.id}` },
    h("h2", { id: `domain-${domain.id}` }, domain.title),
    h("p", {}, domain.description),
    domain.items.map((item) => {
      number += 1;
      const options = [...instrument.scale.map((label, index) => [index + 1, label]), [DONT_KNOW, instrument.dont_know]];
      return h("fieldset", { class: "hub-readiness-item", id: `item-${item.id}` },
        h("legend", {}, `${number}. ${item.text}`, item.essential ? h("span", { class: "hub-readiness-essential" }, " (essential)") : null),
        h("div", { class: "hub-readiness-options" }, options.map(([value, label]) => {
          const input = h("input", { type: "radio", name: `item-${item.id}`, value,
            onchange: () => { state.answers[item.id] = value; persist(); } });
          radios.push({ input, item, value });
          return h("label", { class: value === DONT_KNOW ? "hub-readiness-dont-know" : null }, input, " ", label);
        })));
    })));

  function showAnswers() {
    for (const { input, item, value } of radios) input.checked = state.answers[item.id] === value;
  }

  /** While a record that cannot be read is kept, nothing can be entered, so nothing can be saved over it. */
  function lock(locked) {
    const controls = [respondent, importInput, startAgain, ...radios.map(({ input }) => input)];
    for (const control of controls) control.disabled = locked;
  }

  const bottomText = h("span", {});
  root.replaceChildren(notices, tools, ...sections,
    h("p", { class: "hub-readiness-next" }, bottomText, " ", h("a", { href: results, class: "md-button md-button--primary" }, "See your results and action plan")));
  showAnswers();
  lock(Boolean(loaded.unreadable));
  refresh();
}

/** The question asked before an import replaces a name or answers already entered. */
function replaceQuestion(state, record, fileName) {
  const holding = ({ respondent, answers }) => {
    const number = Object.keys(answers).length;
    return `${respondent ? `the name "${respondent}" and ` : ""}${number} answer${number === 1 ? "" : "s"}`;
  };
  return {
    question: "Replace what you have entered?",
    detail: `This page holds ${holding(state)}. ${fileName} holds ${holding(record)}; `
      + "importing it replaces what is here. "
      + "To keep a copy of yours, download them from the results page first.",
    yes: `Replace with ${fileName}`,
    no: "Keep what I entered",
  };
}

/* ---- Results ---- */

function chart(instrument, result) {
  const rowHeight = 34;
  const left = 260;
  const width = 700;
  const plot = width - left - 50;
  const top = 24;
  const height = top + result.domains.length * rowHeight + 8;
  const max = instrument.scale.length;
  const x = (value) => left + ((value - 1) / (max - 1)) * plot;
  const svg = h("svg:svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "hub-chart-title hub-chart-desc", class: "hub-readiness-chart" },
    h("svg:title", { id: "hub-chart-title" }, "Domain profile"),
    h("svg:desc", { id: "hub-chart-desc" }, `A bar for each domain showing its score from 1 to ${max}; the same scores and bands are in the table that follows.`));
  for (let value = 1; value <= max; value += 1) {
    svg.append(h("svg:line", { x1: x(value), x2: x(value), y1: top - 6, y2: height - 4, class: "hub-chart-grid" }),
      h("svg:text", { x: x(value), y: top - 10, "text-anchor": "middle", class: "hub-chart-axis" }, value));
  }
  for (const band of instrument.bands.slice(1)) {
    svg.append(h("svg:line", { x1: x(band.from), x2: x(band.from), y1: top - 6, y2: height - 4, class: "hub-chart-band" }));
  }
  result.domains.forEach((entry, index) => {
    const y = top + index * rowHeight;
    svg.append(h("svg:text", { x: left - 8, y: y + rowHeight / 2 + 4, "text-anchor": "end", class: "hub-chart-label" }, entry.domain.title));
    if (entry.score === null) {
      svg.append(h("svg:text", { x: left + 4, y: y + rowHeight / 2 + 4, class: "hub-chart-axis" }, "not scored"));
      return;
    }
    svg.append(h("svg:rect", { x: left, y: y + 7, width: Math.max(2, x(entry.score) - left), height: rowHeight - 14,
      class: `hub-chart-bar hub-chart-bar--${entry.band.weak ? "weak" : "strong"}` }),
    h("svg:text", { x: x(entry.score) + 6, y: y + rowHeight / 2 + 4, class: "hub-chart-value" }, entry.score.toFixed(1)));
  });
  return svg;
}

function scrollable(label, table) {
  return h("div", { class: "hub-readiness-scroll", role: "region", "aria-label": label, tabindex: 0 }, table);
}

function resultsView(root, instrument, store) {
  const loaded = store.load();
  const state = loaded.state;
  const notices = h("div", { class: "hub-readiness-notices" });
  if (loaded.unreadable) {
    notices.append(unreadableNotice(instrument, store, loaded.unreadable, () => {
      notices.replaceChildren(message("info", "The answers that could not be read are deleted."));
    }));
  }
  const form = new URL(instrument.pages.index, instrument.url).href;
  if (!Object.keys(state.answers).length) {
    root.replaceChildren(notices, h("p", {}, "No answers are saved in this browser yet. ",
      h("a", { href: form }, "Start the assessment"), ", or import a file of answers there."));
    return;
  }
  const result = score(instrument, state.answers);
  const pageUrl = (relative) => new URL(relative, instrument.url).href;
  const made = longDate(new Date());
  const sections = [];

  sections.push(h("p", { class: "hub-readiness-summary" },
    state.respondent ? `Answers of ${state.respondent}` : "Answers",
    state.saved ? `, last saved on ${longDate(new Date(state.saved))}. ` : ". ",
    `You answered ${result.answered} of ${result.total} statements on the scale`,
    result.dontKnow.length ? `; ${result.dontKnow.length} "${instrument.dont_know}"` : "",
    result.unanswered.length ? `; ${result.unanswered.length} not answered` : "", ". ",
    `"${instrument.dont_know}" and unanswered statements are listed below and not scored. `,
    h("a", { href: form }, "Change your answers"), "."));

  sections.push(h("h2", { id: "profile" }, "Your profile"),
    h("p", {}, `Each domain's score is the average of its answers, from 1 (${instrument.scale[0].toLowerCase()}) to ${instrument.scale.length} (${instrument.scale[instrument.scale.length - 1].toLowerCase()}).`),
    chart(instrument, result),
    scrollable("Scores by domain", h("table", {},
      h("caption", {}, "Scores by domain, weakest first"),
      h("thead", {}, h("tr", {}, ["Domain", "Score", "Band", "What it means", "Answered"].map((text) => h("th", { scope: "col" }, text)))),
      h("tbody", {}, result.weakestFirst.map((entry) => h("tr", {},
        h("th", { scope: "row" }, entry.domain.title),
        h("td", {}, entry.score === null ? "Not scored" : entry.score.toFixed(1)),
        h("td", {}, entry.band ? entry.band.label : "Too few answers"),
        h("td", {}, entry.band ? entry.meaning : `Fewer than ${Math.round(instrument.minimum_answered * 100)}% of its statements have an answer on the scale.`),
        h("td", {}, `${entry.answered} of ${entry.total}`)))))));

  sections.push(h("h2", { id: "essentials" }, "Essential prerequisites not met"));
  sections.push(result.essentials.length
    ? h("ul", {}, result.essentials.map(({ item, answer }) => h("li", {}, h("strong", {}, item.text), ` Your answer: ${answerLabel(instrument, answer)}.`)))
    : h("p", {}, `Every essential statement is answered ${instrument.scale[instrument.met_from - 1].toLowerCase()} or higher.`));

  sections.push(h("h2", { id: "approaches" }, "Approaches that fit"));
  sections.push(result.fits.length
    ? h("ul", { class: "hub-readiness-fits" }, result.fits.map(({ approach, reasons }) => h("li", {},
      h("a", { href: pageUrl(approach.url) }, approach.title), ` (cost: ${approach.costs.join(", ")})`,
      h("ul", {}, reasons.map((reason) => h("li", {}, reason))),
      approach.essentials.length ? h("p", {}, `Before you start it: ${approach.essentials.join(" ")} `, h("a", { href: pageUrl(approach.checklist) }, `Checklist for ${approach.title}`)) : null)))
    : h("p", {}, "Your answers do not yet point to a particular approach. Answer more statements, or work on the action plan first."));

  const plan = h("ol", {}, result.plan.map((step) => {
    if (step.type === "essential") return h("li", {}, h("strong", {}, "Essential: "), step.text);
    if (step.type === "domain") {
      return h("li", {}, h("strong", {}, `${step.domain.title} (${step.result.band.label}, ${step.result.score.toFixed(1)}): `),
        step.result.meaning, h("ul", {}, step.recommendations.map((text) => h("li", {}, text))));
    }
    if (step.type === "find-out") return h("li", {}, h("strong", {}, "Find out: "), step.item.text);
    return h("li", {}, h("strong", {}, `${step.domain.title}: `), "answer more of its statements to get a score.");
  }));
  sections.push(h("section", { class: "hub-readiness-plan", "aria-labelledby": "action-plan" },
    h("h2", { id: "action-plan" }, "Action plan"),
    h("p", {}, `Made on ${made} from the ${instrument.title.toLowerCase()}. Weakest areas first.`),
    result.plan.length ? plan : h("p", {}, "Nothing stands in the way: every domain is in a good band and every essential statement is met.")));

  if (result.unanswered.length) {
    sections.push(h("h2", { id: "unanswered" }, "Statements not answered"),
      h("ul", {}, result.unanswered.map(({ domain, item }) => h("li", {}, `${item.text} (${domain.title})`))));
  }
  if (result.dontKnow.length) {
    sections.push(h("h2", { id: "dont-know" }, `Statements answered "${instrument.dont_know}"`),
      h("ul", {}, result.dontKnow.map(({ domain, item }) => h("li", {}, `${item.text} (${domain.title})`))));
  }

  sections.push(h("h2", { id: "take-away" }, "Keep or share your results"),
    h("p", { class: "hub-readiness-actions" },
      h("button", { type: "button", class: "md-button md-button--primary",
        onclick: () => downloadAnswers(instrument, state) }, "Download answers (JSON)"), " ",
      h("button", { type: "button", class: "md-button", onclick: () => downloadCsv(instrument, state) },
        "Download for a spreadsheet (CSV)"), " ",
      h("button", { type: "button", class: "md-button", onclick: () => window.print() }, "Print the action plan")),
    h("p", {}, "The JSON file can be imported again on the assessment page, or combined with your team's on the ",
      h("a", { href: pageUrl(instrument.pages.team) }, "team page"), "."));
  root.replaceChildren(notices, ...sections);
}

/* ---- Team ---- */

function teamView(root, instrument) {
  const people = [];
  const notices = h("div", { class: "hub-readiness-notices" });
  const list = h("ul", { class: "hub-readiness-people" });
  const output = h("div", {});
  const input = h("input", { type: "file", id: "hub-readiness-team-files", accept: "application/json,.json", multiple: true,
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
    } });

  function show() {
    const names = teamNames(people.map((person) => person.respondent || person.file.replace(/\.json$/i, "")));
    list.replaceChildren(...people.map((person, index) => h("li", {}, `${names[index]} (${person.file}) `,
      h("button", { type: "button", class: "md-button hub-readiness-small", onclick: () => { people.splice(index, 1); show(); input.focus(); } }, `Remove ${names[index]}`))));
    if (people.length < 2) {
      output.replaceChildren(h("p", { role: "status" }, people.length ? "Load at least one more file to compare answers." : "No files loaded yet."));
      return;
    }
    const team = merge(instrument, people.map((person, index) => ({ name: names[index], answers: person.answers })));
    const cell = (value) => h("td", {}, answerLabel(instrument, value));
    const flag = (entry) => h("td", { class: entry.disagree ? "hub-readiness-disagree" : null },
      entry.disagree ? `Discuss: ${entry.spread.toFixed(entry.spread % 1 ? 1 : 0)} points apart` : entry.spread === null ? "Too few answers to compare" : "Close");
    output.replaceChildren(
      h("p", { role: "status" }, `${people.length} people compared. ${team.disagreements} statement${team.disagreements === 1 ? "" : "s"} where people are ${instrument.disagreement} or more points apart.`),
      h("h2", { id: "team-domains" }, "Domains"),
      scrollable("Domain scores by person", h("table", {},
        h("caption", {}, "Domain scores by person"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Domain"), team.people.map((name) => h("th", { scope: "col" }, name)),
          h("th", { scope: "col" }, "Mean"), h("th", { scope: "col" }, "Agreement"))),
        h("tbody", {}, team.domains.map((entry) => h("tr", {}, h("th", { scope: "row" }, entry.domain.title),
          entry.scores.map((value) => h("td", {}, value === null ? "Not scored" : value.toFixed(1))),
          h("td", {}, entry.mean === null ? "Not scored" : `${entry.mean.toFixed(1)}${entry.band ? ` (${entry.band.label})` : ""}`), flag(entry)))))),
      ...team.domains.map((entry) => h("section", { "aria-labelledby": `team-${entry.domain.id}` },
        h("h3", { id: `team-${entry.domain.id}` }, entry.domain.title),
        scrollable(`${entry.domain.title}: answers by person`, h("table", {},
          h("caption", {}, `${entry.domain.title}: answers by person`),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Statement"), team.people.map((name) => h("th", { scope: "col" }, name)),
            h("th", { scope: "col" }, "Mean"), h("th", { scope: "col" }, "Agreement"))),
          h("tbody", {}, entry.items.map((row) => h("tr", { class: row.disagree ? "hub-readiness-disagree-row" : null },
            h("th", { scope: "row" }, row.item.text), row.answers.map(cell),
            h("td", {}, row.mean === null ? "No answers" : row.mean.toFixed(1)), flag(row)))))))));
  }

  root.replaceChildren(
    h("p", {}, h("label", { for: "hub-readiness-team-files" }, "Load two or more exported answer files (JSON): "), input),
    notices, list, output);
  show();
}

/** Build the page's view once the instrument data has loaded; a failure leaves a message, not a blank page. */
export async function start(root) {
  const link = document.getElementById("hub-readiness-data");
  const fallback = document.getElementById("hub-readiness-fallback");
  let instrument;
  try {
    const response = await fetch(link.href);
    instrument = await response.json();
    if (!response.ok || instrument.format !== "shared-learning-hub/readiness-instrument") throw new Error(`${response.status}`);
  } catch (error) {
    root.replaceChildren(message("error", "The assessment could not be loaded. Reload the page to try again."));
    return;
  }
  instrument.url = link.href;
  fallback.hidden = true;
  const store = new Store(instrument);
  if (root.classList.contains("hub-readiness-form")) formView(root, instrument, store);
  else if (root.classList.contains("hub-readiness-results")) resultsView(root, instrument, store);
  else teamView(root, instrument);
}
