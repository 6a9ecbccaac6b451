/**
 * The readiness pages in the browser: the form, the results, the team view and an approach's checklist,
 * built from the instrument JSON the page links to. Answers live in localStorage and in files the person
 * downloads; nothing is sent anywhere. Text from data goes in with textContent only.
 */
import { checklistView } from "./readiness-checklist.js";
import { message } from "./readiness-dom.js";
import { formView } from "./readiness-form.js";
import { resultsView } from "./readiness-results.js";
import { Store } from "./readiness-store.js";
import { teamView } from "./readiness-team.js";

/** Build the page's view once the instrument data has loaded; a failure leaves a message, not a blank page. */
export async function start(root) {
  const link = document.getElementById("hub-readiness-data");
  const fallback = document.getElementById("hub-readiness-fallback");
  let instrument;
  try {
    const response = await fetch(link.href);
    instrument = await response.json();
    if (!response.ok || instrument.format !== "shared-learning-hub/readiness-instrument")
      throw new Error(`${response.status}`);
  } catch (error) {
    const failed = message("error", "The assessment could not be loaded. Reload the page to try again.");
    if (root.classList.contains("hub-readiness-checklist"))
      root.prepend(failed); // its list is still worth reading
    else root.replaceChildren(failed);
    return;
  }
  instrument.url = link.href;
  fallback.hidden = true;
  const store = new Store(instrument);
  if (root.classList.contains("hub-readiness-form")) formView(root, instrument, store);
  else if (root.classList.contains("hub-readiness-results")) resultsView(root, instrument, store);
  else if (root.classList.contains("hub-readiness-checklist")) checklistView(root, instrument);
  else teamView(root, instrument);
}
