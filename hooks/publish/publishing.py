"""Publishing a build whole or not at all.

The engine empties the site folder before it writes the first page, and finds some failures (a
warning in strict mode, a search index that could not be written) only once every page is written.
Built in place, a failed build would leave no site, half a site, or a whole one holding the page
that failed. So a build writes into a staging folder beside the site, and takes the site's place
in two renames once it has succeeded; a failed build's staging folder is thrown away, and the last
good site stays as it was.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Staged:
    """A build under way: where it is written, and the site it is to replace."""

    site: Path
    """The published site, symbolic links followed, so that a link to it keeps pointing at it."""
    staging: Path
    """Beside the site, on the same file system, so that moving it into place is a rename."""

    def publish(self) -> None:
        """Put the build in the site's place; the site is whole at every moment, the old or the new.

        Hidden entries at the top of the old site (a `.git` of a deployment, say) move into the new
        one, as the engine keeps them when it cleans the folder for a build in place.
        """
        replaced = _beside(self.site, "replaced")
        _remove(replaced)
        if self.site.exists():
            self.site.rename(replaced)
        try:
            self.staging.rename(self.site)
        except OSError:
            if replaced.exists():
                replaced.rename(self.site)
            raise
        for hidden in replaced.glob(".*") if replaced.is_dir() else []:
            if not (self.site / hidden.name).exists():
                hidden.rename(self.site / hidden.name)
        _remove(replaced)

    def discard(self) -> None:
        """Throw the build away, leaving the site as it was."""
        _remove(self.staging)


def stage(site: Path) -> Staged:
    """An empty staging folder for a build of `site`, replacing any that a stopped build left behind.

    Empty even for a build asked to rewrite only what changed: the engine then finds every page
    missing and writes them all, so that build too is whole.
    """
    site = Path(site).resolve()
    staged = Staged(site=site, staging=_beside(site, "building"))
    staged.discard()
    staged.staging.mkdir(parents=True)
    return staged


def _beside(site: Path, state: str) -> Path:
    """A hidden sibling of the site folder, named for it and its state."""
    return site.with_name(f".{site.name}.{state}")


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
