"""Benchmark the history store: audits recorded per second, `diff` over 1,000 audits, kills during writes.

References measured in the same run: recording is compared with a bare insert of the same JSON through the
database driver (one transaction each, no ORM, no project or model rows); `diff` is compared with reading
and parsing the two audits' JSON alone. Kill-during-write: a child process records audits in a loop and is
killed with SIGKILL at a random moment, many times; after each kill the database must pass its integrity
check, hold every audit the child reported as committed, and hold each audit whole.
Run: .venv/bin/python bench/store_bench.py [--audits N] [--kills K] [--postgres URL]
(PostgreSQL also from $OPENWATCH_TEST_POSTGRES_URL; each run uses a fresh schema and drops it after.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, func, select, text

from openwatch.store.database import create_store_engine, reading
from openwatch.store.diff import diff_results
from openwatch.store.history import AuditToRecord, audits_of, find_projects, record_audit, utc_now
from openwatch.store.schema import AuditModel, AuditRecord

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "chat-assistant"


def _example_result() -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "openwatch", "audit", str(EXAMPLE), "--format", "json", "--no-record"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def _audit(result: dict[str, Any], n: int, project: str = "/bench/project") -> AuditToRecord:
    return AuditToRecord(project, "project", f"{n:040x}", utc_now(), "bench", f"{n:032x}", result)


def _record_rate(url: str, result: dict[str, Any], count: int) -> float:
    engine = create_store_engine(url)
    start = time.perf_counter()
    for n in range(count):
        record_audit(engine, _audit(result, n))
    seconds = time.perf_counter() - start
    engine.dispose()
    return count / seconds


def _raw_rate(url: str, result: dict[str, Any], count: int, tmp: Path) -> float:
    blob = json.dumps(result)
    if url.startswith("sqlite"):
        con = sqlite3.connect(tmp / "raw.db", isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, result TEXT)")
        start = time.perf_counter()
        for _ in range(count):
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT INTO t (result) VALUES (?)", (blob,))
            con.execute("COMMIT")
        seconds = time.perf_counter() - start
        con.close()
        return count / seconds
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE raw_t (id SERIAL PRIMARY KEY, result JSON)"))
    start = time.perf_counter()
    for _ in range(count):
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO raw_t (result) VALUES (CAST(:r AS JSON))"), {"r": blob})
    seconds = time.perf_counter() - start
    engine.dispose()
    return count / seconds


def _diff_times(url: str, result: dict[str, Any], history: int, runs: int) -> tuple[float, float, float]:
    """Median seconds of diff (last two audits, in process), its reference, and the CLI end to end."""
    engine = create_store_engine(url)
    for n in range(history):
        varied = dict(result, stats={**result["stats"], "n": n})
        record_audit(engine, _audit(varied, n, "/bench/history"))
    diffs, refs = [], []
    for _ in range(runs):
        start = time.perf_counter()
        with reading(engine) as session:
            new, old = audits_of(session, find_projects(session, "/bench/history"), 2)
            diff_results(old.result, new.result)
        diffs.append(time.perf_counter() - start)
        start = time.perf_counter()
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT result FROM audits ORDER BY id DESC LIMIT 2")).all()
            [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows]
        refs.append(time.perf_counter() - start)
    engine.dispose()
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "openwatch",
            "diff",
            "--project",
            "/bench/history",
            "--db",
            url,
            "--format",
            "json",
        ],
        capture_output=True,
        check=True,
    )
    cli = time.perf_counter() - start
    return sorted(diffs)[runs // 2], sorted(refs)[runs // 2], cli


def _child(url: str, result_file: str) -> None:
    result = json.loads(Path(result_file).read_text())
    engine = create_store_engine(url)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        print(f"committed {record_audit(engine, _audit(result, n, '/bench/kill'))}", flush=True)


def _kills(url: str, result_file: Path, kills: int, seed: int) -> tuple[int, int, int]:
    """Kill a writer `kills` times; return (kills, consistent afterwards, audits committed and kept)."""
    rng = random.Random(seed)
    committed: set[int] = set()
    consistent = 0
    create_store_engine(url).dispose()
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", url, str(result_file)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        lines = [child.stdout.readline()]
        time.sleep(rng.uniform(0.02, 0.5))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        lines += rest.splitlines()
        committed |= {int(line.split()[1]) for line in lines if line.startswith("committed ")}
        engine = create_store_engine(url)
        with reading(engine) as session:
            ok = (
                engine.dialect.name != "sqlite"
                or session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            )
            ids = set(session.scalars(select(AuditRecord.id)))
            for record in session.scalars(select(AuditRecord)):
                rows = session.scalar(select(func.count()).where(AuditModel.audit_id == record.id))
                ok = ok and rows == len(record.result["models"])
        engine.dispose()
        consistent += ok and committed <= ids
    return kills, consistent, len(committed)


def _postgres_schema(server: str) -> tuple[str, str]:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with create_engine(server).begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in server else "?"
    return f"{server}{separator}options={quote(f'-csearch_path={schema}')}", schema


def main() -> None:
    """Run every measurement on SQLite, and on PostgreSQL when a server is given."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--audits", type=int, default=300, help="audits recorded for the rate")
    parser.add_argument("--history", type=int, default=1000, help="audits in the history diff runs over")
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--postgres", default=os.environ.get("OPENWATCH_TEST_POSTGRES_URL"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    result = _example_result()
    print(f"audit result: {len(json.dumps(result)):,} bytes of JSON, {len(result['models'])} models")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        result_file = tmp / "result.json"
        result_file.write_text(json.dumps(result))
        backends = [("sqlite", lambda name: f"sqlite:///{tmp / name}.db", None)]
        if args.postgres:
            backends.append(("postgresql", lambda name: _postgres_schema(args.postgres)[0], args.postgres))
        for backend, make_url, server in backends:
            rate = _record_rate(make_url("rate"), result, args.audits)
            raw = _raw_rate(make_url("raw"), result, args.audits, tmp)
            print(
                f"[{backend}] record: {rate:,.0f} audits/s; bare driver insert {raw:,.0f}/s "
                f"(ratio {raw / rate:.1f}x)"
            )
            diff, ref, cli = _diff_times(make_url("history"), result, args.history, 9)
            print(
                f"[{backend}] diff over {args.history:,} audits: {diff * 1000:.1f} ms in process, "
                f"reading the two results alone {ref * 1000:.1f} ms (ratio {diff / ref:.1f}x); "
                f"`openwatch diff` CLI {cli:.2f} s"
            )
            kills, consistent, kept = _kills(make_url("kill"), result_file, args.kills, seed=7)
            print(
                f"[{backend}] kill -9 during writes: {kills} kills, {consistent} consistent afterwards, "
                f"{kept} committed audits all kept"
            )
            if server:
                with create_engine(server).begin() as connection:
                    for (schema,) in connection.execute(
                        text("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench_%'")
                    ).all():
                        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))


if __name__ == "__main__":
    main()
