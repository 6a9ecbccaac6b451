"""`make bench`: how the hub's checks and build scale, against stock Material in the same run.

For each corpus size it generates synthetic case studies (tests/corpus.py, fixed seed), then
measures the check, the hub's build, and a baseline: a stock Material build of the very same
Markdown pages with no hooks and Material's own search. Each build runs five times, the hub's and
the baseline's in turn, and the median counts. Times are reported as ratios to that baseline, measured
on the same machine in the same minutes, because absolute seconds say more about the machine than
the code. Each site's whole search index is weighed, and a first search on each is timed in Chromium.
The case study finder's answer to a filter click on a slowed phone is timed beside the one-page finder
it replaced (benchmarks/finder.py); `--finder-only` measures that alone, after one build of each.

    python benchmarks/bench.py [--sizes 100 1000 5000] [--repeat 5] [--json results.json] [--finder-only]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import finder  # noqa: E402
import tools  # noqa: E402
from corpus import write_corpus  # noqa: E402

from hooks.checks import links, loader  # noqa: E402
from hooks.model import addresses, settings  # noqa: E402
from hooks.model.catalogue import Catalogue  # noqa: E402
from hooks.pages import site  # noqa: E402

TARGETS = {
    "build_ratio": 1.2,            # hub build at most 1.2x the stock build of the same pages
    "scaling_5000_over_1000": 5.5,  # 5x the entries in at most 5.5x the time: linear
    "check_seconds_1000": 1.0,
    "link_check_ms_5000": 50,      # every relative link of every entry checked: one set lookup each
    "first_search_gzip_kb_1000": 500,
    "case_study_page_gzip_kb": 80,
    "finder_click_ms_1000": 1000,   # a filter click answered within a second on a slowed phone
}

SEARCH = "staff"
"""The first search measured: a word nearly every page holds, so it fetches the most results."""

# Run a command in a child Python and report its peak memory, the child's own high-water mark, and
# how long a hub build waited for its search index once the pages were written.
_MEASURED = ("import resource, runpy, sys, time\n"
             "from hooks.publish import search\n"
             "finish = search.Indexing.finish\n"
             "def timed(indexing):\n    started = time.perf_counter()\n    warnings = finish(indexing)\n"
             "    print('SEARCH_WAIT', time.perf_counter() - started, file=sys.stderr)\n    return warnings\n"
             "search.Indexing.finish = timed\n"
             "sys.argv = sys.argv[1:]\n"
             "try:\n    runpy.run_module(sys.argv[0], run_name='__main__')\n"
             "except SystemExit as exit:\n    code = exit.code or 0\nelse:\n    code = 0\n"
             "print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
             "sys.exit(code)")


def measure(module: str, *args: str) -> tuple[float, int, float | None]:
    """Seconds, peak memory (MB) and seconds spent waiting for the search index of `python -m module
    args`, failing loudly if it fails."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _MEASURED, module, *args], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{module} {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    peak = int(re.search(r"PEAK_KB (\d+)", result.stderr).group(1))
    waited = re.search(r"SEARCH_WAIT ([\d.]+)", result.stderr)
    return seconds, peak // 1024, waited and float(waited.group(1))


def lay_out(repo: Path) -> None:
    """Give a generated repository the real site's config, theme overrides, hooks and pages."""
    repo.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides", "hooks"):
        (repo / name).symlink_to(ROOT / name)
    pages = ROOT / settings.read(ROOT).pages_folder
    for page in pages.rglob("*"):
        if page.is_file():
            target = repo / page.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(page)


def link_check_ms(loaded: Catalogue) -> tuple[float, int]:
    """Milliseconds the check spends on the relative links of every entry's body, and how many links there are.

    Timed alone, because inside the whole check a cost that grows with links times files hides in the
    parsing: at 5,000 case studies, copying the set of files for each link cost half a second."""
    entries = [entry for by_slug in loaded.entries.values() for entry in by_slug.values()]
    addresses.resolve_in.cache_clear()  # loading resolved every link already; time what a check pays
    start = time.perf_counter()
    for entry in entries:
        links.link_problems(entry.path, entry.outline.links, loaded.linkable)
    return (time.perf_counter() - start) * 1000, sum(len(entry.outline.links) for entry in entries)


