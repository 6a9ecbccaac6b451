"""Every page the site generates from a checked catalogue, and the check that none takes another's address.

Each kind of page is made by its own module (entries, readiness, contribute) or from one template here;
this module only gathers them, and marks which ones search holds (`Page.indexed`).
"""

from __future__ import annotations

from hooks.checks import sections
from hooks.model.addresses import address, index_path
from hooks.model.catalogue import Catalogue
from hooks.model.schema import kinds
from hooks.pages import browse, contribute, entries, finder, gapmap, policies, readiness
from hooks.pages.page import Page
from hooks.pages.render import COMMITMENTS_PAGE, EVIDENCE_PAGE, render


def pages(catalogue: Catalogue, *, licences: tuple[str, ...] = ()) -> list[Page]:
    """Every generated page of the site: one per entry, an index per kind (the case studies' is the finder,
    in pages), evidence levels, the LCAV commitments with the case studies naming each, readiness, the field
    reference, the case study form, the comparison of approaches, the evidence and gap map, and the licence,
    privacy, accessibility and contact pages (which links `licences`, the licence files the site ships beside the
    libraries it ships)."""
    result = entries.pages(catalogue)
    result.append(Page(EVIDENCE_PAGE, render("evidence_levels.md.j2", EVIDENCE_PAGE)))
    result.append(Page(COMMITMENTS_PAGE, render("lcav_commitments.md.j2", COMMITMENTS_PAGE, catalogue=catalogue)))
    result.extend(readiness.pages(catalogue))
    reference, share = contribute.FIELD_REFERENCE_PAGE, contribute.SHARE_PAGE
    result.append(Page(reference, render("field_reference.md.j2", reference, **contribute.reference_context())))
    result.append(Page(share, render("share_form.md.j2", share, field_reference_page=reference,
                                     spec_file=contribute.SHARE_SPEC, not_reported=sections.NOT_REPORTED)))
    result.append(Page(contribute.SHARE_SPEC, contribute.form_json(contribute.form_spec(catalogue))))
    result.extend(finder.pages(catalogue))
    for kind in kinds().values():
        if index_path(kind.name) == browse.FINDER_PAGE:
            continue
        result.append(Page(index_path(kind.name), render(f"{kind.name}_index.md.j2", index_path(kind.name), kind=kind,
                                                         entries=catalogue.of(kind.name), catalogue=catalogue),
                           indexed=False))
    result.append(Page(browse.COMPARISON_PAGE, render("comparison.md.j2", browse.COMPARISON_PAGE, catalogue=catalogue),
                       indexed=False))
    result.append(gapmap.page(catalogue))
    result.extend(policies.pages(catalogue.settings, licences))
    return result


def clashes(pages: list[Page], existing: dict[str, str], *, directory_urls: bool) -> list[str]:
    """Each generated page whose address another page already has, naming the sources of both.

    `existing` maps each hand-written file's path in the site's source tree to its file. The engine
    would silently keep one of the two, so a reader would never see the other.
    """
    def published_at(src_uri: str) -> str:
        return address(src_uri, directory_urls=directory_urls) if src_uri.endswith(".md") else src_uri

    taken = {published_at(path): source for path, source in existing.items()}
    found = []
    for page in pages:
        where, source = published_at(page.src_uri), page.source or f"the generated page {page.src_uri}"
        if where in taken:
            found.append(f"{source} and {taken[where]} would both be published at /{where}; rename one of them")
        else:
            taken[where] = source
    return found
