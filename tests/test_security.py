"""The Content-Security-Policy allows the page's own inline scripts by hash, and nothing foreign."""

from __future__ import annotations

import base64
import hashlib

from hooks.security import policy_for, secure

PAGE = ('<html><head><meta charset="utf-8"><script>var a=1</script>'
        '<script id="c" type="application/json">{"b": 2}</script><script src="x.js"></script></head></html>')


def digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_scripts():
    policy = policy_for(PAGE)
    assert f"'sha256-{digest('var a=1')}'" in policy
    assert digest('{"b": 2}') not in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


def test_the_policy_follows_the_charset_and_precedes_every_script():
    html = secure(PAGE)
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy") < html.index("<script")
    assert '<meta name="referrer" content="no-referrer">' in html


def test_a_page_without_a_head_is_left_alone():
    assert secure("plain text") == "plain text"


def test_entry_html_is_sanitised_as_a_second_layer():
    from hooks.render import sanitise

    html = ('<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2><p onclick="x()">t '
            '<a href="javascript:alert(1)">j</a><a href="../b/">b</a></p><script>alert(1)</script>'
            '<iframe src="https://example.org"></iframe><td style="text-align: left; color: red">c</td>')
    clean = sanitise(html)
    assert '<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>' in clean
    assert '<a href="../b/">b</a>' in clean
    for gone in ("onclick", "javascript:", "<script", "alert(1)", "<iframe", "color: red"):
        assert gone not in clean
