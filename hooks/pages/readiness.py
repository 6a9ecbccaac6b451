"""The readiness pages: the landing page, each instrument's assessment, results and team pages, the
JSON the browser scores from, and a checklist page per approach.

The browser scores answers from a JSON copy of the instrument written at build time, so the scoring
never disagrees with the YAML it came from.
"""

from __future__ import annotations

import json

from hooks.model import fields
from hooks.model.addresses import link_from, site_path
from hooks.model.catalogue import Catalogue
from hooks.model.instruments import Instrument
from hooks.model.schema import kinds
from hooks.pages.page import Page
from hooks.pages.render import render

LANDING_PAGE = "readiness.md"
CHECKLISTS = "readiness/checklists"
"""Site folder of the per-approach checklist pages."""
FORMAT = "shared-learning-hub/readiness-instrument"
"""Names the JSON the browser reads, so a page never scores against some other file."""


def checklist_page(slug: str) -> str:
    return f"{CHECKLISTS}/{slug}.md"


def browser_data(instrument: Instrument, catalogue: Catalogue) -> dict:
    """The instrument as the browser needs it: the YAML's fields, with each rule's approaches resolved.

    `checklists` gives each approach's essential prerequisites with their ids, which its checklist page ticks
    and matches to the statements that answer them (`essentials`).
    `without_costs` becomes the approaches whose cost model avoids those costs, and each approach
    comes with its title, its pages and its essential prerequisites, so the results can say why it
    fits and what to check before starting it. The `recommend` rules pass as written, less those of
    an approach that has no page.
    """
    here, directory_urls = instrument.data_file, catalogue.settings.directory_urls

    def link(target: str) -> str:
        return link_from(here, target, directory_urls=directory_urls)

    by_slug = {entry.slug: entry for entry in catalogue.of("approach")}
    fits = []
    for rule in instrument.data.get("fits", []):
        named = [slug for slug in rule.get("approaches", []) if slug in by_slug]
        avoided = set(rule.get("without_costs", []))
        if avoided:
            named += [slug for slug, entry in by_slug.items()
                      if not avoided & set(entry.data["cost_model"]) and slug not in named]
        fits.append({"id": rule["id"], "when": rule["when"], "reason": rule["reason"], "approaches": named})
    recommend = [rule for rule in instrument.data.get("recommend", []) if rule["approach"] in by_slug]
    used = {slug for rule in fits for slug in rule["approaches"]} | {rule["approach"] for rule in recommend}
    cost_labels = fields.at(kinds()["approach"], ("cost_model",))[-1].vocabulary
    approaches = {
        slug: {"title": entry.title,
               "url": link(site_path(entry)),
               "checklist": link(checklist_page(slug)),
               "costs": [cost_labels.label(cost) for cost in entry.data["cost_model"]],
               "essentials": [item["text"] for item in entry.data.get("readiness", []) if item["essential"]]}
        for slug, entry in by_slug.items() if slug in used}
    checklists = {slug: {"title": entry.title,
                         "essentials": [{"id": item["id"], "text": item["text"]}
                                        for item in entry.data.get("readiness", []) if item["essential"]]}
                  for slug, entry in by_slug.items()}
    return {"format": FORMAT, "id": instrument.slug, "checklists": checklists,
            **{key: value for key, value in instrument.data.items() if key not in ("fits", "recommend")},
            "fits": fits, "recommend": recommend, "approaches": approaches,
            "pages": {name: link(instrument.page(name)) for name in ("index", "results", "team")}}


def pages(catalogue: Catalogue) -> list[Page]:
    """The readiness landing page, each instrument's form, results and team pages and data, and a
    checklist page per approach. Search holds the landing page and the forms: the results and team pages
    have nothing to find until a reader's answers fill them, and a checklist repeats its approach's page."""
    instruments = list(catalogue.instruments.values())
    approaches = catalogue.of("approach")
    result = [Page(LANDING_PAGE, render("readiness.md.j2", LANDING_PAGE, entries=approaches,
                                        instruments=instruments, checklist_page=checklist_page))]
    for instrument in instruments:
        for name in ("index", "results", "team"):
            src_uri = instrument.page(name)
            result.append(Page(src_uri, render(f"readiness_{name}.md.j2", src_uri, instrument=instrument,
                                               landing=LANDING_PAGE),
                               instrument.path, indexed=name == "index"))
        result.append(Page(instrument.data_file, json.dumps(browser_data(instrument, catalogue),
                                                            ensure_ascii=False, indent=1)))
    for entry in approaches:
        src_uri = checklist_page(entry.slug)
        result.append(Page(src_uri, render("readiness_checklist.md.j2", src_uri, entry=entry,
                                           instruments=instruments, landing=LANDING_PAGE),
                           entry.path, indexed=False))
    return result
