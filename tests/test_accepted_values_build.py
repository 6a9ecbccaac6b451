"""What the check accepts builds, and arrives intact: the edges of the web address, DOI and email forms.

Each candidate value is checked on its own; every one the check accepts then goes into one build of the
base repository (the case study given a reference for each web address and DOI, and a case study of its
own for each email), and each must be the target and the text of its link, unchanged. The candidates
include what once passed the check and broke the page: quotes, angle brackets, backslashes, backticks.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

import pytest
from conftest import build, make_repo

from hooks.checks import loader

URLS = ["https://a.org/x_(y)?q=1&r=[2]#f", "https://a.org:8443/*star*/~tilde/'quote'/(open",
        "https://a.org/caf%C3%A9/é?a;b,c=d$e!f@g+h", "http://a.org/x/y/", "https://a.org/x>y", "https://a.org/<x>",
        'https://a.org/"x"', "https://a.org/`x`", "https://a.org/x\\_y_", "https://a.org/{x}|^"]
DOIS = ["10.1016/S0140-6736(13)60000-X", "10.1000/a[b]_c*d~e", "10.1000/x;y=z&w'v", "10.1000/(open",
        "10.1000/#x?y%20z", "10.1000/a>b", '10.1000/a"b', "10.1000/<a>", "10.1000/`a`", "10.1000/a\\_b_"]
EMAILS = ["o'neil+x_y~z@example.nhs.uk", "a&b=c!d#e$f%g*h/i?j^k@example.org", "a`b`@example.org",
          "a\\_b_@example.org", "a{x}@example.org"]
SURELY_ACCEPTED = {*URLS[:4], *DOIS[:5], *EMAILS[:2]}
STUDY = "case_studies/huddles-on-ward-7.md"
REFERENCE = '  - {citation: "Test C. A third source", year: 2022, url: "https://example.org/c"}'


def study(text: str, *, references: list[dict], email: str, title: str) -> str:
    text = text.replace("email: a.person@example.nhs.uk", f"email: {json.dumps(email)}")
    text = text.replace("title: Huddles on a busy surgical ward", f"title: {title}")
    return text.replace(REFERENCE, "\n".join(f"  - {json.dumps(reference)}" for reference in references))


def reference(name: str, value: str) -> dict:
    """A reference the base case study's text cites, as (Test C 2022)."""
    return {"citation": "Test C. A source at the edge of the form", "year": 2022, name: value}


class Links(HTMLParser):
    """Each link of a page as (target, text), with entities read as a browser reads them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._open: list | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self._open = [dict(attrs)["href"], ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.links.append(tuple(self._open))
            self._open = None


@pytest.fixture(scope="module")
def accepted(tmp_path_factory) -> set[str]:
    """The candidates the check accepts, each tried alone."""
    root = make_repo(tmp_path_factory.mktemp("alone") / "repo")
    base = (root / STUDY).read_text(encoding="utf-8")
    tries = [(url, [reference("url", url)], EMAILS[0]) for url in URLS]
    tries += [(doi, [reference("doi", doi)], EMAILS[0]) for doi in DOIS]
    tries += [(email, [reference("url", URLS[0])], email) for email in EMAILS]
    found = set()
    for value, references, email in tries:
        (root / STUDY).write_text(study(base, references=references, email=email, title="Huddles on a ward"),
                                  encoding="utf-8")
        if not loader.load(root).problems:
            found.add(value)
    shutil.rmtree(root)
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory, accepted):
    root = make_repo(tmp_path_factory.mktemp("edges") / "repo")
    base = (root / STUDY).read_text(encoding="utf-8")
    references = [reference("url", url) for url in URLS if url in accepted]
    references += [reference("doi", doi) for doi in DOIS if doi in accepted]
    for number, email in enumerate(email for email in EMAILS if email in accepted):
        (root / f"case_studies/huddles-{number}.md").write_text(
            study(base, references=references, email=email, title=f"Huddles on ward {number}"), encoding="utf-8")
    (root / STUDY).unlink()
    assert loader.load(root).problems == []
    result = build(root, root.parent / "site")
    assert result.returncode == 0, result.stderr
    return root.parent / "site"


def links(site, slug: str) -> list[tuple[str, str]]:
    return Links((site / "case-studies" / slug / "index.html").read_text(encoding="utf-8")).links


def test_the_candidates_the_form_must_allow_are_accepted(accepted):
    assert SURELY_ACCEPTED <= accepted


@pytest.mark.parametrize("url", URLS)
def test_an_accepted_web_address_is_the_target_and_the_text_of_its_link(site, accepted, url):
    if url in accepted:
        assert (url, url) in links(site, "huddles-0")


@pytest.mark.parametrize("doi", DOIS)
def test_an_accepted_doi_links_to_its_resolver_unchanged(site, accepted, doi):
    if doi in accepted:
        assert (f"https://doi.org/{doi}", doi) in links(site, "huddles-0")


@pytest.mark.parametrize("email", EMAILS)
def test_an_accepted_email_is_the_target_and_the_text_of_its_link(site, accepted, email):
    if email in accepted:
        slug = f"huddles-{[e for e in EMAILS if e in accepted].index(email)}"
        assert (f"mailto:{email}", email) in links(site, slug)
