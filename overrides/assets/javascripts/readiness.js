/*
 * Readiness pages: load the assessment code only on the pages that have its container, and start it on
 * every page Material shows. Every other page pays for these few lines only.
 */
import { startEach } from "./hub.js";

startEach("#hub-readiness", async (root) => {
  const app = await import("./readiness-app.js");
  app.start(root);
});
