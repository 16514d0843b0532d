"""Feeds that lie, drip or hang, served by a local HTTP server: `feeds pull --online --timeout` reports each
as skipped with its reason, finishes, and the items pulled before are kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FEED = Path(__file__).parents[2] / "examples" / "feeds" / "tjs-meta-hybrid-strategy.atom"
HANG_GUARD_SECONDS = 120
"""Not a speed test: the pull waits at most about twice --timeout per feed; past this it hangs."""
BOMB = (
    '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "lollollollollollollollollollol">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><feed xmlns="http://www.w3.org/2005/Atom"><title>&j;</title><entry><title>Meta Llama</title>'
    "<id>x</id><summary>&j;</summary></entry></feed>"
)


class _Hostile(BaseHTTPRequestHandler):
    """Answers each path in its own bad way."""

    stop = threading.Event()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def _start(self, length: int | None = None, location: str | None = None, code: int = 200) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "application/atom+xml")
        if length is not None:
            self.send_header("Content-Length", str(length))
        if location is not None:
            self.send_header("Location", location)
        self.end_headers()

    def do_GET(self) -> None:
        """Garbage, a page that is no feed, a drip, silence, redirects to file: and ftp:, an entity bomb."""
        if self.path == "/garbage":
            body = os.urandom(20_000)
            self._start(len(body))
            self.wfile.write(body)
        elif self.path == "/page":
            body = b"<html><body><p>Not a feed at all</p></body></html>"
            self._start(len(body))
            self.wfile.write(body)
        elif self.path == "/drip":
            self._start()
            self.wfile.write(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')
            try:
                while not self.stop.wait(0.2):
                    self.wfile.write(b" ")
                    self.wfile.flush()
            except OSError:  # the client gave up, as it should
                return
        elif self.path == "/silent":
            self.stop.wait(HANG_GUARD_SECONDS)
        elif self.path == "/redirect":
            self._start(0, "file:///etc/passwd", 302)
        elif self.path == "/redirect-ftp":
            self._start(0, "ftp://127.0.0.1:1/feed.xml", 302)
        elif self.path == "/bomb":
            body = BOMB.encode()
            self._start(len(body))
            self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    """A loopback HTTP server of hostile feeds; its base URL."""
    _Hostile.stop.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Hostile.stop.set()
    httpd.shutdown()
    httpd.server_close()


def _openwatch(args: list[str], db: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "openwatch", *args, "--db", db]
    return subprocess.run(command, capture_output=True, text=True, timeout=HANG_GUARD_SECONDS, check=False)


def test_bad_feeds_are_skipped_with_their_reason_and_earlier_items_stay(server: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'history.db'}"
    assert _openwatch(["feeds", "add", str(FEED)], db).returncode == 0
    assert _openwatch(["feeds", "pull"], db).returncode == 0
    queued = _openwatch(["triage", "--format", "json"], db).stdout
    assert json.loads(queued)
    for path in ("garbage", "page", "drip", "silent", "redirect", "redirect-ftp", "bomb"):
        assert _openwatch(["feeds", "add", f"{server}/{path}"], db).returncode == 0
    pulled = _openwatch(["feeds", "pull", "--online", "--timeout", "1"], db)
    assert pulled.returncode == 0, pulled.stderr
    reports = {report["feed"].rsplit("/", 1)[-1]: report for report in json.loads(pulled.stdout)}
    assert reports["garbage"]["skipped"].startswith("not a feed")
    assert reports["page"]["skipped"].startswith("not a feed")
    assert reports["drip"]["skipped"] == "timed out: not complete after 1 s"
    assert reports["silent"]["skipped"] == "cannot read: timed out"
    assert "Redirection to url 'file:///etc/passwd' is not allowed" in reports["redirect"]["skipped"]
    assert "redirect to 'ftp://127.0.0.1:1/feed.xml' refused" in reports["redirect-ftp"]["skipped"]
    assert reports["tjs-meta-hybrid-strategy.atom"]["queued"] == 0  # re-pulled, nothing duplicated
    now = json.loads(_openwatch(["triage", "--format", "json"], db).stdout)
    assert [item for item in now if item in json.loads(queued)] == json.loads(queued)  # earlier items kept
    from_bomb = [item for item in now if item not in json.loads(queued)]
    assert reports["bomb"]["items"] == 1
    assert all(len(item["summary"]) < 100 for item in from_bomb)  # the entities were not expanded
