/*
 * "Share your case study": a form built in the browser from the description of the fields and sections
 * that the page links to (hooks/pages/contribute.py generates it from the schema, the vocabularies and the check's
 * own rules), which writes the entry file as the writer types, lists what is still to do before the check
 * would accept it, and offers the file to copy, download or propose on GitHub.
 *
 * This module is the page: the draft kept in this browser's localStorage (nothing is sent anywhere), the
 * file and its list of problems, and the buttons. The controls are share-controls.js's; the file is
 * share-entry.js's and share-yaml.js's, and the problems share-check.js's, which run without a page and are
 * unit-tested under Node. The preview of the page is share-preview.js's, and pasting rich text share-paste.js's.
 */
import { download, h, startEach } from "./hub.js";
import { check } from "./share-check.js";
import { emailRoute, unreadableNotice } from "./share-notices.js";
import { control, sections } from "./share-controls.js";
import { DRAFT_VERSION, entryText, fileName, filledIn, initialState, proposeUrl, readDraft } from "./share-entry.js";
import { pasteAsMarkdown } from "./share-paste.js";
import { Preview } from "./share-preview.js";

/** The form in `container`: its draft, its controls, the file it writes and what is still to do. */
class ShareForm {
  constructor(container, spec) {
    this.container = container;
    this.spec = spec;
    this.touched = new Set();
    this.notice = "";
    this.unreadable = null;
    this.state = this.restore();
    container.replaceChildren();
    this.draftStatus = h("div", { class: "hub-share__draft", role: "status" }, this.notice);
    if (this.unreadable !== null) {
      this.draftStatus.replaceChildren(
        unreadableNotice(this.spec, this.unreadable, () => {
          this.discard(`hub-field-${this.spec.fields[0].name}`);
          this.draftStatus.textContent =
            "The draft that could not be read is deleted. What you write now is saved in this browser.";
        }),
      );
    }
    this.form = h("form", { id: "hub-share-form", novalidate: true });
    this.form.addEventListener("submit", (event) => event.preventDefault());
    pasteAsMarkdown(this.form);
    this.preview = new Preview(spec);
    container.append(this.draftStatus, this.form, this.preview.node, this.outputPart());
    this.render();
  }

  /**
   * The saved draft's state. A draft that cannot be read is kept where it is, never copied (a full
   * storage would refuse the copy) nor saved over: the form stays locked until the writer, offered
   * a download of it, chooses to start afresh.
   */
  restore() {
    let raw;
    try {
      raw = localStorage.getItem(this.spec.storageKey);
    } catch (error) {
      this.notice = "This browser is not letting the form keep a draft: copy or download the file before you leave.";
      return initialState(this.spec);
    }
    if (!raw) return initialState(this.spec);
    try {
      const draft = readDraft(this.spec, raw);
      const when = draft.saved ? ` from ${draft.saved.toLocaleString()}` : "";
      this.notice = `Your draft${when} is back. It is kept in this browser only.`;
      return draft.state;
    } catch (error) {
      this.unreadable = raw;
      return initialState(this.spec);
    }
  }

  save() {
    if (JSON.stringify(this.state) === JSON.stringify(initialState(this.spec))) return;
    try {
      localStorage.setItem(
        this.spec.storageKey,
        JSON.stringify({ version: DRAFT_VERSION, saved: new Date().toISOString(), state: this.state }),
      );
    } catch (error) {
      this.draftStatus.textContent =
        "This browser would not save the draft; copy or download the file before you leave.";
    }
  }

  render(focusId) {
    this.form.replaceChildren(
      h("h2", {}, `About the ${this.spec.label.toLowerCase()}`),
      ...this.spec.fields
        .filter((field) => !filledIn(field))
        .map((field) => control(this, field, this.state.fields, `hub-field-${field.name}`)),
      h("h2", {}, "What happened"),
      ...sections(this, this.spec.sections, 0).nodes,
    );
    for (const control of this.form.elements) control.disabled = this.unreadable !== null;
    this.update();
    if (focusId) document.getElementById(focusId)?.focus();
  }

  touch(id) {
    this.touched.add(id);
    this.update();
  }

  outputPart() {
    this.summary = h("div", { class: "hub-share__summary", id: "hub-share-todo" });
    this.fileNameNode = h("code", { id: "hub-share-filename" });
    this.output = h("textarea", { id: "hub-share-output", rows: "16", readonly: true, spellcheck: "false" });
    this.copyButton = h("button", { type: "button", class: "md-button", id: "hub-share-copy" }, "Copy");
    this.saveButton = h("button", { type: "button", class: "md-button", id: "hub-share-download" }, "Download");
    this.gate = h("button", { type: "button", class: "md-button md-button--primary", id: "hub-share-fix" });
    this.propose = h(
      "a",
      { class: "md-button md-button--primary", id: "hub-share-propose", target: "_blank", rel: "noopener noreferrer" },
      "Propose on GitHub",
    );
    const clear = h("button", { type: "button", class: "md-button", id: "hub-share-clear" }, "Start again");
    this.announce = h("p", { class: "hub-share__announce", id: "hub-share-announce", role: "status" });
    this.emailRoute = this.spec.contact ? emailRoute(this.spec.contact) : null;
    this.urlNote = h("p", { class: "hub-share__hint", id: "hub-share-url-note" });
    this.copyButton.addEventListener("click", () => this.copy());
    this.saveButton.addEventListener("click", () => this.downloadFile());
    this.gate.addEventListener("click", () => this.goToFirstProblem());
    clear.addEventListener("click", () => this.clear(clear));
    const actions = h("div", { class: "hub-share__actions" }, this.gate, this.copyButton, this.saveButton);
    if (this.spec.newFileUrl) actions.append(this.propose);
    actions.append(clear);
    return h(
      "section",
      { class: "hub-share__result", "aria-labelledby": "hub-share-result-heading" },
      h("h2", { id: "hub-share-result-heading" }, "Your file"),
      this.summary,
      h("p", {}, "File name: ", this.fileNameNode),
      h("label", { for: "hub-share-output" }, "The file, ready to add to the hub"),
      this.output,
      actions,
      this.urlNote,
      ...(this.emailRoute ? [this.emailRoute.node] : []),
      this.announce,
    );
  }

