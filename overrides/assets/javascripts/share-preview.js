/**
 * The case study as the hub will publish it, shown under the form and redrawn a moment after the writer stops
 * typing: in the site's own styles, in the page's order (share-preview-page.js). Every value is inserted as
 * text; only the body is Markdown, converted as the site shows it (share-preview-markdown.js, raw HTML as
 * text) and sanitised by DOMPurify into nodes, never inserted as markup.
 */
import { h } from "./hub.js";
import { markdown } from "./share-preview-markdown.js";
import { pageParts } from "./share-preview-page.js";
import DOMPurify from "./vendor/purify.js";

// How long after the last change the preview is redrawn, in milliseconds: soon enough to follow, not on every key.
const WAIT = 250;

/** A link only to a web address; anything else the writer typed stays text. */
function link(url, text) {
  return /^https?:\/\//i.test(url || "") ? h("a", { href: url }, text) : text;
}

/**
 * The body's nodes: the Markdown's HTML sanitised (no image, which the page would fetch), each table wrapped as
 * the theme wraps it to scroll.
 */
function bodyNodes(text) {
  const fragment = DOMPurify.sanitize(markdown.render(text), { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ["img"] });
  for (const table of fragment.querySelectorAll("table")) {
    const wrap = h("div", { class: "md-typeset__table" });
    table.replaceWith(h("div", { class: "md-typeset__scrollwrap" }, wrap));
    wrap.append(table);
  }
  return fragment;
}

function references(items) {
  const item = (ref) =>
    h(
      "li",
      {},
      `${ref.citation || ""} (${ref.year}).`,
      ref.url ? [" ", link(ref.url, ref.url)] : null,
      ref.doi ? [" DOI: ", h("a", { href: `https://doi.org/${encodeURI(ref.doi)}` }, ref.doi)] : null,
      ref.accessed ? ` (accessed ${ref.accessed})` : null,
    );
  return [h("h2", {}, "References"), h("ol", {}, ...items.map(item))];
}

function pageNodes(parts) {
  const first = parts.firstPublished;
  const contact = parts.contact;
  return [
    h("h1", {}, parts.title || "Your title"),
    parts.summary ? h("p", {}, parts.summary) : null,
    first ? h("p", {}, first.before, link(first.url, first.title), `${first.after}.`) : null,
    parts.facts.length
      ? h("dl", {}, ...parts.facts.flatMap(([term, text]) => [h("dt", {}, term), h("dd", {}, text)]))
      : null,
    bodyNodes(parts.body),
    contact ? h("h2", {}, "Contact") : null,
    contact
      ? h(
          "p",
          {},
          contact.who,
          contact.email ? [": ", h("a", { href: `mailto:${contact.email}` }, contact.email)] : null,
        )
      : null,
    parts.references.length ? references(parts.references) : null,
  ]
    .flat()
    .filter(Boolean);
}

/** The preview of the form's case study: `node` to place on the page, `show(state)` after each change. */
export class Preview {
  constructor(spec) {
    this.spec = spec;
    this.timer = 0;
    this.page = h("div", { class: "hub-share__page", id: "hub-share-page" });
    this.node = h(
      "section",
      { class: "hub-share__preview", id: "hub-share-preview", "aria-labelledby": "hub-share-preview-heading" },
      h("h2", { id: "hub-share-preview-heading" }, "Preview"),
      h(
        "p",
        { class: "hub-share__hint" },
        "Your case study as the hub will show it, following what you write. " +
          "The lists of related case studies are added when it is published.",
      ),
      this.page,
    );
  }

  show(state) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.page.replaceChildren(...pageNodes(pageParts(this.spec, state))), WAIT);
  }
}
