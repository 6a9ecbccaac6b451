/*
 * A printed page says where it came from and when: a line, shown only in print, with the
 * page's address and the day it was printed. Filled again just before printing, so a page left
 * open overnight prints the right date.
 */
(function () {
  "use strict";

  function line(address, day) {
    const date = day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    return `Printed from ${address} on ${date}.`;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { line };
    return;
  }

  function fill() {
    const article = document.querySelector("article.md-content__inner");
    if (!article) return;
    let note = article.querySelector(".hub-print-source");
    if (!note) {
      note = document.createElement("p");
      note.className = "hub-print-source";
      article.append(note);
    }
    note.textContent = line(location.href, new Date());
  }

  window.addEventListener("beforeprint", fill);
  document$.subscribe(fill);
})();
