"""The not-found page, as the host shows it for an address the site does not have: accessible to axe in both colour
schemes, at any depth under the site's address, and on a copy served elsewhere (a preview at a server's root),
where its absolute addresses find no styles."""

from __future__ import annotations

import pytest
import tools

tools.require_chromium()

SERVED = {"at its address": {}, "at a server's root": {"at_root": True}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("where", SERVED, ids=SERVED)
def test_the_not_found_page_passes_axe_wherever_it_is_served_and_leads_on(browser, real_site, where, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    with tools.serve(real_site, as_host=True, **SERVED[where]) as url:
        assert page.goto(url + "no/such/page/").status == 404
        assert tools.violations(page) == ""
        assert page.locator("h1").inner_text() == "Page not found"
        if where == "at its address":
            links = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
            assert links and all(page.request.get(link).ok for link in links)
            assert page.locator(".md-sidebar--primary[hidden] .md-nav__link").count() > 0, "kept for a phone's menu"
    context.close()
