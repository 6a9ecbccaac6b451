"""Hostile text in every free-text field of every kind reaches the built site as text, and only as text.

Each hostile string goes into every field of an entry of each kind that takes free text, and into
its body. Whatever the check refuses is put back as it was, so the build gets everything the check
accepts. The built pages are then parsed as a browser parses them (html5lib follows the HTML
standard), the feeds and data files with their own parsers, and each must hold the strings as text:
no element, attribute, script, redirect or list that the entry did not ask for as text.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlencode
from xml.etree import ElementTree

import html5lib
import pytest
import tools
import yaml
from conftest import ROOT, build
from playwright.sync_api import expect

from hooks.checks import loader
from hooks.model import fields
from hooks.model.schema import data_kinds, kinds
from hooks.pages import browse
from hooks.read.frontmatter import read, read_yaml

_ATOM = "http://www.w3.org/2005/Atom"
MARK = "pwned"
"""In every hostile string, so whatever it turns into can be found."""
SLUG_ID = re.compile(r"#?[a-z0-9_-]+")
"""A heading's id, or a link to it: the engine makes it of letters, digits and hyphens only."""
MAILTO = re.compile(r"mailto:[A-Za-z0-9@.+_%-]+")
"""An email link with everything but an address's own characters percent-encoded: it can carry no markup."""

HOSTILE = [
    f"</title><script>window.{MARK}=1</script>",
    f'"><meta http-equiv="refresh" content="0;url=https://{MARK}.example/">',
    f"' onmouseover='{MARK}()' data-x='",
    f"<img src=x onerror={MARK}()><svg onload={MARK}()>",
    f"&lt;script&gt;{MARK}()&lt;/script&gt; &amp; &#60;b&#62; &#x3C;i&#x3E;",
    f"2019. {MARK} list",
    f"- {MARK} item",
    f": {MARK} definition",
    f"# {MARK} heading",
    f"{{: #__config .md-header }} {MARK}",
    f"[{MARK}](javascript:alert(1)) <javascript:{MARK}()>",
    f"<!-- --><script>{MARK}()</script>",
    f"]]><{MARK}/><![CDATA[",
    f"{{{{ {MARK} }}}} {{% raw %}} ${{{MARK}}}",
    f"`{MARK}` *{MARK}* _{MARK}_ ~~{MARK}~~",
    f"{MARK} first line\n## {MARK} heading\n\n- {MARK} item",
    f"{MARK} \x01 control \x1b[31m \ufffe \u2028 separated",
    f"=HYPERLINK(\"https://{MARK}.example\") +{MARK} @{MARK}",
    f"\x3cscript\x3e{MARK}()\x3c/script\x3e",
]
"""Script, attribute break-out, entities, Markdown structure, template syntax, XML, control characters,
line breaks and spreadsheet formulas. The last is written in the YAML with `\\x3c` escapes, which hide
the `<` from a reviewer reading the file."""

HOSTILE_LABEL = f"</title><script>{MARK}()</script> \"><b id={MARK}> 2019. Palliative & <i>end</i> of life"
HOSTILE_CONTACT = f"team@example.org\"><img src=x onerror={MARK}()>[x](javascript:{MARK}) <{MARK}@x.org>"
"""The hub team's contact address, as the site's configuration could be changed to give it."""
"""A vocabulary's label: the hub's own file, but its values reach the same pages and data."""

SAMPLES = {"case_study": "case_studies/improvement-labs-compassionate-care.md",
           "approach": "approaches/schwartz-rounds.md", "instrument": "readiness/organisational.yml"}
ADDED = {"case_study": {
    "first_published": {"publisher": "NHS England", "title": "Improvement Labs", "url": "https://example.org/first",
                        "date": "2019-03"},
    "partners": [{"name": "Example University", "type": "university"}],
    "contact": {"name": "A Person", "team": "Staff Wellbeing Team"},
}}
"""Fields a sample may lack, given to its hostile copies so that every free-text field of the kind is tried."""
NEW_FREE_TEXT = {("first_published", "publisher"), ("first_published", "title"), ("partners", 0, "name"),
                 ("contact", "team")}
