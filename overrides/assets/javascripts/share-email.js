/**
 * The share form's route for a writer without a GitHub account: download the file and email it to the hub's
 * team, at the address the site's configuration gives (`extra: contact:` in mkdocs.yml). Without an address
 * the form does not offer it.
 */
import { h } from "./hub.js";

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
