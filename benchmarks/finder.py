"""The case study finder's answer to a filter click, on a slowed phone, against the one-page finder it replaced.

The one-page finder (every card in the page, the script hiding those that do not match) is the hub as it was at
`ONE_PAGE`: its hooks, theme overrides and pages are taken from that commit with `git archive` and build the very
same generated entries, so both finders are measured on one corpus, in one Chromium, in the same minutes. Each
is opened in a fresh 390 px wide context with the CPU slowed four times (`Emulation.setCPUThrottlingRate`), as a
mid-range phone runs; it counts when its filters are ready, then how long a first filter click takes to show
the updated cards: from the click to the frame after the next paint. Runs `RUNS` times; the median counts.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import tools

from hooks.pages import browse

ROOT = Path(__file__).resolve().parent.parent
ONE_PAGE = "b03de4253ce9aab0117f7484e927a5ad47578a6b"
"""The last commit whose finder put every case study in one page."""
RUNS = 3
VIEWPORT = {"width": 390, "height": 844}
SLOWDOWN = 4

_CLICK = """async (box) => {
  const start = performance.now();
  box.click();
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  return performance.now() - start;
}"""
"""The click's handler runs at once in both finders; the frame after it is painted when the timeout fires."""


def one_page_site(repo: Path, work: Path) -> Path:
    """The site the one-page finder makes of the entries in `repo`, built from the hub as it was at `ONE_PAGE`."""
    old = work / f"one-page-{repo.name}"
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ONE_PAGE,
                              "mkdocs.yml", "hooks", "overrides", "content"], capture_output=True, check=False)
    if archive.returncode:
        raise SystemExit(f"the one-page finder needs the repository's history ({ONE_PAGE[:10]}): "
                         f"{archive.stderr.decode(errors='replace')}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(old, filter="data")
    for name in ("approaches", "case_studies", "readiness"):  # copies: the check refuses linked folders
        if (repo / name).exists():
            shutil.copytree(repo / name, old / name)
    for figure in (repo / "content").rglob("*.svg"):
        target = old / figure.relative_to(repo)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(figure, target)
    site = work / f"one-page-site-{repo.name}" / tools.SITE_PATH.strip("/")
    # Run from its folder, so that `hooks` is the old package, not the one installed.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(site)],
                            cwd=old, capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode:
        raise SystemExit(f"the one-page finder's build failed:\n{result.stderr[-3000:]}")
    return site


def _once(browser, url: str) -> tuple[float, float]:
    """Seconds until the filters are ready, and milliseconds a first filter click takes to show its cards."""
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.set_default_timeout(600_000)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
        start = time.perf_counter()
        page.goto(url + "case-studies/", wait_until="commit")
        page.locator("#hub-finder form").wait_for()
        ready = time.perf_counter() - start
        key = browse.facet("settings").key
        page.locator(f"#hub-facets-{key} > summary").click()
        box = page.locator(f"#hub-facets-{key} input").first
        milliseconds = page.evaluate(_CLICK, box.element_handle())
        status = page.locator("#hub-finder [role=status]").text_content()
        if not box.is_checked() or not status.startswith("Showing ") or status.startswith("Showing all"):
            raise SystemExit(f"the finder at {url} did not answer the click: {status!r}")
        return ready, milliseconds
    finally:
        context.close()


def answers(site: Path) -> tuple[float, float] | None:
    """The median time a finder takes to be ready (s) and to answer a filter click (ms); None without Chromium."""
    if not Path(tools.CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    with tools.serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=tools.CHROMIUM, args=tools.CHROMIUM_FLAGS)
        try:
            runs = [_once(browser, url) for _ in range(RUNS)]
        finally:
            browser.close()
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def compare(repo: Path, site: Path, work: Path) -> dict:
    """The finder's figures beside the one-page finder's, for one row of the bench."""
    paged, one_page = answers(site), answers(one_page_site(repo, work))
    return {
        "finder_ready_seconds": paged and round(paged[0], 2),
        "finder_click_ms": paged and round(paged[1]),
        "one_page_ready_seconds": one_page and round(one_page[0], 2),
        "one_page_click_ms": one_page and round(one_page[1]),
    }
