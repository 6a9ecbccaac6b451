"""Links in an entry's body: to the web, to mail, or to a file of the repository that exists."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from functools import lru_cache
from urllib.parse import urlsplit

from hooks.checks.suggest import did_you_mean
from hooks.model.addresses import resolve_in
from hooks.read import outline as markdown
from hooks.read.problems import Problem, quote

LINK_SCHEMES = ("http", "https", "mailto")


def link_problems(path: str, links: tuple[markdown.Link, ...], targets: frozenset[str]) -> list[Problem]:
    """Links of the entry at `path` that use a scheme other than the web's and mail's, or point to a file not in
    `targets` (repository paths). Each link is one lookup: the check runs over every link of every entry."""
    problems, folder = [], posixpath.dirname(path)
    for link in links:
        parts = urlsplit(link.href)
        scheme = parts.scheme.lower()
        if (scheme and scheme not in LINK_SCHEMES) or (not scheme and parts.netloc):
            problems.append(Problem(path, link.line, "body", f"the link {quote(short(link.href))} uses "
                                    f"{quote(scheme + ':') if scheme else 'no scheme'}; links must start with "
                                    "https://, http:// or mailto:, or be relative to this file", "link-scheme"))
            continue
        target = None if scheme else resolve_in(folder, link.href)
        if target and target not in targets:
            advice = did_you_mean(target, _by_folder(targets).get(posixpath.dirname(target), ()), cutoff=0.7,
                                  shown=lambda near: posixpath.relpath(near, folder),
                                  otherwise="check the file name; links are relative to this file")
            problems.append(Problem(path, link.line, "body", f"the link {quote(link.href)} points to "
                                    f"{target}, which does not exist; {advice}", "broken-link"))
    return problems


@lru_cache(maxsize=1)
def _by_folder(targets: frozenset[str]) -> dict[str, list[str]]:
    """The files of each folder, for suggesting a file beside the one a broken link names: made once per set of
    targets, the first time a link is broken, so a check with many links and files stays one lookup per link."""
    folders = defaultdict(list)
    for target in sorted(targets):
        folders[posixpath.dirname(target)].append(target)
    return folders


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:37] + "..."

