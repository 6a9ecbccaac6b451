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
