"""A Content-Security-Policy for every page, so the browser itself refuses third-party requests.

A static host cannot be relied on to send headers, so the policy goes in a `<meta>` tag. The
theme has a few small inline scripts; instead of allowing every inline script, each one on a page
is allowed by its SHA-256 hash, so a script injected through content would still be refused.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"\btype=[\"']?application/(ld\+)?json", re.IGNORECASE)
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


def script_hashes(html: str) -> list[str]:
    """CSP sources for each inline script of a page that the browser would run."""
    return sorted({f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
                   for attributes, body in _INLINE_SCRIPT.findall(html) if not _DATA_TYPE.search(attributes)})


def policy_for(html: str) -> str:
    sources = {**POLICY, "script-src": POLICY["script-src"] + script_hashes(html)}
    return "; ".join(f"{directive} {' '.join(values)}" for directive, values in sources.items())


def secure(html: str) -> str:
    """The page with its policy and a no-referrer rule at the top of its head."""
    # After the charset declaration, which must stay within the first 1,024 bytes.
    head = _CHARSET.search(html) or _HEAD.search(html)
    if head is None:
        return html
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
            '<meta name="referrer" content="no-referrer">')
    return html[:head.end()] + tags + html[head.end():]
