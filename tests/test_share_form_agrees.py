"""The share form's "ready" and `make check` agree: one table of form inputs goes through both.

Each row is the form's state with one change. The form (its JavaScript, under Node) writes the file
and lists its problems; the file is then laid into a copy of the valid base repository and checked
as `make check` checks it. For every row, both must give the row's verdict: ready, or not.

The form is stricter in two ways the table leaves out on purpose: it asks for text under every
required heading, and for a file name no entry has yet (the check, seeing the new file replace the
old one, would accept it).
"""

from __future__ import annotations

import copy
import json
import subprocess

import pytest
import tools
from conftest import ROOT, make_repo, write_entry

from hooks.checks import loader, slow_markdown
from hooks.pages import contribute

tools.require_node()

ASSETS = ROOT / "overrides/assets/javascripts"
RUN = f"""
import {{ readFileSync }} from "node:fs";
import {{ check }} from {json.dumps((ASSETS / "share-check.js").as_uri())};
import {{ entryText, fileName }} from {json.dumps((ASSETS / "share-entry.js").as_uri())};
const input = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.states.map((state) => ({{
  file: fileName(input.spec, state), text: entryText(input.spec, state),
  problems: check(input.spec, state).map((p) => `${{p.title}}: ${{p.message}}`) }}))));
"""

BASE = {
    "fields": {
        "title": "Listening rounds on a children's ward",
        "summary": "A ward sister set up monthly listening rounds where nurses talked about the hardest moments.",
        "organisation": "Example Children's Hospital NHS Trust",
        "organisation_types": ["nhs-acute-trust"],
        "partners": [{"name": "Example University", "type": "university"}],
        "settings": ["acute-hospital"], "regions": ["london"], "staff_groups": [],
        "approaches": ["peer-huddles"], "other_approaches": "", "lcav_commitments": [6],
        "published": "2024-05-01", "updated": "",
        "first_published": {"publisher": "NHS England", "title": "Listening rounds on a ward",
                            "url": "https://example.org/first", "date": "2023-02", "accessed": ""},
        "contact": {"name": "A Person", "role": "Ward sister", "team": "", "email": "a.person@example.nhs.uk"},
        "references": [{"citation": "Test A. A source of the figures", "year": "2023",
                        "url": "https://example.org/a", "accessed": "", "doi": ""}],
    },
    "sections": {title: f"What we wrote about {title.lower()}." for title in (
        "Where to look", "What to change", "How to change", "Better outcomes", "Better experience",
        "Better use of resources", "Challenges and lessons learnt")} | {"Adding value": ""},
}
BASE["sections"]["Where to look"] = "What we wrote about where to look (Test A 2023)."
NOT_REPORTED = "The source does not report this."


def field(path: str, value):
    """A change to one field, by a dotted path whose numbers index lists: `references.0.url`."""
    def change(state):
        *parents, last = path.split(".")
        holder = state["fields"]
        for part in parents:
            holder = holder[int(part)] if part.isdigit() else holder[part]
        holder[int(last) if last.isdigit() else last] = value
    return change


def section(text: str, title: str = "How to change"):
    def change(state):
        state["sections"][title] = text
    return change


def changes(*each):
    def change(state):
        for one in each:
            one(state)
    return change


def every_section(text: str):
    def change(state):
        for title in state["sections"]:
            state["sections"][title] = text if title != "Adding value" else ""
    return change


def lines_in_body(replaced: str) -> int:
    """Lines the check counts in the base file's body beside those of the `replaced` section: its headings
    and the other sections' one-line texts."""
    return len(BASE["sections"]) + sum(bool(text) for title, text in BASE["sections"].items() if title != replaced)


def limit_rows(what: str, limit: int, text) -> list[tuple]:
    """Two rows for a limit of the slow-markdown rule: the `text(n)` with `n` at the limit, and one over it."""
    return [(f"{what} at the limit", True, section(text(limit))),
            (f"{what} over the limit", False, section(text(limit + 1)))]


