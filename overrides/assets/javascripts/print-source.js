/*
 * A printed page says where it came from and when: a line, shown only in print, with the page's address
 * and the day it was printed. Filled again just before printing, so a page left open overnight prints the
 * right date.
 */
import { h, onEveryPage } from "./hub.js";
import { printedLine } from "./print-line.js";

function fill() {
  const article = document.querySelector("article.md-content__inner");
  if (!article) return;
  let note = article.querySelector(".hub-print-source");
  if (!note) {
    note = h("p", { class: "hub-print-source" });
    article.append(note);
  }
  note.textContent = printedLine(location.href, new Date());
}

window.addEventListener("beforeprint", fill);
onEveryPage(fill);
