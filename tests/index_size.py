"""What the first search costs: the size of the search index a browser downloads, raw and gzipped.

Material's search fetches the whole index on the first search, so its gzipped size is what a
reader on a phone waits for. `make bench` and the tests reuse `measure` and `corpus_site`.

    python tests/index_size.py                       # the real site
    python tests/index_size.py --case-studies 1000   # the real site's build with a synthetic corpus
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from conftest import ROOT, build, make_repo  # noqa: E402
from corpus import write_corpus  # noqa: E402

INDEX = "search/search_index.json"
GZIP_LEVEL = 6
"""The level web servers commonly use (nginx's and GitHub Pages' default compression is close to it)."""


def measure(site: Path) -> tuple[int, int]:
    """The search index's size in bytes: as stored, and gzipped as a server would send it."""
    data = (site / INDEX).read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def corpus_site(folder: Path, case_studies: int) -> Path:
    """Build a site of `case_studies` synthetic case studies (about 1,200 words each) into `folder`."""
    root = make_repo(folder / "repo")
    write_corpus(root, case_studies=case_studies)
    site = folder / "site"
    result = build(root, site)
    if result.returncode:
        raise RuntimeError(result.stderr)
    return site


def _line(name: str, raw: int, packed: int) -> str:
    return f"{name}: search index {raw / 1e6:.2f} MB raw, {packed / 1e6:.2f} MB gzip"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case-studies", type=int, default=0,
                        help="build a synthetic corpus of this many case studies instead of the real site")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        if args.case_studies:
            site = corpus_site(Path(folder), args.case_studies)
            name = f"{args.case_studies} synthetic case studies"
        else:
            site = Path(folder) / "site"
            result = build(ROOT, site)
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
            name = "real site"
        print(_line(name, *measure(site)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