  update() {
    const text = entryText(this.spec, this.state);
    const name = fileName(this.spec, this.state);
    this.output.value = text;
    this.fileNameNode.textContent = `${this.spec.directory}/${name}`;
    this.text = text;
    this.name = name;
    if (this.spec.newFileUrl) {
      const link = proposeUrl(this.spec, name, text);
      this.propose.href = link.url;
      this.urlNote.textContent = link.complete
        ? "Propose on GitHub opens GitHub's new-file page with your file filled in. You need a free GitHub account."
        : "Your case study is too long to send in a link. Press Copy, then Propose on GitHub, " +
          "and paste the file into the large box on the page GitHub opens.";
    }
    const problems = check(this.spec, this.state);
    this.showProblems(problems);
    this.offerTheFile(problems);
    this.preview.show(this.state);
    this.save();
  }

  showProblems(problems) {
    const byId = new Map();
    for (const problem of problems) byId.set(problem.id, [...(byId.get(problem.id) || []), problem.message]);
    for (const node of this.form.querySelectorAll(".hub-share__error")) {
      const id = node.id.replace(/-error$/, "");
      const messages = this.touched.has(id) ? byId.get(id) : undefined;
      node.hidden = !messages;
      node.textContent = messages ? messages.join("; ") : "";
      const control = document.getElementById(id);
      if (control && control.matches("input, select, textarea")) {
        if (messages) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
    const heading = h(
      "h3",
      {},
      problems.length ? `Still to do before the file is ready (${problems.length})` : "The file is ready",
    );
    const list = h(
      "ul",
      {},
      ...problems.map((problem) =>
        h("li", {}, h("a", { href: `#${problem.id}` }, problem.title), `: ${problem.message}`),
      ),
    );
    const advice = problems.length
      ? null
      : h(
          "p",
          {},
          "Copy or download it, or propose it on GitHub. The hub's team reads every case study before it is published.",
        );
    this.summary.replaceChildren(heading, problems.length ? list : advice);
  }

  /**
   * Copy, Download and Propose only for a file the check would accept; until then one button in their place
   * says how many problems are left and takes the writer to the first.
   */
  offerTheFile(problems) {
    const ready = problems.length === 0;
    for (const button of [this.copyButton, this.saveButton, this.propose]) button.hidden = !ready;
    this.urlNote.hidden = !ready;
    this.emailRoute?.offer(ready, this.state.fields.title);
    this.gate.hidden = ready;
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    this.gate.textContent = `Fix ${count} to get your file: go to the first`;
    this.firstProblem = ready ? null : problems[0].id;
  }

  /** Show every problem at its control and move the focus to the first one's control. */
  goToFirstProblem() {
    for (const problem of check(this.spec, this.state)) this.touched.add(problem.id);
    this.update();
    const target = document.getElementById(this.firstProblem);
    const control = target && (target.matches("input, select, textarea") ? target : target.querySelector(FOCUSABLE));
    (control || target)?.focus();
    this.announce.textContent = `${this.gate.textContent.replace(/: go to the first$/, "")}.`;
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.text);
    } catch (error) {
      this.output.focus();
      this.output.select();
      document.execCommand("copy");
    }
    this.announce.textContent = "Copied the file.";
  }

  downloadFile() {
    download(this.name, "text/markdown;charset=utf-8", this.text);
    this.announce.textContent = `Downloaded ${this.name}.`;
  }

  clear(button) {
    if (button.dataset.confirm !== "yes") {
      button.dataset.confirm = "yes";
      button.textContent = "Press again to clear the form";
      this.announce.textContent = "Press Start again once more to clear the form and the saved draft.";
      return;
    }
    button.dataset.confirm = "";
    button.textContent = "Start again";
    this.discard(`hub-field-${this.spec.fields[0].name}`);
    this.announce.textContent = "The form is empty again.";
  }

  /** Empty the form and delete the saved draft, readable or not. */
  discard(focusId) {
    this.state = initialState(this.spec);
    this.touched.clear();
    this.unreadable = null;
    try {
      localStorage.removeItem(this.spec.storageKey);
    } catch (ignored) {
      /* a browser that blocks storage holds no draft */
    }
    this.render(focusId);
  }
}

const FOCUSABLE = "input:not([type=hidden]), select, textarea, button";

/** The form in `container`, once the description of its fields has loaded. */
async function start(container) {
  const source = document.getElementById("hub-share-spec");
  if (!source) return;
  let spec;
  try {
    const response = await fetch(source.href, { credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    spec = await response.json();
  } catch (error) {
    const text = "The form could not load its list of fields. Reload the page, or use the template described below.";
    container.replaceChildren(h("p", { class: "hub-share__error", role: "alert" }, text));
    return;
  }
  new ShareForm(container, spec);
  const fallback = document.getElementById("hub-share-fallback");
  if (fallback) fallback.hidden = true;
}

startEach("#hub-share", start);
