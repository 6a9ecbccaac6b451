"""'Did you mean': the one way every check suggests the allowed value nearest to a mistaken one.

Vocabulary values, field names, section headings, ids, approaches and link targets are all matched
alike: as a reader sees them (case, spacing and compatible forms make no difference), then by
closeness of spelling.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from hooks.read.problems import quote

CLOSE = 0.6
"""How alike (0 to 1, difflib's ratio) a value must be to a choice for the choice to be suggested."""


def same(name: str) -> str:
    """A name as a reader sees it: compatible forms, case, spacing and invisible characters make no difference."""
    visible = "".join(char for char in unicodedata.normalize("NFKC", name) if unicodedata.category(char) != "Cf")
    return " ".join(visible.casefold().split())


def nearest(value: object, choices: Iterable, *, names: Mapping[str, object] | None = None,
            cutoff: float = CLOSE) -> object | None:
    """The choice nearest to `value`, or None; `names` gives other names of the choices (a vocabulary's labels
    and synonyms, an approach's title and aliases: 'A&E' for 'emergency-department')."""
    if not isinstance(value, str):
        return None
    by_name = {same(str(choice)): choice for choice in choices}
    for name, choice in (names or {}).items():
        by_name.setdefault(same(name), choice)
    text = same(value)
    if text in by_name:
        return by_name[text]
    close = difflib.get_close_matches(text, list(by_name), n=1, cutoff=cutoff)
    return by_name[close[0]] if close else None


def did_you_mean(value: object, choices: Iterable, *, otherwise: str, names: Mapping[str, object] | None = None,
                 cutoff: float = CLOSE, shown: Callable[[object], object] = lambda choice: choice) -> str:
    """`did you mean 'x'?` for the nearest choice (as `shown` writes it), or `otherwise` when none is near."""
    near = nearest(value, choices, names=names, cutoff=cutoff)
    return f"did you mean {quote(shown(near))}?" if near is not None else otherwise
