"""A Content-Security-Policy for every page, so the browser itself refuses third-party requests.

A static host cannot be relied on to send headers, so the policy goes in a `<meta>` tag. The
theme has a few small inline scripts. The policy allows each by its SHA-256 hash, and only the
scripts the theme writes with no content at all (`trusted_scripts`) can be allowed: a page whose
inline scripts are anything else fails the build, instead of a hash that would let an injected
script run.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT_START = re.compile(r"<script[\s/>]", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SOURCE = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)
_THEME_DATA = 'id="__config" type="application/json"'
"""The theme's settings block: data the theme reads, not a script; one per page."""
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)

POLICY = {
    "default-src": ["'self'"],
    # Search runs Pagefind's WebAssembly, which must be compiled; JavaScript eval stays refused.
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    # Material positions and colours elements with inline style attributes.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


class UntrustedScript(ValueError):
    """A page holds an inline script that the theme did not write."""


def trusted_scripts(theme_html: str) -> frozenset[str]:
    """The inline scripts of the theme's own markup, rendered with no content in it."""
    return frozenset(body for attributes, body in _SCRIPT.findall(theme_html) if not _SOURCE.search(attributes))


def script_hashes(html: str, trusted: frozenset[str]) -> list[str]:
    """CSP sources for each inline script of a page; `UntrustedScript` if any is not in `trusted`."""
    scripts = _SCRIPT.findall(html)
    if len(scripts) != len(_SCRIPT_START.findall(html)):
        raise UntrustedScript("a <script> tag that is not closed")
    sources, data_blocks = set(), 0
    for attributes, body in scripts:
        if _SOURCE.search(attributes):
            continue
        if attributes.strip() == _THEME_DATA:
            data_blocks += 1
        elif body in trusted:
            sources.add(f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'")
        else:
            raise UntrustedScript(f"an inline script that is not the theme's own: {_short(attributes, body)}")
    if data_blocks > 1:
        raise UntrustedScript("a second block of the theme's settings (id=\"__config\")")
    return sorted(sources)


def policy_for(html: str, trusted: frozenset[str]) -> str:
    sources = {**POLICY, "script-src": POLICY["script-src"] + script_hashes(html, trusted)}
    return "; ".join(f"{directive} {' '.join(values)}" for directive, values in sources.items())


def secure(html: str, trusted: frozenset[str]) -> str:
    """The page with its policy and a no-referrer rule at the top of its head.

    Raises `UntrustedScript` if the page has an inline script that is not in `trusted`.
    """
    policy = policy_for(html, trusted)
    # After the charset declaration, which must stay within the first 1,024 bytes.
    head = _CHARSET.search(html) or _HEAD.search(html)
    if head is None:
        return html
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            '<meta name="referrer" content="no-referrer">')
    return html[:head.end()] + tags + html[head.end():]


def _short(attributes: str, body: str) -> str:
    text = " ".join(f"<script{attributes}>{body}".split())
    return repr(text if len(text) <= 60 else text[:57] + "...")
