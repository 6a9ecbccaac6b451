"""`python -m hooks check`: check every entry without building the site.

Prints one line per problem, then a count, and exits 1 if there were any, so a contributor (or
CI) sees everything to fix in one run. On GitHub Actions each problem is also printed as a
workflow command, which shows it against the changed line in the pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from hooks.checks import loader
from hooks.model import settings
from hooks.model.schema import kinds
from hooks.read.problems import count
from hooks.write import scaffold


def check(root: Path, *, out=sys.stdout, annotate: bool = False) -> int:
    """Check the entries under `root`, print the problems, and return the exit status.

    The engine's facts (where the hand-written pages are, for links to them) come from its configuration
    file in `root`, read as plain YAML: the engine itself does not run.
    """
    result = loader.load(root, settings.read(root))
    for problem in result.problems:
        print(problem, file=out)
    if annotate:
        for problem in result.problems:
            print(problem.annotation(), file=out)
    files = len({problem.path for problem in result.problems})
    if result.problems:
        print(f"{count(len(result.problems), 'problem')} in {count(files, 'file')}. "
              "Each line gives the file, the line, the field and what to do.", file=sys.stderr)
        return 1
    counts = ", ".join(count(len(result.of(kind.name)), kind.label.lower(), kind.plural) for kind in kinds().values())
    print(f"All entries are valid: {counts}.", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help="check every entry and list all problems")
    check_command.add_argument("--root", type=Path, default=Path.cwd(),
                               help="the repository root (default: the current folder)")
    new_command = commands.add_parser("new", help="write a new entry from the schema, ready to fill in")
    new_command.add_argument("kind", help="case-study or approach")
    new_command.add_argument("title", help="the entry's title; the file name is made from it")
    templates_command = commands.add_parser("templates", help="write each kind's _template.md from the schema")
    for command in (new_command, templates_command):
        command.add_argument("--root", type=Path, default=Path.cwd(),
                             help="the repository root (default: the current folder)")
    args = parser.parse_args(argv)
    if args.command == "new":
        return scaffold.new_command(args.root, args.kind, args.title)
    if args.command == "templates":
        return scaffold.templates_command(args.root)
    return check(args.root, annotate=os.environ.get("GITHUB_ACTIONS") == "true")
