"""Form tokens against cross-site request forgery: signed with the process's secret, bound to one form."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time

TOKEN_LIFETIME = 12 * 3600
"""Seconds a form token stays valid after the page that carried it was served."""


def _mac(secret: bytes, action: str, issued: str, nonce: str) -> str:
    message = f"{action}\n{issued}\n{nonce}".encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def issue_token(secret: bytes, action: str, now: float | None = None) -> str:
    """A token for the form that posts to `action` (a path): issue time, a random nonce and their MAC."""
    issued = str(int(now if now is not None else time.time()))
    nonce = secrets.token_urlsafe(12)
    return f"{issued}.{nonce}.{_mac(secret, action, issued, nonce)}"


def token_is_valid(secret: bytes, action: str, token: str, now: float | None = None) -> bool:
    """True when `token` was issued by this process for `action` and has not expired."""
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit():
        return False
    issued, nonce, mac = parts
    age = (now if now is not None else time.time()) - int(issued)
    if not 0 <= age <= TOKEN_LIFETIME:
        return False
    return hmac.compare_digest(mac, _mac(secret, action, issued, nonce))
