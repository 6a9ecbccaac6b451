"""A synthetic corpus of approaches and case studies, the same for the same seed.

Tests and benchmarks need many entries that look like real ones (about 1,200 words of case
study text, every field filled, values spread over every vocabulary) without depending on the
real content, which people are still writing. Every value comes from the vocabularies and the
sections from the schemas, so the corpus stays valid when those change. Some case studies name an
approach the hub has no page for, or only such approaches; some leave out the staff groups; some have
a section their source does not report, in the standard sentence; each cites its references in the
text, and links to the approaches it used and to another case study, some links to a section of the page;
every fourth shows a figure kept with the hand-written pages.

    from corpus import write_corpus
    corpus = write_corpus(root, case_studies=1000)   # into root/approaches and root/case_studies
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from hooks.checks.sections import NOT_REPORTED
from hooks.model import settings
from hooks.model.schema import Kind, Section, kinds, vocabularies

SEED = 20261125
CASE_STUDY_WORDS = 1200
FIGURE = "images/synthetic-figure.svg"
"""A figure in the hand-written pages' folder, which every fourth case study shows."""
_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>\n'

_PLACES = ["Ashby", "Barrowford", "Carrick", "Dunmore", "Eastleigh", "Fernhill", "Glenbrook", "Harwood",
           "Ingleby", "Juniper Vale", "Kingsmere", "Larkfield", "Moorside", "Northbridge", "Oakhampton",
           "Pennington", "Queensbury", "Ravensworth", "Stonebridge", "Thornbury", "Upton Heath", "Westmere"]
_FIRST = ["Harbour", "Lantern", "Meadow", "Compass", "Anchor", "Beacon", "Willow", "Keystone", "Hearth",
          "Riverside", "Skylark", "Tideway"]
_SECOND = [("Listening", "Rounds"), ("Reflection", "Circles"), ("Kindness", "Huddles"), ("Resilience", "Labs"),
           ("Support", "Sessions"), ("Compassion", "Forums"), ("Wellbeing", "Walks"), ("Story", "Groups"),
           ("Supervision", "Model"), ("Debrief", "Cafés"), ("Renewal", "Programme"), ("Courage", "Conversations")]
_ALIAS_WORDS = ["RESTORE", "EQUIP", "SUSTAIN", "REVIVE", "NURTURE", "SHELTER", "KINDLE", "STEADY", "GATHER",
                 "RELIEVE", "UPLIFT", "ATTEND"]
"""Programme names like A-EQUIP: a letter, a hyphen and a word found nowhere else in the corpus."""
_OPENINGS = ["Staff told us", "Our survey showed", "Ward leaders noticed", "Exit interviews suggested",
             "The freedom to speak up guardian reported", "Sickness records showed", "Patients' families said",
             "Team meetings kept returning to the fact", "Our education team found", "The matrons agreed"]
_MIDDLES = ["that people felt too rushed to talk about the hardest moments of a shift",
            "that new starters did not know where to turn after a difficult death",
            "that handovers left little room for anything but tasks",
            "that the same few colleagues carried most of the emotional load",
            "that night staff rarely took part in anything offered in the day",
            "that managers wanted a simple way to check on their teams",
            "that compassion for patients depended on compassion for each other",
            "that short, regular conversations mattered more than long annual events",
            "that protected time was the first thing lost when the unit was busy",
            "that people valued hearing how colleagues in other roles coped"]
_CLOSINGS = ["so we planned the sessions around shift patterns", "and we measured it again after six months",
             "which the board agreed to support for a year", "and facilitators met monthly to compare notes",
             "so we kept the sessions short and predictable", "and we asked every participant for feedback",
             "which helped us make the case for protected time", "and the results are summarised below"]


@dataclass
class Corpus:
    """What was written: slugs by kind, and each approach's names, for tests to look for."""

    root: Path
    approaches: list[str] = field(default_factory=list)
    case_studies: list[str] = field(default_factory=list)
    names: dict[str, dict] = field(default_factory=dict)
    """Approach slug -> {"title": ..., "aliases": [...]}."""


def _values(name: str) -> list:
    return list(vocabularies()[name].values)


_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def _lexicon(seed: int, size: int = 4000) -> list[str]:
    """Made-up words standing for the long tail of real text (names, places, jargon).

    Text made only of a few stock sentences compresses far better than real writing, which
    would make the gzipped search index look smaller than it will be; a few thousand rarer
    words, used unevenly as real words are, bring the ratio near that of real case studies.
    Consonant-vowel syllables cannot spell the acronyms and words the search tests look for.
    """
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _sentence(rng: random.Random, extra: list[str], lexicon: list[str]) -> str:
    if rng.random() < 0.35:
        rare = [lexicon[int(len(lexicon) * rng.random() ** 2)] for _ in range(rng.randint(5, 10))]
        total = rng.randint(8, 60)
        return f"{' '.join(rare).capitalize()}: {rng.randint(1, total)} of {total} staff agreed."
    subject = rng.choice(extra) if extra and rng.random() < 0.3 else None
    text = f"{rng.choice(_OPENINGS)} {rng.choice(_MIDDLES)}, {rng.choice(_CLOSINGS)}."
    return text if subject is None else f"{text} We kept {subject} at the centre of this work."


