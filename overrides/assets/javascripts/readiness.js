/*
 * Readiness pages: load the assessment code only on the pages that have its container, and start
 * it on every page Material shows (instant navigation swaps pages without a reload). Every other
 * page pays for these few lines only.
 */
document$.subscribe(() => {
  const root = document.getElementById("hub-readiness");
  if (root && !root.dataset.started) {
    root.dataset.started = "true";
    import("./readiness-app.js").then((app) => app.start(root));
  }
});
