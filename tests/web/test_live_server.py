"""The real server in a child process on a free loopback port: slow clients, raw paths, big headers."""

from __future__ import annotations

import re
import select
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest
from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401  (registers the commands)

CLIENT_TIMEOUT = 2.0
"""The server's --client-timeout in these tests: short, so a slow client is cut off soon."""


@dataclass(frozen=True)
class Live:
    """A running dashboard: its port and process."""

    port: int
    process: subprocess.Popen[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="module")
def live(template_db: Path, shared_overlay: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """`openwatch serve --port 0` in a child process, over a copy of the template database."""
    db = tmp_path_factory.mktemp("live") / "history.db"
    db.write_bytes(template_db.read_bytes())
    command = [
        sys.executable,
        "-m",
        "openwatch",
        "serve",
        "--port",
        "0",
        "--db",
        f"sqlite:///{db}",
        "--catalog",
        str(shared_overlay),
        "--client-timeout",
        str(CLIENT_TIMEOUT),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 60)
    line = process.stdout.readline() if ready else ""
    found = re.match(r"openwatch dashboard: http://127\.0\.0\.1:(\d+)/", line)
    if found is None:
        process.kill()
        pytest.fail(f"the server did not start: {line!r} {process.stderr.read() if process.stderr else ''}")
    yield Live(int(found.group(1)), process)
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def raw_request(live: Live, data: bytes, wait: float = 10.0) -> bytes:
    """Send bytes as they are (no client-side path clean-up, maybe an unfinished request) and read the
    answer until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", live.port), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65_536):
            chunks.append(chunk)
    return b"".join(chunks)


def request_line(live: Live, method: str, target: str, *headers: str) -> bytes:
    """A whole HTTP/1.1 request with the dashboard's own Host and a closing connection."""
    lines = [f"{method} {target} HTTP/1.1", f"Host: 127.0.0.1:{live.port}", "Connection: close", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def _slowloris(live: Live, sockets: list[socket.socket], closed: list[bool], stop: threading.Event) -> None:
    """Send each socket's request headers one byte at a time, round robin, until the server closes it."""
    head = (
        f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{live.port}\r\nUser-Agent: slow\r\nX-Pad: ".encode() + b"a" * 400
    )
    position = 0
    while not stop.is_set() and not all(closed):
        for index, sock in enumerate(sockets):
            if closed[index]:
                continue
            try:
                sock.send(head[position % len(head) : position % len(head) + 1])
                readable, _, _ = select.select([sock], [], [], 0)
                if readable and sock.recv(1024) == b"":
                    closed[index] = True
            except OSError:
                closed[index] = True
        position += 1
        time.sleep(0.05)


def test_slow_clients_do_not_stop_others_and_are_cut_off(live: Live) -> None:
    sockets = [socket.create_connection(("127.0.0.1", live.port)) for _ in range(40)]
    closed = [False] * len(sockets)
    stop = threading.Event()
    sender = threading.Thread(target=_slowloris, args=(live, sockets, closed, stop), daemon=True)
    sender.start()
    try:
        with httpx2.Client(base_url=live.url, timeout=10) as client:
            answers = [
                client.get(path).status_code for path in ("/", "/api/projects", "/labs", "/triage") * 3
            ]
        assert answers == [200] * 12
        sender.join(timeout=CLIENT_TIMEOUT + 15)
        assert all(closed), f"{closed.count(False)} slow sockets still open"
    finally:
        stop.set()
        for sock in sockets:
            sock.close()
    assert live.process.poll() is None


def form_post_head(live: Live, length: int) -> bytes:
    """The head of a form POST from the dashboard's own origin announcing a body of `length` bytes."""
    return request_line(
        live,
        "POST",
        "/triage/1/dismiss",
        f"Origin: http://127.0.0.1:{live.port}",
        "Content-Type: application/x-www-form-urlencoded",
        f"Content-Length: {length}",
    )


def test_a_body_sent_too_slowly_gets_408(live: Live) -> None:
    answer = raw_request(live, form_post_head(live, 1000) + b"csrf_token=", CLIENT_TIMEOUT + 15)  # 11 bytes
    assert status_of(answer) == 408 and b"not sent in time" in answer


def test_a_body_announced_too_large_is_refused_before_it_is_sent(live: Live) -> None:
    answer = raw_request(live, form_post_head(live, 50_000_000))  # no byte of the body is sent
    assert status_of(answer) == 413


@pytest.mark.parametrize(
    "target",
    [
        "/static/../app.py",
        "/static/../../../../../../../../etc/passwd",
        "/../../../../etc/passwd",
        "/static/./../web/app.py",
        "/static/..%2f..%2fapp.py",
        "/static/%2e%2e/%2e%2e/store/database.py",
        "/static//etc/passwd",
        "/static/..\\..\\app.py",
        "//etc/passwd",
    ],
)
def test_literal_traversal_on_the_wire_finds_nothing(live: Live, target: str) -> None:
    answer = raw_request(live, request_line(live, "GET", target))
    assert status_of(answer) in (400, 404)
    assert b"root:" not in answer and b"def create_app" not in answer and b"import" not in answer


def test_oversized_and_doubled_headers_are_refused_and_the_server_goes_on(live: Live) -> None:
    for size in (20_000, 60_000):  # a whole request read at once: the guard answers
        huge = request_line(live, "GET", "/", "X-Big: " + "a" * size)
        assert status_of(raw_request(live, huge)) == 431
    unfinished = request_line(live, "GET", "/", "X-Big: " + "a" * 40_000)[:-4]  # headers never end
    assert status_of(raw_request(live, unfinished)) == 400  # the parser gives up past 16 KiB
    doubled = request_line(live, "GET", "/api/projects", "Host: evil.example")
    assert status_of(raw_request(live, doubled)) == 400
    rebinding = b"GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"
    assert status_of(raw_request(live, rebinding)) == 400
    ok = raw_request(live, request_line(live, "GET", "/api/projects"))
    assert status_of(ok) == 200 and b"\r\nserver:" not in ok.lower()


def test_a_port_in_use_or_a_bad_database_is_a_one_line_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.stderr
    result = CliRunner().invoke(app, ["serve", "--port", "0", "--db", "mysql://nowhere/x"])
    assert result.exit_code == 2 and "unsupported database" in result.stderr
