"""The pages a public site owes its readers: what they may reuse, what is kept about them, how accessible
the site is, and how to reach the people who run it.

The facts on them that change with the site (its name, its repository, its host, the team's contact address)
come from the settings, so a copy of the hub run by someone else says its own; what the site keeps in a
browser is declared here once, in `BROWSER_STORAGE`, and a browser test holds the site to it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from hooks.model.addresses import address
from hooks.model.settings import Settings
from hooks.pages.page import Page
from hooks.pages.render import render

LICENCE_PAGE, PRIVACY_PAGE = "licence.md", "privacy.md"
ACCESSIBILITY_PAGE, CONTACT_PAGE = "accessibility.md", "contact.md"
FOOTER = {"Licence": LICENCE_PAGE, "Privacy": PRIVACY_PAGE, "Accessibility": ACCESSIBILITY_PAGE,
          "Contact": CONTACT_PAGE}
"""The links every page's footer carries, by their text."""
LICENCE_SUFFIX = ".LICENSE.txt"
"""How the licence file shipped beside a library's script is named: `<library>.LICENSE.txt`."""


@dataclass(frozen=True)
class Licence:
    name: str
    url: str
    covers: str


CONTENT_LICENCE = Licence("Creative Commons Attribution 4.0 International (CC BY 4.0)",
                          "https://creativecommons.org/licenses/by/4.0/",
                          "the text of the site's pages and its data files")
CODE_LICENCE = Licence("MIT License", "https://opensource.org/license/mit",
                       "what builds the site, with its templates, styles and scripts")


@dataclass(frozen=True)
class Stored:
    """One thing the site keeps in the reader's browser: the name it is kept under, what it is, how to remove it."""

    key: str
    """The text every name of it holds: its start, or for the theme's, its end."""
    what: str
    remove: str


BROWSER_STORAGE = (
    Stored("hub-share-form:", "Your draft on the share form, saved as you type so that you can come back to it.",
           "Press **Start again** on the form (twice, to confirm)."),
    Stored("hub-readiness:", "Your answers to a readiness assessment, with the name and date you gave them and "
           "the assessments you chose to keep, one record per assessment; the answer files loaded on its team "
           "page; and what you enter on an approach's readiness checklist and on an action plan: the boxes you "
           "tick, the owners and the dates you give.",
           "Answers: press **Start again** on the assessment and confirm. A kept assessment: delete it on the "
           "results page. The team's files: press **Clear the team's answers**. A checklist, or the owners and "
           "dates of an action plan: press **Clear** beside them and confirm."),
    Stored(".__palette", "The colour scheme you chose with the switch in the header, if you used it.",
           "Use the switch again; with nothing kept, the site follows your device's setting."),
)


KNOWN_GAPS = (
    "The site has not yet been tried by people who use screen readers or speech recognition.",
)
"""What the accessibility statement owns up to: each gap the team knows of and has not yet fixed."""
REVIEWED = "2026-11-28"
"""When the accessibility statement was last checked against the site."""


def mailto(address: str) -> str:
    """A `mailto:` address for the team's contact address, with anything but the address's own characters quoted."""
    return "mailto:" + quote(address, safe="@.+-_")


def pages(settings: Settings, licences: tuple[str, ...] = ()) -> list[Page]:
    """The licence, privacy, accessibility and contact pages; the licence page links each of `licences`, the
    licence files shipped beside the libraries the site ships, which their terms ask to travel with them."""
    host = urlsplit(settings.site_url).hostname or ""
    here = posixpath.dirname(address(LICENCE_PAGE, directory_urls=settings.directory_urls))
    libraries = [(posixpath.basename(path).removesuffix(LICENCE_SUFFIX), posixpath.relpath(path, here or "."))
                 for path in licences]
    context = {"settings": settings, "github_pages": host.endswith(".github.io"), "storage": BROWSER_STORAGE,
               "content_licence": CONTENT_LICENCE, "code_licence": CODE_LICENCE, "mailto": mailto,
               "contact_page": CONTACT_PAGE, "known_gaps": KNOWN_GAPS, "reviewed": REVIEWED, "libraries": libraries}
    return [Page(path, render(path.replace(".md", ".md.j2"), path, **context))
            for path in (LICENCE_PAGE, PRIVACY_PAGE, ACCESSIBILITY_PAGE, CONTACT_PAGE)]


def footer(*, directory_urls: bool) -> list[tuple[str, str]]:
    """The footer's links: each one's text and the address of its page from the site's root."""
    return [(text, address(page, directory_urls=directory_urls)) for text, page in FOOTER.items()]
