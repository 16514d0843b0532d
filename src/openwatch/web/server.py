"""Running the dashboard with uvicorn on a socket bound first, with a deadline for each request's headers."""

from __future__ import annotations

import asyncio
import socket
from typing import Any, ClassVar

import uvicorn
from fastapi import FastAPI
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from openwatch.web.settings import CLIENT_TIMEOUT, MAX_HEADER_BYTES

KEEP_ALIVE_TIMEOUT = 5
"""Seconds an idle kept-alive connection stays open."""


class HeaderDeadlineProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol that closes a connection whose request headers do not arrive in time
    (a slowloris client sending a byte at a time); uvicorn alone waits for them for ever."""

    header_timeout: ClassVar[float] = CLIENT_TIMEOUT

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting_after: object = None
        """The request cycle that was current when the deadline was set; a new one means headers came."""

    def _arm(self) -> None:
        self._disarm()
        self._waiting_after = self.cycle
        self._deadline = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """A new connection: its first request's headers must arrive before the deadline."""
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        """Bytes arrived; once they complete a request's headers, the deadline is lifted."""
        super().data_received(data)
        if self._deadline is not None and self.cycle is not self._waiting_after:
            self._disarm()

    def on_response_complete(self) -> None:
        """A response went out; unless the next request has already begun, wait for its headers again."""
        before = self.cycle
        super().on_response_complete()
        if self.cycle is before and not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        """The connection ended; nothing more to wait for."""
        self._disarm()
        super().connection_lost(exc)


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: a free one); OSError when it cannot be had."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def run(app: FastAPI, sock: socket.socket, header_timeout: float, access_log: bool = False) -> None:
    """Serve the app on the bound socket until interrupted (Ctrl-C or SIGTERM)."""
    protocol = type("Protocol", (HeaderDeadlineProtocol,), {"header_timeout": header_timeout})
    config = uvicorn.Config(
        app,
        http=protocol,
        lifespan="off",
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT,
        timeout_graceful_shutdown=5,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        server_header=False,
        proxy_headers=False,
        access_log=access_log,
        log_level="info" if access_log else "warning",
    )
    uvicorn.Server(config).run(sockets=[sock])
