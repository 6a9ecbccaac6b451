"""The Content-Security-Policy allows the theme's own inline scripts by hash, and nothing else."""

from __future__ import annotations

import base64
import hashlib

import pytest
from conftest import build, make_repo, write_entry

from hooks.publish.security import UntrustedScript, policy_for, secure, trusted_scripts

THEME = '<script>var a=1</script><script src="bundle.js"></script>'
TRUSTED = trusted_scripts(THEME)
PAGE = ('<html><head><meta charset="utf-8"><script>var a=1</script>'
        '<script id="__config" type="application/json">{"b": 2}</script><script src="x.js"></script></head></html>')


def digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_the_theme_scripts_are_allowed_by_hash_and_its_settings_are_not_a_script():
    assert TRUSTED == {"var a=1"}
    policy = policy_for(PAGE, TRUSTED)
    assert f"'sha256-{digest('var a=1')}'" in policy
    assert digest('{"b": 2}') not in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


@pytest.mark.parametrize("injected", [
    "<script>alert(1)</script>",
    "<SCRIPT >alert(1)</SCRIPT >",
    '<script type="module">alert(1)</script>',
    '<script data-src="x.js">alert(1)</script>',
    '<script id="__config" type="application/json">{"base": "https://evil.example/"}</script>',
    "<script>alert(1)",
])
def test_any_other_inline_script_is_refused_even_when_it_looks_like_the_theme(injected):
    with pytest.raises(UntrustedScript):
        secure(PAGE.replace("</head>", injected + "</head>"), TRUSTED)


def test_the_policy_follows_the_charset_and_precedes_every_script():
    html = secure(PAGE, TRUSTED)
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy") < html.index("<script")
    assert '<meta name="referrer" content="no-referrer">' in html


def test_a_page_without_a_head_is_left_alone():
    assert secure("plain text", TRUSTED) == "plain text"


def test_a_built_page_with_a_script_of_its_own_fails_the_build_naming_its_source(tmp_path):
    root = make_repo(tmp_path / "repo")
    write_entry(root, "content/about.md", "# About\n\n<script>alert(1)</script>\n")
    result = build(root, tmp_path / "site")
    assert result.returncode != 0
    assert "content/about.md: the page has an inline script that is not the theme's own" in result.stderr


def test_entry_html_is_sanitised_as_a_second_layer():
    from hooks.publish.sanitise import sanitise

    html = ('<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2><p onclick="x()">t '
            '<a href="javascript:alert(1)">j</a><a href="../b/">b</a></p><script>alert(1)</script>'
            '<iframe src="https://example.org"></iframe><td style="text-align: left; color: red">c</td>')
    clean = sanitise(html)
    assert '<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>' in clean
    assert '<a href="../b/">b</a>' in clean
    for gone in ("onclick", "javascript:", "<script", "alert(1)", "<iframe", "color: red"):
        assert gone not in clean