def _section_text(rng: random.Random, words: int, extra: list[str], lexicon: list[str]) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng, extra, lexicon)
        if sentences and count + len(sentence.split()) > words:
            break
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)


def _flatten(sections: tuple[Section, ...], level: int = 2) -> list[tuple[int, Section]]:
    result = []
    for section in sections:
        result.append((level, section))
        result.extend(_flatten(section.subsections, level + 1))
    return result


def _body(rng: random.Random, sections: tuple[Section, ...], words: int, extra: list[str],
          lexicon: list[str], *, cited: list[dict], links: str = "", not_reported: int | None = None) -> str:
    """The sections with text, the first citing each of the `cited` references and ending with the `links`
    sentence, and the `not_reported`-th (counting sections without subsections from the last) saying, in the
    standard sentence, that the source does not report it."""
    flat = _flatten(sections)
    leaves = [s for _, s in flat if not s.subsections] or [s for _, s in flat]
    per_section = max(words // len(leaves), 10)
    silent = leaves[-1 - not_reported % (len(leaves) - 1)] if not_reported is not None else None
    citations = "; ".join(f"{ref['citation'].split('. ')[0]} {ref.get('year', 'n.d.')}" for ref in cited)
    parts = []
    for level, section in flat:
        parts.append(f"{'#' * level} {section.title}")
        if section is silent:
            parts.append(NOT_REPORTED)
        elif not section.subsections:
            parts.append(_section_text(rng, per_section, extra, lexicon))
            if citations or links:
                parts[-1] += f" The sources are listed below ({citations})." if citations else ""
                parts[-1] += f" {links}" if links else ""
                citations = links = ""
    return "\n\n".join(parts) + "\n"


def _links(targets: list[tuple[str, str, Kind]], index: int) -> str:
    """A sentence linking to each (title, path relative to the entry, kind) target, every third link to a section
    of the page: from the index, drawing nothing, so the rest of the corpus stays the same."""
    written = []
    for number, (title, path, kind) in enumerate(targets):
        section = kind.sections[(index + number) % len(kind.sections)].title
        anchor = "#" + re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-") if (index + number) % 3 == 0 else ""
        written.append(f"[{title}]({path}{anchor})")
    return f"See also {', '.join(written)}." if written else ""


def _front_matter(data: dict) -> str:
    """YAML front matter written as JSON flow values, which YAML reads as written."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _range(rng: random.Random, low: int, high: int) -> dict:
    smallest = rng.randint(low, high)
    return {"min": smallest, "max": smallest + rng.choice([0, 0, smallest // 2, smallest])}


def _approach(rng: random.Random, index: int) -> tuple[str, dict]:
    first = _FIRST[index % len(_FIRST)]
    middle, last = _SECOND[(index * 5) % len(_SECOND)]
    title = f"{first} {middle} {last}" + (f" {index // len(_FIRST) + 1}" if index >= len(_FIRST) else "")
    acronym = "".join(word[0] for word in title.split() if word[0].isalpha()).upper()
    number = str(index) if index >= len(_FIRST) else ""
    aliases = [acronym + number, f"{first[0]}-{_ALIAS_WORDS[index % len(_ALIAS_WORDS)]}{number}"]
    data = {
        "title": title,
        "aliases": aliases,
        "summary": f"{title} give staff a regular, protected space to {rng.choice(_MIDDLES).removeprefix('that ')}.",
        "format": rng.choice(_values("formats")),
        "group_size": _range(rng, 2, 12),
        "session_length_minutes": _range(rng, 15, 90),
        "frequency": rng.choice(_values("frequencies")),
        "facilitation": rng.choice(_values("facilitation")),
        "training": "Facilitators take a short course before they lead a session.",
        "cost_model": rng.sample(_values("cost_models"), rng.randint(1, 2)),
        "evidence_level": rng.choice(_values("evidence_levels")),
        "settings": rng.sample(_values("settings"), rng.randint(1, 4)),
        "staff_groups": rng.sample(_values("staff_groups"), rng.randint(1, 3)),
        "readiness": [{"id": "protected-time", "text": "Time for sessions is protected in the rota.",
                       "essential": True}],
        "references": [{"citation": f"Example A. An evaluation of {title}", "year": rng.randint(2010, 2025),
                        "url": "https://example.org/evaluation"},
                       {"citation": f"Example B. A second study of {title}", "year": rng.randint(2010, 2025),
                        "url": "https://example.org/second-study"}],
        "last_reviewed": "2026-11-25",
    }
    return title, data


def _case_study(rng: random.Random, index: int, approaches: dict[str, str]) -> dict:
    place = rng.choice(_PLACES)
    types = rng.sample(_values("organisation_types"), rng.choice([1, 1, 1, 2]))
    organisation = f"{place} {vocabularies()['organisation_types'].label(types[0])}"
    used = rng.sample(sorted(approaches), min(len(approaches), rng.choice([1, 1, 2, 3])))
    settings = rng.sample(_values("settings"), rng.choice([1, 1, 2, 3]))
    year = rng.randint(2016, 2025)
    data = {
        "title": f"{approaches[used[0]]} for {vocabularies()['settings'].label(settings[0]).lower()} "
                 f"staff in {place}, number {index + 1}",
        "summary": f"A team at {organisation} introduced {approaches[used[0]]} "
                   f"{rng.choice(_MIDDLES).replace('that ', 'after finding ', 1)}, {rng.choice(_CLOSINGS)}.",
        "organisation": organisation,
        "organisation_types": types,
        "settings": settings,
        "regions": rng.sample(_values("regions"), 1),
        "approaches": used,
        "lcav_commitments": sorted(rng.sample(_values("lcav_commitments"), rng.choice([1, 2]))),
        "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "references": [{"citation": f"{organisation}. Internal evaluation report", "year": year}],
    }
    if index % 4 == 3:  # many sources name no LCAV commitment; dropped after the draw, so the rest stay the same
        del data["lcav_commitments"]
    data.update(_provenance(index, place, data))
    if index % 3 != 2:  # nor does every source say which staff the work was for
        data["staff_groups"] = rng.sample(_values("staff_groups"), rng.choice([1, 1, 2]))
    if index % 5 == 1:  # an approach the hub has no page for yet, shared by the case studies of one place
        data["other_approaches"] = [f"{place} reflection scheme"]
    if index % 10 == 6:
        del data["approaches"]
    return data


def _provenance(index: int, place: str, data: dict) -> dict:
    """Where some case studies were first published (dated to the year, month or day, or undated), their
    partners, a team as contact and an undated reference: from the index, drawing nothing, so the rest of
    the corpus stays the same."""
    fields = {}
    if index % 3 == 0:
        precision = (index // 3) % 4
        source = {"publisher": f"{place} Learning Network", "title": data["title"],
                  "url": f"https://example.org/first/{index + 1}"}
        if precision < 3:
            source["date"] = data["published"][:(4, 7, 10)[precision]]
        else:
            source["accessed"] = data["published"]
        fields["first_published"] = source
    if index % 5 == 1:
        types = _values("organisation_types")
        fields["partners"] = [{"name": f"{_PLACES[(index + 1) % len(_PLACES)]} partner {index + 1}",
                               "type": types[index % len(types)]}]
    if index % 4 == 1:
        fields["contact"] = {"team": f"{place} Staff Wellbeing Team", "email": f"wellbeing{index + 1}@example.org"}
    if index % 6 == 5:
        fields["references"] = [{"citation": f"{data['organisation']}. Staff support web page",
                                 "url": f"https://example.org/support/{index + 1}", "accessed": data["published"]}]
    return fields


def write_corpus(root: Path, *, case_studies: int = 50, approaches: int = 10, seed: int = SEED,
                 words: int = CASE_STUDY_WORDS) -> Corpus:
    """Write `approaches` approaches and `case_studies` case studies of about `words` words under `root`."""
    rng = random.Random(seed)
    lexicon = _lexicon(seed)
    root = Path(root)
    corpus = Corpus(root)
    approach_kind, study_kind = kinds()["approach"], kinds()["case_study"]
    pages = settings.read(root).pages_folder
    _write(root / pages / FIGURE, _SVG)
    figure = f"![A figure of how the sessions ran](../{pages}/{FIGURE})"
    titles = {}
    for index in range(approaches):
        title, data = _approach(rng, index)
        slug = "synthetic-" + title.lower().replace(" ", "-").replace("é", "e")
        titles[slug] = title
        corpus.approaches.append(slug)
        corpus.names[slug] = {"title": title, "aliases": data["aliases"]}
        links = _links([(titles[other], f"{other}.md", approach_kind) for other in corpus.approaches[-2:-1]], index)
        body = _body(rng, approach_kind.sections, 300, [title], lexicon, cited=data["references"], links=links)
        _write(root / approach_kind.directory / f"{slug}.md", _front_matter(data) + body)
    for index in range(case_studies):
        data = _case_study(rng, index, titles)
        slug = f"synthetic-case-study-{index + 1:04d}"
        corpus.case_studies.append(slug)
        used = data.get("approaches", ())
        linked = [(titles[s], f"../{approach_kind.directory}/{s}.md", approach_kind) for s in used]
        linked += [("an earlier case study", f"{other}.md", study_kind) for other in corpus.case_studies[-2:-1]]
        body = _body(rng, study_kind.sections, words, [titles[s] for s in used], lexicon, cited=data["references"],
                     links=" ".join([_links(linked, index)] + ([figure] if index % 4 == 0 else [])),
                     not_reported=index // 2 if index % 2 else None)
        _write(root / study_kind.directory / f"{slug}.md", _front_matter(data) + body)
    return corpus


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
