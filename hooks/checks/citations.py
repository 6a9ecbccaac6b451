"""In-text citations and the references they stand for: each must match the other.

An entry cites a source in the text by author and year, in parentheses, as `(Wallbank 2013)`,
`(Maben et al. 2018)`, `(Dewar and Cook 2014)`, `(NHS England 2021)` for a corporate author, or
`(NHS England n.d.)` for an undated source; several go in one parenthesis separated by `;`. Each
must match an entry of `references` (a citation that starts with that author, of that year, or with
no year for `n.d.`), and each reference must be cited, so a reader can follow every claim to its
source and no source is listed that the text does not use. Text in code blocks is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hooks.checks import placeholders
from hooks.read import outline as markdown
from hooks.read.frontmatter import Document
from hooks.read.problems import Problem, quote

RULE = "unmatched-citation"
UNDATED = "n.d."
REFERENCES = "references"
CITING_FIELDS = ("summary",)
"""The fields, besides the body, that may cite a reference."""
PATTERNS = {
    "group": r"\(([^()]*)\)",
    "leadIn": r"^(?:[Ss]ee also|[Ss]ee|[Ee]\.g\.,?|[Ff]or example,?|[Cc]f\.)\s+",
    "pages": r",?\s+(?:pp?\.|page|chapter)\s*[\w–-]+$",
    "citation": r"([A-Z][^;]*?),?\s+(?:((?:1[89]|20)\d\d)[a-z]?|n\.d\.)",
    "notAuthors": r"^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December"
                  r"|Spring|Summer|Autumn|Winter)$|(?:Since|From|In|Until|Before|After)\b|.*\d)",
    "etAl": r",?\s+et\s+al\.?$",
    "two": r"\s+(?:and|&)\s+",
    "article": r"^The\s+",
}
"""The parts of a citation, written so that Python and JavaScript (the share form) read them alike: a
parenthesis; a lead-in (`see`) and page numbers left aside; one citation, whose whole text is its authors,
starting with a capital, then a year (a letter after it, as in 2018a, left aside) or `n.d.`; what starts a
parenthesis that is not an author (`(March 2020)`, `(Since 2019)`, `(Q1 2021)`), where a month alone is
a date but `(March on Stress 2023)` an author; `et al`; two authors joined by `and`;
a leading "The", which a corporate author may be cited with or without."""
_GROUP, _LEAD_IN, _PAGES, _PART, _NOT_AUTHORS, _ET_AL, _TWO, _ARTICLE = (
    re.compile(pattern) for pattern in PATTERNS.values())


@dataclass(frozen=True)
class Citation:
    """One in-text citation: its authors as written (spaces made single), its year (None for n.d.), its line."""

    authors: str
    year: int | None
    line: int

    def __str__(self) -> str:
        return f"({self.authors} {self.year or UNDATED})"

    def matches(self, reference: dict) -> bool:
        """Whether a reference is the source this cites: its citation starts with the (first) author and names
        the second, if two are cited with "and", and its year is the one cited, or it has none for n.d."""
        citation = " ".join(str(reference.get("citation", "")).split())
        year = reference.get("year")
        if (int(year) if isinstance(year, str) and year.isdigit() else year) != self.year:
            return False  # a year written as text ("2021") has a problem of its own, and is still the year cited
        authors = _ET_AL.sub("", self.authors)
        if _starts_with(citation, authors):
            return True
        named = _TWO.split(authors)
        return len(named) == 2 and _starts_with(citation, named[0]) and _names(citation, named[1])

    def wanted(self) -> str:
        """The reference this citation needs, in words."""
        named = _TWO.split(_ET_AL.sub("", self.authors))
        second = f" and names {quote(named[1])}" if len(named) == 2 else ""
        year = f"the year {self.year}" if self.year else "no year"
        return f"a citation that starts with {quote(named[0])}{second}, and {year}"


def _starts_with(citation: str, author: str) -> bool:
    """Whether the citation starts with the author's name as a whole word, a leading "The" on either aside."""
    bare, name = _ARTICLE.sub("", citation), _ARTICLE.sub("", author)
    return bool(name) and re.match(rf"{re.escape(name)}(?!\w)", bare) is not None


def _names(citation: str, author: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(author)}(?!\w)", citation) is not None


def in_text(text: str, *, first_line: int, skip: tuple[tuple[int, int], ...] = ()) -> list[Citation]:
    """Every in-text citation in `text`, whose first line is file line `first_line`; lines in the `skip`
    ranges (first, last + 1, counted from 0: code blocks) are not read."""
    found = []
    for group in _GROUP.finditer(text):
        offset = text.count("\n", 0, group.start())
        if any(first <= offset < end for first, end in skip):
            continue
        for part in group.group(1).split(";"):
            written = _PAGES.sub("", _LEAD_IN.sub("", " ".join(part.split())))
            cited = _PART.fullmatch(written)
            if cited is None or _NOT_AUTHORS.search(cited.group(1)):
                continue
            year = int(cited.group(2)) if cited.group(2) else None
            found.append(Citation(cited.group(1), year, first_line + offset))
    return found


def problems(doc: Document, outline: markdown.Outline) -> list[Problem]:
    """Each citation in the summary or the body with no reference, and each reference the text does not cite.
    `doc` has its fields read (`doc.data` is a dict), valid or not."""
    listed = doc.data.get(REFERENCES)
    references = {index: ref for index, ref in enumerate(listed) if isinstance(ref, dict)} \
        if isinstance(listed, list) else {}
    cited = [(name, citation) for name in CITING_FIELDS if isinstance(doc.data.get(name), str)
             for citation in in_text(doc.data[name], first_line=doc.line_of((name,)))]
    cited += [("body", citation) for citation in in_text(doc.body or "", first_line=doc.body_line,
                                                         skip=outline.code_blocks)]
    found = []
    for where, citation in cited:
        if not any(citation.matches(reference) for reference in references.values()):
            found.append(Problem(doc.path, citation.line, where, f"the citation {quote(str(citation))} matches no "
                                 f"reference; add the source to references, with {citation.wanted()}, or correct "
                                 "the citation", RULE))
    for index, reference in references.items():
        if placeholders.is_placeholder(reference.get("citation")):
            continue  # the placeholder's own problem says what to write
        if not any(citation.matches(reference) for _where, citation in cited):
            found.append(Problem(doc.path, doc.line_of((REFERENCES, index)), f"{REFERENCES}[{index}]",
                                 f"the text does not cite this reference; cite it where the text relies on it, "
                                 f"as {quote(suggested(reference))}, or take it out of references", RULE))
    return found


def suggested(reference: dict) -> str:
    """How the text would cite a reference: `(Maben et al. 2018)`, `(Dewar and Cook 2014)`, `(NHS England n.d.)`."""
    citation = " ".join(str(reference.get("citation", "")).split())
    authors = re.split(r"\.\s", citation, maxsplit=1)[0]
    people = [name.strip() for name in authors.split(",")]
    surnames = [re.sub(r"\s+[A-Z]{1,3}$", "", name) for name in people if name and name != "et al"]
    if all(re.search(r"\s[A-Z]{1,3}$", name) for name in people if name != "et al") and surnames:
        authors = surnames[0] if len(people) == 1 else \
            " and ".join(surnames) if len(people) == 2 and "et al" not in people else f"{surnames[0]} et al."
    year = reference.get("year")
    return f"({authors} {year if isinstance(year, int) else UNDATED})"
