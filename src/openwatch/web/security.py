"""The guard in front of every route: Host and Origin checks, body size and time limits, security headers."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from openwatch.web.errors import error_response
from openwatch.web.headers import SECURITY_HEADERS
from openwatch.web.settings import MAX_HEADER_BYTES, WebSettings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def host_name(host: str) -> str:
    """The name part of a Host header or URL authority ("[::1]:8765" -> "::1"), lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def host_refusal(headers: Headers, settings: WebSettings) -> str | None:
    """Why a request's Host header is refused (DNS rebinding), or None when it names this dashboard."""
    hosts = headers.getlist("host")
    if len(hosts) != 1:
        return "the request must carry exactly one Host header"
    if host_name(hosts[0]) not in settings.allowed_hosts:
        return "this dashboard answers only to its own address (the Host header names another site)"
    return None


def origin_refusal(headers: Headers) -> str | None:
    """Why a state-changing request is refused as cross-site: its Origin (else Referer) must be this site."""
    expected = f"http://{headers.get('host', '')}".lower()
    origin = headers.get("origin")
    if origin is not None:
        return None if origin.lower() == expected else "cross-site request refused (Origin is another site)"
    referer = headers.get("referer")
    if referer is None:
        return "cross-site request refused (no Origin or Referer header)"
    parts = urlsplit(referer)
    same = f"{parts.scheme}://{parts.netloc}".lower() == expected
    return None if same else "cross-site request refused (Referer is another site)"


class BoundedBody:
    """A receive channel that refuses a request body past a size (413) or not complete in time (408)."""

    def __init__(self, receive: Receive, max_bytes: int, timeout: float) -> None:
        self._receive = receive
        self._left = max_bytes
        self._deadline = time.monotonic() + timeout
        self._complete = False

    async def __call__(self) -> Message:
        if self._complete:
            return await self._receive()
        try:
            message = await asyncio.wait_for(self._receive(), max(self._deadline - time.monotonic(), 0.0))
        except TimeoutError:
            raise HTTPException(408, "the request body was not sent in time") from None
        if message["type"] != "http.request" or not message.get("more_body", False):
            self._complete = True
        self._left -= len(message.get("body", b""))
        if self._left < 0:
            raise HTTPException(413, "the request body is larger than this dashboard accepts")
        return message


def announced_too_large(headers: Headers, max_bytes: int) -> bool:
    """True when the Content-Length header announces a body over the limit (refused before reading it)."""
    length = headers.get("content-length", "")
    return length.isdigit() and int(length) > max_bytes


class GuardMiddleware:
    """Refuses foreign Host headers, cross-site state changes and announced oversized bodies before any
    route runs, bounds the size and time of a body, and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        headers = Headers(scope=scope)
        refusal, status = host_refusal(headers, self.settings), 400
        if sum(len(name) + len(value) for name, value in scope["headers"]) > MAX_HEADER_BYTES:
            refusal, status = "the request headers are larger than this dashboard accepts", 431
        if refusal is None and scope["method"] not in SAFE_METHODS:
            refusal, status = origin_refusal(headers), 403
        if refusal is None and announced_too_large(headers, self.settings.max_body_bytes):
            refusal, status = "the request body is larger than this dashboard accepts", 413
        if refusal is not None:
            await error_response(scope["path"], status, refusal)(scope, receive, send_with_headers)
            return
        body = BoundedBody(receive, self.settings.max_body_bytes, self.settings.body_timeout)
        await self.app(scope, body, send_with_headers)
