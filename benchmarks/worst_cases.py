"""`make bench`, the worst cases: how long the build takes over the worst text the check lets through.

Each worst body (`tests/worst_bodies.py`) is checked, rendered and converted as the build does it (the
check parses the body once, and its links are rewritten from that parse), five times, and its median time
is reported as a ratio to an ordinary body of the same size, measured in the same run.

    python benchmarks/worst_cases.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import worst_bodies  # noqa: E402
from conftest import make_repo  # noqa: E402


TARGETS = {
    "worst_body_ratio": 20,  # the worst accepted body builds in at most 20x an ordinary body's time
}
ORDINARY = "paragraphs"
"""The body every other is measured against: plain paragraphs of words, to the size cap."""
TEXT = "Staff said they had no time to talk"
"""A sentence of the entry's own first section, which every converted page must still hold."""


def median_seconds(work: Callable[[], object]) -> float:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def body_seconds(name: str, folder: Path) -> float:
    root = make_repo(folder / name.replace(" ", "-").replace("'", ""))
    (root / worst_bodies.ENTRY).write_text(worst_bodies.entry_with(worst_bodies.WORST_ACCEPTED[name]),
                                           encoding="utf-8")
    if TEXT not in worst_bodies.build_page(root):
        raise SystemExit(f"{name}: the converted page lost its text")
    return median_seconds(lambda: worst_bodies.build_page(root))


def main() -> None:
    failures = []
    with tempfile.TemporaryDirectory(prefix="hub-worst-") as work:
        ordinary = body_seconds(ORDINARY, Path(work))
        print(f"an ordinary body of the size cap: {ordinary:.3f} s\n\n| worst accepted body | x ordinary |\n|---|---|")
        for name in sorted(set(worst_bodies.WORST_ACCEPTED) - {ORDINARY}):
            ratio = body_seconds(name, Path(work)) / ordinary
            print(f"| {name} | {ratio:.1f} |")
            if ratio > TARGETS["worst_body_ratio"]:
                failures.append(f"{name}: {ratio:.1f}x an ordinary body, over {TARGETS['worst_body_ratio']}x")
    print("\n" + ("\n".join(f"MISSED: {failure}" for failure in failures) or "All worst cases within their targets."))


if __name__ == "__main__":
    main()
