"""Whatever a contributor writes, the check answers with problems or a valid entry, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, make_repo
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hooks.checks import loader
from hooks.model.schema import kinds
from hooks.pages import site
from hooks.read.frontmatter import read
from hooks.read.problems import RULES

FIELDS = sorted({name for kind in kinds().values() for name in kind.schema["properties"]} | {"typo"})
SECTION_TITLES = sorted({s.title for kind in kinds().values() for s in kind.sections} | {"Adding value",
                                                                                        "Better outcomes"})

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(["maternity", "2024-01-01", "peer-huddles", "no",
                                                           "https://example.org", "a@b.org", "6"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.sampled_from(FIELDS + ["min", "max",
                                                                                                 "name", "url"]),
                                                                       inner, max_size=4)), max_leaves=12)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=12)
body_lines = st.lists(st.one_of(
    st.sampled_from(SECTION_TITLES).map(lambda t: f"## {t}"),
    st.sampled_from(SECTION_TITLES).map(lambda t: f"### {t}"),
    st.sampled_from(["[a](../approaches/peer-huddles.md)", "[b](nope.md#x)", "[c](javascript:x)", "<b>x</b>",
                     "![i](data:image/png;base64,AA)", "[d]: ../content/about.md", "# Title", "```", "<!-- c -->",
                     "[e](<../approaches/peer huddles.md>)", "[f](/absolute.md)", "[g](#frag)"]),
    st.text(max_size=40)), max_size=25)


VALID = read("huddles-on-ward-7.md", (FIXTURES / "base/case_studies/huddles-on-ward-7.md").read_bytes())
"""A valid case study, given as one example so that the branch for a valid entry always runs."""


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return make_repo(tmp_path_factory.mktemp("fuzz") / "repo")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter, body_lines, st.sampled_from(["case_studies", "approaches"]))
@example({**VALID.data, "title": "A fuzzed copy of the huddles case study"}, VALID.body.splitlines(), "case_studies")
@example({}, ["\r\x08"], "case_studies")  # a problem on a line that only a lone \r ends
def test_any_entry_gives_problems_or_renders(base, data, lines, directory):
    file = base / directory / "fuzzed.md"
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + "\n".join(lines) + "\n"
    try:
        file.write_text(text, encoding="utf-8")
        result = loader.load(base)
        for problem in result.problems:
            assert problem.rule in RULES, problem
            assert problem.path == f"{directory}/fuzzed.md", problem  # the base entries are valid
            assert 1 <= problem.line <= len(text.splitlines()), problem  # a lone "\r" ends a line too
            assert problem.message and problem.field, problem
        if not result.problems:
            kind = next(kind for kind in kinds().values() if kind.directory == directory)
            assert "fuzzed" in result.entries[kind.name]
            assert any(page.source == f"{directory}/fuzzed.md" for page in site.pages(result))
    finally:
        file.unlink(missing_ok=True)
