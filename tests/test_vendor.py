"""The libraries the site ships are the very files of the versions package.json pins, each with its licence.

They are committed in overrides/assets/javascripts/vendor/, so the build needs no npm and the site fetches
nothing elsewhere; package.json's "vendor" names the package file each copies, and `make vendor` copies them
again after a pin changes. These tests fail while a copy differs from the installed package's file.
"""

from __future__ import annotations

import json

import tools
from conftest import ROOT

tools.require_node_packages()

PACKAGE = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
VENDOR = ROOT / "overrides/assets/javascripts/vendor"


def test_each_vendored_file_is_the_pinned_packages_own():
    for copy, source in PACKAGE["vendor"].items():
        assert (VENDOR / copy).read_bytes() == (tools.NODE_PACKAGES / source).read_bytes(), (
            f"{copy} is not {source}: run `make vendor`")


def test_each_vendored_package_is_pinned_installed_and_shipped_with_its_licence():
    packages = {source.split("/")[0] for source in PACKAGE["vendor"].values()}
    for name in packages:
        installed = json.loads((tools.NODE_PACKAGES / name / "package.json").read_text(encoding="utf-8"))
        assert PACKAGE["devDependencies"][name] == installed["version"], name
        assert f"{name}/LICENSE" in PACKAGE["vendor"].values(), f"{name} is shipped without its licence"
    assert {path.name for path in VENDOR.iterdir()} == set(PACKAGE["vendor"]), "a vendored file package.json lacks"
