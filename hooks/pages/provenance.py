"""Dates as readers read them, and where a case study was first published, in words.

Many case studies appeared first on a publisher's site (NHS England, NHS Employers, an NHS board)
before the hub, dated as precisely as that site dates them: a year, a month or a day, or not at
all. The case study's page and the feeds both say so, apart from the day the hub published it;
the sentence is made here once, so the two cannot drift apart, and each passes in how its format
escapes text and links a title.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date


def long_date(value: str) -> str:
    """`2025-12-31` as `31 December 2025`, the form UK readers expect; `2025-12` and `2025` as
    `December 2025` and `2025`, no more precise than what was written."""
    if len(value) == 4:
        return value
    if len(value) == 7:
        return f"{date.fromisoformat(value + '-01'):%B %Y}"
    day = date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def first_published(source: dict, *, escape: Callable[[str], str] = str,
                    link: Callable[[str, str], str] | None = None) -> str:
    """`First published by NHS England as “Title” in February 2023`, from a case study's `first_published`.

    A day is "on 3 February 2023", a month or a year "in February 2023" or "in 2023". An undated
    source is said to be undated, with the day it was read when that is given. The publisher and
    title go through `escape`; the title, with the source's address, through `link` when given.
    """
    title = escape(source["title"])
    if link and source.get("url"):
        title = link(title, source["url"])
    said = f"First published by {escape(source['publisher'])} as “{title}”"
    when = source.get("date")
    if when:
        return f"{said} {'on' if len(when) == 10 else 'in'} {long_date(when)}"
    read = source.get("accessed")
    return f"{said}, undated" + (f"; read on {long_date(read)}" if read else "")
