"""Fetching a feed URL (only with --online): http(s) only, a deadline for the whole download, a size bound."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from typing import IO, Any

from openwatch import __version__

CHUNK = 65_536


class FetchError(Exception):
    """The URL could not be fetched in time or within the size bound; the message says why."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https URLs only (not ftp:, not file:)."""

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        """The redirected request, or an error for another scheme."""
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl[:80]!r} refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def fetch_url(url: str, timeout: float, max_bytes: int) -> bytes:
    """The body of an http(s) URL; FetchError past `timeout` seconds in all (a server that answers a byte at
    a time is cut off too: each read waits at most `timeout`, and reading stops once the deadline passed)
    or past `max_bytes`."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("only http and https URLs are fetched")
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": f"openwatch/{__version__}"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read1(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"larger than {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out: not complete after {timeout:g} s")
                chunks.append(chunk)
    except (OSError, urllib.error.URLError, ValueError) as exc:
        raise FetchError(f"cannot read: {exc}") from exc
    return b"".join(chunks)
