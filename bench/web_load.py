"""Load the web dashboard from a second process on loopback: requests per second and errors per page.

The server (`openwatch serve --port 0`) runs as a child process over a throwaway data folder holding
recorded audits of the example project and the example feed in triage. This process sends a bounded
number of requests to each page from several threads (httpx2 clients with keep-alive), while `--slow`
sockets dribble request headers a byte at a time (slowloris) the whole time. The reference, measured in
the same run, is the dashboard's static stylesheet: each page's rate is printed as a ratio to it.
Run: .venv/bin/python bench/web_load.py [--requests N] [--threads T] [--slow S] [--audits A]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import select
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2

from openwatch.api import audit
from openwatch.catalog.load import load_catalog
from openwatch.intel.pull import pull_feeds
from openwatch.store.database import create_store_engine, writing
from openwatch.store.feed_queue import add_feed
from openwatch.store.history import AuditToRecord, record_audit, utc_now

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "chat-assistant"
FEED = ROOT / "examples" / "feeds" / "tjs-meta-hybrid-strategy.atom"
REFERENCE = "/static/dashboard.css"
PAGES = [
    REFERENCE,
    "/",
    "/projects/1",
    "/audits/1",
    "/diff?from=1&to=2",
    "/map?as_of=2026-05-01",
    "/labs/meta?as_of=2026-05-01",
    "/models?q=llama",
    "/model?id=meta/llama-3.1-8b-instruct",
    "/triage",
    "/events?lab=meta",
    "/api/projects",
    "/api/audits/1",
    "/api/map?as_of=2026-05-01",
]


def prepare(home: Path, audits: int) -> str:
    """A database with `audits` recorded audits of the example (judged on successive days) and the feed."""
    url = f"sqlite:///{home / 'history.db'}"
    engine = create_store_engine(url)
    day = dt.date(2026, 5, 1)
    for n in range(audits):
        result = audit(EXAMPLE, today=day + dt.timedelta(days=n))
        record_audit(
            engine, AuditToRecord(str(EXAMPLE), EXAMPLE.name, None, utc_now(), "bench", "bench", result)
        )
    with writing(engine) as session:
        add_feed(session, str(FEED), "file")
    pull_feeds(engine, load_catalog(), online=False, timeout=5)
    engine.dispose()
    return url


def start_server(url: str, env: dict[str, str]) -> tuple[subprocess.Popen[str], int]:
    """`openwatch serve --port 0` as a child process; its pid and port."""
    command = [sys.executable, "-m", "openwatch", "serve", "--port", "0", "--db", url]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 120)
    found = re.search(r":(\d+)/", process.stdout.readline() if ready else "")
    if found is None:
        process.kill()
        sys.exit("the server did not start")
    return process, int(found.group(1))


def slowloris(port: int, count: int, stop: threading.Event, cut: list[int]) -> None:
    """Keep `count` sockets sending headers a byte at a time; reopen each one the server closes."""
    head = f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Pad: ".encode() + b"a" * 10_000
    sockets = [socket.create_connection(("127.0.0.1", port)) for _ in range(count)]
    position = 0
    while not stop.is_set():
        for index, sock in enumerate(sockets):
            try:
                sock.send(head[position % len(head) : position % len(head) + 1])
            except OSError:
                cut[0] += 1
                sock.close()
                sockets[index] = socket.create_connection(("127.0.0.1", port))
        position += 1
        stop.wait(0.2)
    for sock in sockets:
        sock.close()


def load(port: int, path: str, requests: int, threads: int) -> dict[str, Any]:
    """Send `requests` GETs of one path from `threads` threads; rate, latencies and errors."""
    local = threading.local()

    def one(_: int) -> tuple[float, str | None]:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
        start = time.perf_counter()
        try:
            response = client.get(path)
            error = None if response.status_code == 200 else f"HTTP {response.status_code}"
        except httpx2.HTTPError as exc:
            error = type(exc).__name__
        return time.perf_counter() - start, error

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(one, range(requests)))
    wall = time.perf_counter() - start
    latencies = sorted(r[0] for r in results)
    errors = [r[1] for r in results if r[1]]
    return {
        "path": path,
        "requests": requests,
        "rps": requests / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
    }


def peak_memory_mb(pid: int) -> float | None:
    """The server's peak resident memory (Linux /proc), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else None


def main() -> None:
    """Prepare the data, start the server, load each page, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="Requests per page.")
    parser.add_argument("--threads", type=int, default=8, help="Concurrent client threads.")
    parser.add_argument("--slow", type=int, default=50, help="Slowloris sockets open during the run.")
    parser.add_argument("--audits", type=int, default=5, help="Recorded audits of the example.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="openwatch-web-bench-") as folder:
        home = Path(folder)
        env = {**os.environ, "OPENWATCH_HOME": str(home), "OPENWATCH_CATALOG": ""}
        os.environ.update({"OPENWATCH_HOME": str(home), "OPENWATCH_CATALOG": ""})
        url = prepare(home, args.audits)
        process, port = start_server(url, env)
        stop, cut = threading.Event(), [0]
        dribbler = threading.Thread(target=slowloris, args=(port, args.slow, stop, cut), daemon=True)
        try:
            for path in PAGES:  # warm-up: the first request of a page loads the catalog and caches
                httpx2.get(f"http://127.0.0.1:{port}{path}", timeout=120)
            dribbler.start()
            rows = [load(port, path, args.requests, args.threads) for path in PAGES]
            alive = process.poll() is None and httpx2.get(f"http://127.0.0.1:{port}/").status_code == 200
            memory = peak_memory_mb(process.pid)
        finally:
            stop.set()
            process.terminate()
            process.wait(timeout=30)
    reference = rows[0]["rps"]
    print(
        f"{args.requests} requests per page from {args.threads} threads, {args.slow} slowloris sockets open"
    )
    print(f"{'page':40} {'req/s':>8} {'× ref':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for row in rows:
        print(
            f"{row['path']:40} {row['rps']:8.1f} {row['rps'] / reference:7.2f} {row['p50_ms']:8.1f} "
            f"{row['p95_ms']:8.1f} {row['errors']:7d} {' '.join(row['error_kinds'])}"
        )
    total = sum(r["requests"] for r in rows)
    errors = sum(r["errors"] for r in rows)
    print(f"total {total} requests, {errors} errors; slow sockets cut off by the server: {cut[0]}")
    print(f"server still up afterwards: {'yes' if alive else 'NO'}; its peak memory: {memory or 0:.0f} MB")


if __name__ == "__main__":
    main()