ALL_KINDS = {**kinds(), **data_kinds()}


class _Quoted(yaml.SafeDumper):
    """Writes every string double-quoted, so characters YAML cannot show plainly are escaped."""


_Quoted.add_representer(str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def _free_text(kind_name: str, parts: tuple) -> bool:
    """A field a contributor writes in their own words: no vocabulary, entry, format or pattern."""
    chain = fields.at(ALL_KINDS[kind_name], parts)
    field = chain[-1] if chain else None
    return field is not None and "string" in (field.type, field.item_type) and not (
        field.vocabulary or field.entries or field.format or field.pattern)


def _leaves(data, parts=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, parts + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, parts + (index,))
    elif isinstance(data, str):
        yield parts


def _set(data, parts: tuple, value) -> None:
    for part in parts[:-1]:
        data = data[part]
    data[parts[-1]] = value


def _get(data, parts: tuple):
    for part in parts:
        data = data[part]
    return data


def _parts(field_path: str) -> tuple:
    return tuple(int(index) if index else name for name, index in re.findall(r"(\w+)|\[(\d+)\]", field_path))


class Hostile:
    """One entry of a kind with one hostile string in each of its free-text fields and its body."""

    def __init__(self, root: Path, kind_name: str, number: int, text: str):
        self.kind_name, self.text = kind_name, text
        sample = SAMPLES[kind_name]
        folder, suffix = sample.rsplit("/", 1)[0], Path(sample).suffix
        self.path = f"{folder}/hostile-{number}{suffix}"
        self.file = root / self.path
        raw = (ROOT / sample).read_bytes()
        doc = read_yaml(sample, raw) if suffix == ".yml" else read(sample, raw)
        self.original, self.original_body = doc.data, doc.body
        self.original["title"] += f" (copy {number})"  # names must differ from the sample's
        self.original.pop("aliases", None)
        for name, value in ADDED.get(kind_name, {}).items():
            given = self.original.setdefault(name, value)
            if isinstance(given, dict):
                self.original[name] = {**value, **given}
        if kind_name == "case_study":  # the sample names no approach without a page; its copies name one each
            self.original["other_approaches"] = [f"Approach without a page {number}"]
        self.data = json.loads(json.dumps(self.original))
        self.hostile = {parts for parts in _leaves(self.data) if _free_text(kind_name, parts)}
        for parts in self.hostile:
            _set(self.data, parts, text)
        if ("other_approaches", 0) in self.hostile:  # not the approach copies' title, which has a page
            _set(self.data, ("other_approaches", 0), f"{text} scheme")
        self.body = None
        if suffix == ".md":
            heading = re.search(r"^## .*\n", doc.body, re.MULTILINE)
            self.body = doc.body[:heading.end()] + f"\n{text}\n" + doc.body[heading.end():]
        self.write()

    def write(self) -> None:
        fields_text = yaml.dump(self.data, Dumper=_Quoted, allow_unicode=True, sort_keys=False, width=10**6)
        if "\x3c" in self.text and self.text == HOSTILE[-1]:
            fields_text = fields_text.replace("<", "\\x3c")
        body = self.body if self.body is not None else self.original_body
        self.file.write_text(f"---\n{fields_text}---\n{body}" if self.file.suffix == ".md" else fields_text,
                             encoding="utf-8")

    def put_back(self, field_path: str) -> bool:
        """Undo what the check refused at `field_path`; False if there was nothing of ours to undo."""
        if field_path == "body" and self.body is not None:
            self.body = None
            return True
        prefix = _parts(field_path)
        refused = {parts for parts in self.hostile if parts[:len(prefix)] == prefix}
        for parts in refused:
            _set(self.data, parts, _get(self.original, parts))
        self.hostile -= refused
        return bool(refused)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The real repository with a hostile entry of each kind per string, built as the site is."""
    root = tmp_path_factory.mktemp("hostile") / "repo"
    for folder in ("approaches", "case_studies", "readiness", "hooks"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    vocabularies = root / "hooks/model/vocabularies.yml"
    vocabularies.write_text(vocabularies.read_text(encoding="utf-8").replace(
        "{label: Palliative and end of life care}", "{label: " + json.dumps(HOSTILE_LABEL) + "}"), encoding="utf-8")
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        'contact: ""', "contact: " + json.dumps(HOSTILE_CONTACT), 1), encoding="utf-8")
    entries = [Hostile(root, kind_name, number, text)
               for kind_name in SAMPLES for number, text in enumerate(HOSTILE)]
    by_path = {entry.path: entry for entry in entries}
    problems = loader.load(root).problems
    for _ in range(6):
        undone = [by_path[problem.path].put_back(problem.field) for problem in problems if problem.path in by_path]
        if not any(undone):
            break
        for entry in entries:
            entry.write()
        problems = loader.load(root).problems
    assert problems == []
    site = root.parent / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stderr
    return site, entries


@functools.cache
def _dom(file: Path):
    """A built page parsed as a browser parses it, once for all the tests that read it."""
    return html5lib.parse(file.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def _text(element) -> str:
    """The text a reader sees: every text node outside scripts and styles, spaces as a browser shows them."""
    parts = []

    def visit(node):
        if node.tag in ("script", "style", "template") or "headerlink" in node.get("class", ""):
            return
        parts.append(node.text or "")
        for child in node:
            visit(child)
            parts.append(child.tail or "")

    visit(element)
    return " ".join("".join(parts).split())


def _shown(text: str) -> str:
    return " ".join(text.split())


def test_every_kind_takes_hostile_text_in_many_fields(hostile_site):
    _, entries = hostile_site
    for kind_name in SAMPLES:
        accepted = [entry for entry in entries if entry.kind_name == kind_name and entry.hostile]
        assert len(accepted) >= len(HOSTILE) // 2, f"the check refused almost every hostile {kind_name}"


def test_no_page_holds_markup_a_hostile_string_asked_for(hostile_site):
    site, _ = hostile_site
    for file in sorted(site.rglob("*.html")):
        where, dom = file.relative_to(site), _dom(file)
        for element in dom.iter():
            assert element.tag != MARK, where
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), f"{where}: <{element.tag} {name}={value!r}>"
                if MARK in value and not SLUG_ID.fullmatch(value) and not (name == "href" and MAILTO.fullmatch(value)):
                    assert name in ("content", "title", "alt", "aria-label", "value") or name.startswith("data-"), \
                        f"{where}: <{element.tag} {name}={value!r}>"
            if element.tag == "script":
                assert MARK not in (element.text or "") + element.get("src", ""), where
            if element.tag == "meta" and element.get("http-equiv"):
                assert element.get("http-equiv") == "Content-Security-Policy", where
            if element.tag == "a":
                assert not element.get("href", "").lower().startswith("javascript:"), where
            if element.tag == "img":
                assert element.get("src") != "x", where
        assert len(dom.findall(".//*[@id='__config']")) <= 1, where
        assert not [element for element in dom.iter() if MARK in element.get("class", "")], where


def test_hostile_text_goes_through_first_publication_partners_and_a_team(hostile_site):
    _, entries = hostile_site
    taken = {parts for entry in entries if entry.kind_name == "case_study" for parts in entry.hostile}
    assert NEW_FREE_TEXT <= taken


def test_titles_and_summaries_reach_the_head_and_the_page_as_written(hostile_site):
    site, entries = hostile_site
    for entry in entries:
        if entry.kind_name == "instrument":
            continue
        directory = ALL_KINDS[entry.kind_name].site_directory
        dom = _dom(site / directory / Path(entry.path).stem / "index.html")
        title, summary = entry.data["title"], entry.data["summary"]
        assert _text(dom.find(".//title")) == f"{_shown(title)} - Shared Learning Hub"
        assert _text(dom.find(".//h1")) == _shown(title)
        assert _shown(dom.find(".//meta[@name='description']").get("content")) == _shown(summary)
        assert _shown(summary) in _text(dom.find(".//article"))


def test_each_accepted_string_shows_as_text_on_its_entrys_pages(hostile_site):
    site, entries = hostile_site
    for entry in entries:
        if not entry.hostile:
            continue
        stem = Path(entry.path).stem
        folder = site / ALL_KINDS[entry.kind_name].site_directory / stem
        pages = [folder / "index.html"] + ([site / "readiness/checklists" / stem / "index.html"]
                                          if entry.kind_name == "approach" else [])
        shown = " ".join(_text(_dom(page).find(".//article")) for page in pages)
        assert _shown(entry.text) in shown, (entry.path, entry.text)


def test_names_of_approaches_without_a_page_reach_the_finder_as_text(hostile_site):
    site, entries = hostile_site
    named = [entry for entry in entries if ("other_approaches", 0) in entry.hostile]
    assert named, "the check refused every hostile name of an approach without a page"
    listed = json.loads((site / "entries.json").read_text(encoding="utf-8"))
    labels = {option["label"] for facet in listed["facets"] for option in facet["options"]}
    assert {f"{entry.data['other_approaches'][0]} ({browse.NO_PAGE})" for entry in named} <= labels
    pages = [site / "case-studies/index.html", *sorted(site.glob("case-studies/page/*/index.html"))]
    cards = " ".join(_text(_dom(page).find(".//article")) for page in pages)
    assert all(_shown(f"{entry.data['other_approaches'][0]} ({browse.NO_PAGE})") in cards for entry in named)
    finder = json.loads((site / "case-studies/finder.json").read_text(encoding="utf-8"))
    offered = {option.get("name") for facet in finder["facets"] for option in facet["options"]}
    offered |= {name for study in finder["studies"] for name in study.get("names", {}).values()}
    assert {entry.data["other_approaches"][0] for entry in named} <= offered
    titles = {study["title"] for study in finder["studies"]}
    assert {entry.data["title"] for entry in entries if entry.kind_name == "case_study"} <= titles


def test_the_finder_draws_hostile_cards_as_text(hostile_site, page, tmp_path):
    """The finder's script draws the cards of a filtered view from finder.json: each string as text, nothing run."""
    built, entries = hostile_site
    site = tmp_path / (tools.SITE_PATH.strip("/") or "site")  # served at the path it is built for
    site.symlink_to(built)
    named = {Path(entry.path).stem: entry for entry in entries if ("other_approaches", 0) in entry.hostile}
    facet = browse.facet("approaches")
    query = urlencode([(facet.key, browse.unlisted_value(entry.data["other_approaches"][0])) for entry in named.values()])
    with tools.serve(site) as url:
        page.goto(f"{url}case-studies/?{query}")
        page.locator("#hub-finder [role=status]:not(:empty)").wait_for()
        drawn = dict(page.eval_on_selector_all(".hub-card", "cards => cards.map(c => [c.id.slice(5), c.innerText])"))
        assert drawn and set(drawn) <= set(named)
        for slug, text in drawn.items():
            entry = named[slug]
            assert _shown(entry.data["other_approaches"][0]) in _shown(text), slug
            assert ("title",) not in entry.hostile or _shown(entry.data["title"]) in _shown(text), slug
        assert page.evaluate(f"window.{MARK}") is None and page.locator(MARK).count() == 0


def test_a_vocabulary_label_shows_as_text_where_its_value_is_used(hostile_site):
    site, _ = hostile_site
    dom = _dom(site / "case-studies/improvement-labs-compassionate-care/index.html")
    assert _shown(HOSTILE_LABEL) in _text(dom.find(".//article"))


def test_the_contact_address_shows_as_text_and_mails_exactly_that_address(hostile_site):
    site, _ = hostile_site
    dom = _dom(site / "contact/index.html")
    assert _shown(HOSTILE_CONTACT) in _text(dom.find(".//article"))
    mail = [unquote(a.get("href")) for a in dom.iter("a") if a.get("href", "").startswith("mailto:")]
    assert mail == ["mailto:" + HOSTILE_CONTACT]


def test_the_feeds_and_data_files_parse_and_hold_the_strings_as_text(hostile_site):
    site, entries = hostile_site
    studies = [entry for entry in entries if entry.kind_name == "case_study" and ("title",) in entry.hostile]
    atom = ElementTree.parse(site / "feed.xml").getroot()
    names = [element.tag.rsplit("}", 1)[-1] for element in atom.iter()]
    assert MARK not in names
    titles = {element.text for element in atom.iter(f"{{{_ATOM}}}title")}
    readable = [entry for entry in studies if "\x01" not in entry.text and "\ufffe" not in entry.text]
    assert readable and all(entry.data["title"] in titles for entry in readable)

    sources = [entry.data["first_published"] for entry in entries if entry.kind_name == "case_study"
               and ("first_published", "publisher") in entry.hostile and not {"\x01", "\ufffe"} & set(entry.text)]
    contents = " ".join(element.text for element in atom.iter(f"{{{_ATOM}}}content"))
    assert sources and all(f"First published by {source['publisher']} as “{source['title']}”" in contents
                           for source in sources)

    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert {entry.data["title"] for entry in studies} <= {item["title"] for item in feed["items"]}
    contents = " ".join(item["content_text"] for item in feed["items"])
    assert all(f"First published by {source['publisher']} as “{source['title']}”" in contents for source in sources)
    listed = json.loads((site / "entries.json").read_text(encoding="utf-8"))
    assert {entry.data["title"] for entry in studies} <= {study["title"] for study in listed["case_studies"]}
    form = json.loads((site / "contributing/share-form.json").read_text(encoding="utf-8"))
    assert {entry.data["title"] for entry in studies} <= {taken["title"] for taken in form["taken"]}
    approaches = [entry for entry in entries if entry.kind_name == "approach" and ("title",) in entry.hostile]
    instrument = json.loads((site / "readiness/organisational/instrument.json").read_text(encoding="utf-8"))
    assert approaches and {entry.data["title"] for entry in approaches} <= \
        {checklist["title"] for checklist in instrument["checklists"].values()}, "the checklists' data holds them"
    rows = list(csv.reader(io.StringIO((site / "case-studies.csv").read_text(encoding="utf-8-sig"))))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert any(cell == "'" + HOSTILE[17] for row in rows for cell in row)


def test_approach_titles_and_providers_reach_the_comparison_and_the_gap_map_as_text(hostile_site):
    site, entries = hostile_site
    compared = _text(_dom(site / "compare-approaches/index.html").find(".//article"))
    mapped = _text(_dom(site / "evidence-and-gap-map/index.html").find(".//article"))
    approaches = [entry for entry in entries if entry.kind_name == "approach" and ("title",) in entry.hostile]
    assert approaches, "the check refused every hostile approach title"
    column = next(column for column in browse.comparison_columns() if column.field == browse.PROVIDERS)
    providers = [name for entry in approaches
                 for name, _role in browse.comparison_cell(SimpleNamespace(data=entry.data), column).values]
    assert any(name == entry.text for name in providers for entry in approaches), "no hostile provider was shown"
    for entry in approaches:
        assert _shown(entry.data["title"]) in compared and _shown(entry.data["title"]) in mapped
    assert all(_shown(name) in compared for name in providers)


def test_the_share_forms_preview_shows_hostile_labels_and_titles_as_text(hostile_site, page):
    """The form offers the vocabularies' labels and the approaches' titles, and its preview shows those chosen."""
    site, _ = hostile_site
    with tools.serve(site, path=f"/{site.name}/") as url:
        page.goto(url + "contributing/share/")
        page.locator("#hub-field-settings").get_by_label(HOSTILE_LABEL, exact=True).check()
        approaches = page.locator("#hub-field-approaches input")
        approaches.evaluate_all("boxes => boxes.forEach(box => box.click())")
        titles = page.locator("#hub-field-approaches label").all_inner_texts()
        preview = page.locator("#hub-share-page")
        expect(preview.locator("dt", has_text="Settings").locator("+ dd")).to_have_text(HOSTILE_LABEL)
        expect(preview.locator("dt", has_text="Approaches").locator("+ dd")).to_have_text(", ".join(titles))
        assert any(MARK in title for title in titles)
        assert preview.locator(f"script, img, b, i, #{MARK}").count() == 0