def baseline_project(loaded: Catalogue, folder: Path) -> Path:
    """The same Markdown pages as the hub publishes, as a plain Material project with no hooks."""
    repo = loaded.root
    docs = folder / "docs"
    pages = repo / loaded.settings.pages_folder
    for page in pages.rglob("*"):
        if page.is_file():
            target = docs / page.relative_to(pages)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.read_bytes())
    for page in site.pages(loaded):
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8") if isinstance(page.markdown, str) \
            else target.write_bytes(page.markdown)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for hub_only in ("hooks", "extra_css", "extra_javascript"):
        config.pop(hub_only, None)
    config["theme"].pop("custom_dir", None)
    config["plugins"] = ["search"]  # stock Material, with its own search
    config["docs_dir"] = "docs"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return folder / "mkdocs.yml"


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def page_transfer(site: Path, page: Path) -> int:
    """Bytes, gzipped, of a page's HTML and the CSS and JavaScript files it loads."""
    html = page.read_text(encoding="utf-8")
    total = gzip_size(html.encode())
    for asset in re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html):
        file = (page.parent / asset.split("?")[0]).resolve()
        if file.is_file() and site.resolve() in file.parents:
            total += gzip_size(file.read_bytes())
    return total


INDEX_FILES = (".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta", "search_index.json")
"""What a site's search index is made of: Pagefind's page fragments, word chunks, filters and
metadata (each gzipped by Pagefind), or the theme's single file."""


def search_index(site: Path) -> tuple[int, int]:
    """Bytes of a site's whole search index: as published, and as a server would send it, gzipped."""
    files = [file for file in site.rglob("*") if file.name.endswith(INDEX_FILES)]
    return sum(file.stat().st_size for file in files), sum(gzip_size(file.read_bytes()) for file in files)


def _transfer(response) -> int:
    """A response's body, gzipped; a redirect has none."""
    return 0 if 300 <= response.status < 400 else gzip_size(response.body())


def first_search(site: Path, *, stock: bool) -> tuple[int, float] | None:
    """What a first search costs a reader who has just opened a case study: bytes, gzipped as a
    server would send them, and seconds from submitting the query to the first result on screen.

    The hub's search opens its search page, which fetches Pagefind's script, its WebAssembly and the
    index chunks and excerpts the query needs. Stock Material fetches its whole index as the page
    loads and builds it in a worker; its bytes are that index and the worker. Measured in Chromium;
    None where Chromium is missing.
    """
    if not Path(tools.CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    sizes: list[tuple[str, int]] = []
    with tools.serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=tools.CHROMIUM, args=tools.CHROMIUM_FLAGS)
        page = browser.new_page()
        page.on("requestfinished", lambda request: sizes.append((request.url, _transfer(request.response()))))
        page.goto(f"{url}case-studies/synthetic-case-study-0001/")
        page.wait_for_load_state("networkidle")
        loaded = len(sizes)
        start = time.perf_counter()
        if stock:
            page.keyboard.press("/")
            page.keyboard.type(SEARCH)
            page.wait_for_selector(".md-search-result__item")
        else:
            page.fill("#hub-header-query", SEARCH)
            page.press("#hub-header-query", "Enter")
            page.wait_for_selector(".hub-search__result")
        seconds = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        browser.close()
    searched = [size for address, size in sizes if "search" in urlsplit(address).path] if stock \
        else [size for _, size in sizes[loaded:]]
    return sum(searched), seconds


def median_of(runs: list[tuple[float, int, float | None]]) -> tuple[float, int, float | None]:
    """The run of median time (with its search wait) and the highest peak memory of all."""
    middle = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
    return middle[0], max(run[1] for run in runs), middle[2]