READY, NOT_READY = True, False
ROWS = [
    ("the base", READY, lambda state: None),
    ("quotes, dashes, accents and angle brackets", READY,
     field("title", "Hôpital Zürich — “Ward 7” & <Partners> 'rounds'")),
    ("a title that starts like a list", READY, field("title", "2019. A year of listening rounds")),
    ("a title of 120 emoji", READY, field("title", "😀" * 120)),
    ("a title of 121 characters", NOT_READY, field("title", "a" * 121)),
    ("a title of 9 characters", NOT_READY, field("title", "Too short")),
    ("a line break typed into the summary is folded", READY, field("summary", BASE["fields"]["summary"] + "\nMore.")),
    ("a line separator in the title", NOT_READY, field("title", "Listening rounds\u2028on a ward")),
    ("a paragraph separator in the organisation", NOT_READY, field("organisation", "Example\u2029Trust")),
    ("a tab in the organisation", NOT_READY, field("organisation", "Example\tTrust")),
    ("a control character in the organisation", NOT_READY, field("organisation", "Example\x01 Trust")),
    ("an escape sequence in the contact name", NOT_READY, field("contact.name", "A \x1b[31mPerson")),
    ("DEL in the role", NOT_READY, field("contact.role", "Ward\x7fsister")),
    ("NEL in the summary", NOT_READY, field("summary", BASE["fields"]["summary"].replace(" ", "\x85", 1))),
    ("U+FFFE in a citation", NOT_READY, field("references.0.citation", "Test A.\ufffe A source of the figures")),
    ("a noncharacter beyond the first plane", NOT_READY, field("organisation", "Example \U0001ffff Trust")),
    ("a lone surrogate is written as a replacement character", READY, field("organisation", "Example \ud800 Trust")),
    ("a web address with brackets and a query", READY, field("references.0.url", "https://a.org/x_(y)?q=1&r=2#f")),
    ("> in a web address", NOT_READY, field("references.0.url", "https://a.org/x>y")),
    ("a quote in a web address", NOT_READY, field("references.0.url", 'https://a.org/"x"')),
    ("a space in a web address", NOT_READY, field("references.0.url", "https://a.org/x y")),
    ("a web address without https://", NOT_READY, field("references.0.url", "www.a.org")),
    ("a javascript: web address", NOT_READY, field("references.0.url", "javascript:alert(1)")),
    ("a DOI", READY, field("references.0.doi", "10.1016/S0140-6736(13)60000-X")),
    ("> in a DOI", NOT_READY, field("references.0.doi", "10.1000/a>b")),
    ("a line break inside a DOI", NOT_READY, field("references.0.doi", "10.1000/a\u2028b")),
    ("a trailing line break after a DOI is trimmed", READY, field("references.0.doi", "10.1000/ab\n")),
    ("a trailing line break after an email is trimmed", READY, field("contact.email", "a.person@example.nhs.uk\n")),
    ("an email with a space", NOT_READY, field("contact.email", "a person@example.nhs.uk")),
    ("an email in angle brackets", NOT_READY, field("contact.email", "<a.person@example.nhs.uk>")),
    ("an email with an apostrophe", READY, field("contact.email", "o'neil@example.nhs.uk")),
    ("a contact with an email only", NOT_READY,
     field("contact", {"name": "", "role": "", "team": "", "email": "a.person@example.nhs.uk"})),
    ("a contact with a role only", NOT_READY, field("contact", {"name": "", "role": "Ward sister", "team": "",
                                                                 "email": ""})),
    ("a contact that is a team", READY,
     field("contact", {"name": "", "role": "", "team": "Staff Wellbeing Team", "email": "wellbeing@example.nhs.uk"})),
    ("no contact", READY, field("contact", {"name": "", "role": "", "team": "", "email": ""})),
    ("a partner without a type", NOT_READY, field("partners.0.type", "")),
    ("a partner's type that is not an organisation type", NOT_READY, field("partners.0.type", "prison")),
    ("no partners", READY, field("partners", [{"name": "", "type": ""}])),
    ("a first publication dated by its year", READY, field("first_published.date", "2023")),
    ("a first publication dated to the day", READY, field("first_published.date", "2023-02-28")),
    ("a first publication with no such month", NOT_READY, field("first_published.date", "2023-13")),
    ("a first publication dated in words", READY, field("first_published.date", "February 2023")),
    ("a first publication dated by month and year, month first", READY, field("first_published.date", "02/2023")),
    ("a first publication in a month that does not exist", NOT_READY, field("first_published.date", "13/2023")),
    ("an undated first publication read on a day", READY,
     field("first_published", {"publisher": "NHS England", "title": "Listening rounds", "url": "", "date": "",
                               "accessed": "2026-11-27"})),
    ("a first publication read on no such day", NOT_READY, field("first_published.accessed", "2026-02-30")),
    ("a first publication without its publisher", NOT_READY, field("first_published.publisher", "")),
    ("a first publication without its title", NOT_READY, field("first_published.title", "")),
    ("no first publication", READY,
     field("first_published", {"publisher": "", "title": "", "url": "", "date": "", "accessed": ""})),
    ("no Leading Change, Adding Value commitment", READY, field("lcav_commitments", [])),
    ("29 February in a leap year", READY, field("updated", "2024-02-29")),
    ("29 February in another year", NOT_READY, field("updated", "2023-02-29")),
    ("29 February in another year, day first", NOT_READY, field("updated", "29/02/2023")),
    ("the year 0", NOT_READY, field("updated", "0000-01-01")),
    ("a date written day first", READY, field("updated", "01/05/2024")),
    ("a date typed as eight digits, day first", READY, field("updated", "01052024")),
    ("a date with the month in words", READY, field("updated", "1 May 2024")),
    ("a date without leading zeros", NOT_READY, field("updated", "2024-5-1")),
    ("a date with a two-digit year", NOT_READY, field("updated", "01/05/24")),
    ("the hub's own date, whatever the draft held", READY, field("published", "not a date")),
    ("an optional date left empty", READY, field("updated", "")),
    ("no title", NOT_READY, field("title", "")),
    ("no setting chosen", NOT_READY, field("settings", [])),
    ("an undated reference", READY,
     changes(field("references.0.year", ""), section("What we wrote (Test A n.d.).", "Where to look"))),
    ("an undated reference read on a day", READY, changes(
        field("references.0", {"citation": "NHS England. A web page", "year": "", "url": "https://example.org/b",
                               "accessed": "2026-11-27", "doi": ""}),
        section("What we wrote (NHS England n.d.).", "Where to look"))),
    ("a reference read on a day written day first", READY, field("references.0.accessed", "27/11/2026")),
    ("no references", READY, changes(
        field("references", [{"citation": "", "year": "", "url": "", "accessed": "", "doi": ""}]),
        section("What we wrote.", "Where to look"))),
    ("a reference year in words", NOT_READY, field("references.0.year", "twenty")),
    ("a reference year before 1900", NOT_READY, field("references.0.year", "1899")),
    ("a reference with a web address only", NOT_READY,
     field("references.0", {"citation": "", "year": "", "url": "https://a.org", "accessed": "", "doi": ""})),
    ("a TODO placeholder in a field", NOT_READY, field("organisation", "TODO: the organisation")),
    ("a TODO placeholder in a reference", NOT_READY, field("references.0.citation", "TODO: a citation")),
    ("a TODO paragraph in a section", NOT_READY, section("We met weekly.\n\nTODO: say more")),
    ("a TODO list item in a section", NOT_READY, section("We met weekly.\n\n- TODO")),
    ("TODO within a sentence", READY, section("We left nothing TODO by the end.")),
    ("a tab, a line separator and a list in a section", READY, section("We met:\n\n- weekly\n- \tin\u2028pairs")),
    ("a control character in a section", NOT_READY, section("We met\x0c weekly.")),
    ("a heading in a section", NOT_READY, section("# Our own heading")),
    ("an underlined heading in a section", NOT_READY, section("Our own heading\n===")),
    ("HTML in a section", NOT_READY, section("We met <b>weekly</b>.")),
    ("a processing instruction in a section", NOT_READY, section("We met <?php echo 1; ?> weekly.")),
    ("an attribute list with the theme's id", NOT_READY, section("We met weekly.\n{: #__config }")),
    ("an attribute list with a hub class", NOT_READY, section("We met weekly. {: class='x HUB-share' }")),
    ("an attribute list with names of our own", READY, section("We met weekly.\n{: #our-notes .wide }")),
    ("a link to a web page", READY, section("See [the report](https://example.org/report).")),
    ("an email link", READY, section("Write to [us](mailto:a.person@example.nhs.uk).")),
    ("a link to an approach", READY, section("We ran [huddles](../approaches/peer-huddles.md#what-it-is).")),
    ("a link to a missing file", NOT_READY, section("See [the notes](../approaches/notes.md).")),
    ("a javascript: link", NOT_READY, section("See [this](javascript:alert(1)).")),
    ("a javascript: link by reference", NOT_READY, section("See [this][x].\n\n[x]: JavaScript:alert(1)")),
    ("staff groups", READY, field("staff_groups", ["nurses", "control-room-staff"])),
    ("an approach not listed beside one with a page", READY, field("other_approaches", "Balint groups")),
    ("only approaches not listed", READY,
     changes(field("approaches", []), field("other_approaches", "Balint groups\nWalking debriefs"))),
    ("no approach at all", NOT_READY, field("approaches", [])),
    ("an approach not listed that has a page", NOT_READY, field("other_approaches", "STAFF  huddles")),
    ("an approach not listed by its file name", NOT_READY, field("other_approaches", "peer-huddles")),
    ("an approach not listed of one character", NOT_READY, field("other_approaches", "B")),
    ("an approach not listed of 81 characters", NOT_READY, field("other_approaches", "B" * 81)),
    ("a section the source does not report", READY, section("The source does not\nreport this.")),
    ("every section the source does not report", NOT_READY,
     changes(every_section(NOT_REPORTED), field("references", []))),
    ("a section of only a comment", NOT_READY, section("<!-- to write -->")),
    ("a section of only a rule", NOT_READY, section("* * *")),
    ("a section of only a link definition", NOT_READY, section("[x]: https://example.org/x")),
    ("a citation with no reference", NOT_READY, section("We met weekly (Maben et al. 2018).")),
    ("a reference the text does not cite", NOT_READY, section("What we wrote.", "Where to look")),
    ("a citation only in the summary", READY, changes(
        section("What we wrote.", "Where to look"), field("summary", BASE["fields"]["summary"] + " (Test A 2023)"))),
    ("several citations, a corporate author and et al", READY, changes(
        field("references", [{"citation": "NHS England. A plan", "year": "2021", "url": "", "doi": ""},
                             {"citation": "Test A, Test B, Test C. A study", "year": "2023", "url": "", "doi": ""}]),
        section("We met (see NHS England 2021; Test A et al 2023, p. 4).", "Where to look"))),
    ("the second of two authors not in the reference", NOT_READY, section("We met (Test A and Smith 2023).")),
    ("a citation in code is not read", READY, section("We met weekly.\n\n```\n(Nobody 2000)\n```")),
    ("a date in brackets is no citation", READY, section("We met weekly (March 2019).")),
    ("the title of a case study already on the hub", NOT_READY, field("title", "huddles on a busy surgical ward")),
    ("that title with a zero-width space and two spaces", NOT_READY,
     field("title", "Huddles on a busy\u200b  surgical ward")),
    ("that title with a long s", NOT_READY, field("title", "HUDDLES ON A BUſY SURGICAL WARD")),
    ("a file over the size limit", NOT_READY, section("Too long. " * 100_001)),
    ("a title whose file name is the listing's address", NOT_READY, field("title", "Index — ★ ★ ★ ★")),
    ("that title with more words", READY, field("title", "Index of listening rounds")),
    ("a '[' never closed", NOT_READY, section("We met [weekly, sometimes more.")),
    ("a '[' written as text", READY, section("We met \\[weekly, sometimes more.")),
    ("a link's address never closed", NOT_READY, section("See [the report](https://example.org/report.")),
    ("a '<' and a letter with no '>' on the line", NOT_READY, section("Waits fell from <6 weeks to <b days.")),
    ("a '<' and a space", READY, section("Waits fell to < 6 weeks.")),
    *limit_rows("brackets nested", slow_markdown.MAX_BRACKET_DEPTH,
                lambda n: "We met " + "[" * n + "weekly" + "]" * n + "."),
    *limit_rows("markup in a paragraph", slow_markdown.MAX_MARKUP_PER_PARAGRAPH,
                lambda n: "We met *weekly* " * (n // 2) + "& more" * (n % 2)),
    *limit_rows("braces in a paragraph", slow_markdown.MAX_BRACES_PER_PARAGRAPH, lambda n: "We met {weekly} " * n),
    *limit_rows("definitions in a paragraph", slow_markdown.MAX_BREAKS_PER_PARAGRAPH,
                lambda n: "Rounds\n" + ": a time to listen\n" * n),
    *limit_rows("quotes nested", slow_markdown.MAX_NESTING, lambda n: "> " * n + "We met weekly."),
    *limit_rows("rules in the file", slow_markdown.MAX_HEADINGS - len(BASE["sections"]),
                lambda n: "We met weekly.\n\n" + "---\n\n" * n),
    *limit_rows("lines in the file", slow_markdown.MAX_LINES - lines_in_body("How to change"),
                lambda n: "We met weekly.\n" * n),
    *limit_rows("table bars in the file", slow_markdown.MAX_MARKUP,
                lambda n: "\n\n".join(["We met | weekly " * 250] * (n // 250) + ["| " * (n % 250)])),
]


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory) -> dict[str, dict]:
    """What the form writes and says for every row, from one run of Node."""
    root = make_repo(tmp_path_factory.mktemp("spec") / "repo")
    spec = contribute.form_spec(loader.load(root))
    states = []
    for _name, _ready, change in ROWS:
        state = copy.deepcopy(BASE)
        change(state)
        states.append(state)
    result = subprocess.run([tools.NODE, "--input-type=module", "-e", RUN],
                            input=json.dumps({"spec": spec, "states": states}), capture_output=True, text=True, check=True)
    return dict(zip((name for name, _ready, _change in ROWS), json.loads(result.stdout)))


def test_the_base_state_names_every_field_and_section_of_the_form(tmp_path):
    spec = contribute.form_spec(loader.load(make_repo(tmp_path / "repo")))
    assert list(BASE["fields"]) == [f["name"] for f in spec["fields"]]
    titles = [s["title"] for top in spec["sections"] for s in (top, *top["subsections"])]
    assert sorted(BASE["sections"]) == sorted(titles)


@pytest.mark.parametrize("name,ready", [(name, ready) for name, ready, _change in ROWS])
def test_the_form_is_ready_exactly_when_the_check_accepts_its_file(name, ready, verdicts, tmp_path):
    written = verdicts[name]
    root = make_repo(tmp_path / "repo")
    write_entry(root, f"case_studies/{written['file']}", written["text"])
    found = [str(problem) for problem in loader.load(root).problems]
    assert (not written["problems"], not found) == (ready, ready), (written["problems"], found)
