/**
 * What the share form says beside the form itself: a draft that could not be read, kept until the writer
 * chooses, and the route for a writer without a GitHub account (download the file and email it to the hub's
 * team, at the address the site's configuration gives in `extra: contact:`; without one the form offers no such
 * route).
 */
import { download, h } from "./hub.js";

/** A draft saved earlier that cannot be read: offered as a download, deleted only when the writer starts afresh. */
export function unreadableNotice(spec, raw, startAfresh) {
  const keep = h("button", { type: "button", class: "md-button" }, "Download the unreadable draft");
  const name = `unreadable-${spec.kind.replace(/_/g, "-")}-draft.json`;
  keep.addEventListener("click", () => download(name, "application/json", raw));
  const afresh = h("button", { type: "button", class: "md-button" }, "Start afresh");
  afresh.addEventListener("click", startAfresh);
  const why =
    "A draft saved earlier in this browser could not be read. It is kept as it is, and the form is " +
    "locked so that nothing is saved over it: download it to keep a copy, then start afresh to delete it and " +
    "write a new one.";
  return h(
    "div",
    { class: "admonition warning" },
    h("p", {}, why),
    h("div", { class: "hub-share__actions" }, keep, afresh),
  );
}

/** The steps, shown once the file is ready, with a link that starts the email to `contact`. */
export function emailRoute(contact) {
  const link = h("a", { id: "hub-share-email" }, contact);
  const node = h(
    "div",
    { class: "hub-share__email", id: "hub-share-email-route" },
    h("h3", {}, "No GitHub account? Email it to the hub team"),
    h(
      "ol",
      {},
      h("li", {}, "Press Download to save the file on your computer."),
      h("li", {}, "Write an email to ", link, " and attach the file you downloaded."),
      h("li", {}, "Say in the email that your organisation agrees to publish the case study."),
    ),
    h("p", {}, "The hub's team checks the file, adds it to the hub and replies to you."),
  );
  return {
    node,
    /** Show the steps only for a file ready to send, with its title in the email's subject. */
    offer(ready, title) {
      node.hidden = !ready;
      const subject = `Case study for the hub: ${String(title || "").trim()}`;
      link.href = `mailto:${encodeURIComponent(contact).replace(/%40/g, "@")}?subject=${encodeURIComponent(subject)}`;
    },
  };
}