def run(size: int, work: Path, repeat: int, finder_only: bool = False) -> dict:
    repo = work / f"hub-{size}"
    lay_out(repo)  # first: the corpus puts its figure in the pages folder the config names
    write_corpus(repo, case_studies=size)
    if finder_only:
        site = work / f"site-{size}" / tools.SITE_PATH.strip("/")
        measure("mkdocs", "build", "-q", "-f", str(repo / "mkdocs.yml"), "-d", str(site))
        return {"case_studies": size, **finder.compare(repo, site, work)}
    check_seconds, check_peak, _ = median_of([measure("hooks", "check", "--root", str(repo)) for _ in range(repeat)])
    site = work / f"site-{size}" / tools.SITE_PATH.strip("/")  # served at the same path as in production
    loaded = loader.load(repo)
    links_ms, links = link_check_ms(loaded)
    base_config = baseline_project(loaded, work / f"baseline-{size}")
    base_site = work / f"baseline-site-{size}" / tools.SITE_PATH.strip("/")
    hub_runs, base_runs = [], []
    for _ in range(repeat):  # in turn, so that a slow spell of the machine weighs on both alike
        hub_runs.append(measure("mkdocs", "build", "-q", "-f", str(repo / "mkdocs.yml"), "-d", str(site)))
        base_runs.append(measure("mkdocs", "build", "-q", "-f", str(base_config), "-d", str(base_site)))
    build_seconds, build_peak, search_wait = median_of(hub_runs)
    base_seconds, base_peak, _ = median_of(base_runs)
    study = site / "case-studies" / "synthetic-case-study-0001" / "index.html"
    hub_search, stock_search = first_search(site, stock=False), first_search(base_site, stock=True)
    hub_index, stock_index = search_index(site), search_index(base_site)
    return {
        "case_studies": size,
        "check_seconds": round(check_seconds, 2),
        "links": links,
        "link_check_ms": round(links_ms, 1),
        "build_seconds": round(build_seconds, 2),
        "baseline_seconds": round(base_seconds, 2),
        "build_ratio": round(build_seconds / base_seconds, 2),
        "build_peak_mb": build_peak,
        "baseline_peak_mb": base_peak,
        "check_peak_mb": check_peak,
        "site_mb": round(sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6, 1),
        "search_index_mb": round(hub_index[0] / 1e6, 1),
        "search_index_gzip_mb": round(hub_index[1] / 1e6, 1),
        "baseline_search_index_mb": round(stock_index[0] / 1e6, 1),
        "baseline_search_index_gzip_mb": round(stock_index[1] / 1e6, 1),
        "search_wait_seconds": round(search_wait, 2),
        "first_search_gzip_kb": hub_search and round(hub_search[0] / 1024),
        "first_search_seconds": hub_search and round(hub_search[1], 2),
        "baseline_search_gzip_kb": stock_search and round(stock_search[0] / 1024),
        "baseline_search_seconds": stock_search and round(stock_search[1], 2),
        "case_study_page_gzip_kb": round(page_transfer(site, study) / 1024),
        **finder.compare(repo, site, work),
    }


def verdicts(rows: list[dict]) -> list[str]:
    by_size = {row["case_studies"]: row for row in rows}
    lines = []

    def judge(name: str, value: float | None, limit: float, unit: str = "") -> None:
        if value is None:
            lines.append(f"- {name}: not measured at this size")
        else:
            lines.append(f"- {name}: {value}{unit} (target at most {limit}{unit}): "
                         f"{'met' if value <= limit else 'MISSED'}")

    judge("finder's answer to a filter click at 1,000", by_size.get(1000, {}).get("finder_click_ms"),
          TARGETS["finder_click_ms_1000"], " ms")
    if rows and "build_ratio" not in rows[0]:
        return lines
    for row in rows:
        judge(f"build ratio at {row['case_studies']}", row["build_ratio"], TARGETS["build_ratio"], "x")
    if 1000 in by_size and 5000 in by_size:
        judge("5,000 over 1,000 build time", round(by_size[5000]["build_seconds"] / by_size[1000]["build_seconds"], 2),
              TARGETS["scaling_5000_over_1000"], "x")
    judge("check of 1,000", by_size.get(1000, {}).get("check_seconds"), TARGETS["check_seconds_1000"], " s")
    judge("link check of 5,000", by_size.get(5000, {}).get("link_check_ms"), TARGETS["link_check_ms_5000"], " ms")
    judge("first search at 1,000 (gzip)", by_size.get(1000, {}).get("first_search_gzip_kb"),
          TARGETS["first_search_gzip_kb_1000"], " KB")
    for row in rows:
        judge(f"case study page at {row['case_studies']} (gzip)", row["case_study_page_gzip_kb"],
              TARGETS["case_study_page_gzip_kb"], " KB")
    return lines


def table(rows: list[dict]) -> str:
    columns = list(rows[0])
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row[c]) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--repeat", type=int, default=5, help="runs of each build and check; the median counts")
    parser.add_argument("--finder-only", action="store_true", help="time the case study finder alone")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as work:
        for size in args.sizes:
            print(f"measuring {size} case studies...", file=sys.stderr, flush=True)
            rows.append(run(size, Path(work), args.repeat, args.finder_only))
    print(table(rows))
    print()
    print("\n".join(verdicts(rows)))
    args.json.write_text(json.dumps({"rows": rows, "targets": TARGETS}, indent=2) + "\n", encoding="utf-8")
    print(f"\n(also written to {args.json})")


if __name__ == "__main__":
    main()
