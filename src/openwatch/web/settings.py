"""What the dashboard is told at start: where it listens, which database and catalog it reads, limits."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
"""Host names every dashboard answers to besides the address it is bound to."""

MAX_BODY_BYTES = 1_000_000
"""Largest request body accepted; a larger one is refused with 413 before it is read."""

MAX_HEADER_BYTES = 16 * 1024
"""Largest request line and headers accepted (uvicorn's parser, and the guard for headers read at once)."""

CLIENT_TIMEOUT = 10.0
"""Seconds a client may take to send a request's headers (else the connection is closed: slowloris), and
again to send its body (else 408)."""


@dataclass(frozen=True)
class WebSettings:
    """The dashboard's settings; `overlays` are the --catalog folders (None: $OPENWATCH_CATALOG)."""

    db_url: str
    host: str = "127.0.0.1"
    port: int = 8765
    overlays: tuple[Path, ...] | None = None
    extra_hosts: tuple[str, ...] = ()
    max_body_bytes: int = MAX_BODY_BYTES
    header_timeout: float = CLIENT_TIMEOUT
    body_timeout: float = CLIENT_TIMEOUT
    allowed_hosts: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names = {name.lower().strip("[]") for name in (*LOOPBACK_NAMES, self.host, *self.extra_hosts)}
        object.__setattr__(self, "allowed_hosts", frozenset(names))


def is_loopback(host: str) -> bool:
    """True when `host` names this machine only (localhost or a loopback address)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
