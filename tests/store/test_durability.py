"""Durability: a writer killed (SIGKILL) mid-write leaves the database consistent and earlier audits intact;
audits written at once by two processes both land. Real child processes, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from openwatch.store.database import create_store_engine, reading
from openwatch.store.history import AuditToRecord, record_audit, utc_now
from openwatch.store.schema import AuditModel, AuditRecord, Project

WRITER = Path(__file__).parent / "writer.py"


def _writer(url: str, result_file: Path, mode: str, count: int, project: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), url, str(result_file), mode, str(count), project],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(process: subprocess.Popen[str], line: str) -> list[str]:
    assert process.stdout is not None
    seen = []
    for out in process.stdout:
        seen.append(out.strip())
        if out.strip() == line or out.startswith(line):
            return seen
    raise AssertionError(f"writer ended before {line!r}: {process.stderr.read() if process.stderr else ''}")


def _consistent(url: str, expected: dict[int, dict[str, Any]]) -> list[int]:
    """Check the database: integrity, every audit whole (model rows match its JSON), earlier ones equal."""
    engine = create_store_engine(url)
    with reading(engine) as session:
        if engine.dialect.name == "sqlite":
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        ids = list(session.scalars(select(AuditRecord.id).order_by(AuditRecord.id)))
        for record in session.scalars(select(AuditRecord)):
            rows = session.scalar(select(func.count()).where(AuditModel.audit_id == record.id))
            assert rows == len(record.result["models"]) == record.models_count
            if record.id in expected:
                assert record.result == expected[record.id]
    engine.dispose()
    return ids


def _seed(url: str, result: dict[str, Any], count: int) -> dict[int, dict[str, Any]]:
    engine = create_store_engine(url)
    ids = {
        record_audit(
            engine, AuditToRecord("/p/seed", "seed", "a" * 40, utc_now(), "test", "0" * 32, result)
        ): result
        for _ in range(count)
    }
    engine.dispose()
    return ids


def test_killed_inside_a_transaction_leaves_earlier_audits_intact(
    db_url: str, example_result: dict[str, Any], example_result_file: Path
) -> None:
    earlier = _seed(db_url, example_result, 3)
    writer = _writer(db_url, example_result_file, "hold", 1, "/p/killed")
    _wait_for(writer, "in-transaction")
    writer.send_signal(signal.SIGKILL)
    assert writer.wait(30) == -signal.SIGKILL
    assert _consistent(db_url, earlier) == sorted(earlier)
    engine = create_store_engine(db_url)
    with reading(engine) as session:  # the killed audit left nothing behind, not even its project row
        assert session.scalar(select(func.count()).where(Project.path == "/p/killed")) == 0
    engine.dispose()


def test_killed_at_random_moments_while_writing_keeps_every_committed_audit(
    db_url: str, example_result: dict[str, Any], example_result_file: Path
) -> None:
    earlier = _seed(db_url, example_result, 2)
    rng = random.Random(9)
    committed: set[int] = set()
    for _ in range(4):
        writer = _writer(db_url, example_result_file, "loop", 10_000, "/p/loop")
        lines = _wait_for(writer, "ready")
        time.sleep(rng.uniform(0.05, 0.4))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=30)
        lines += out.splitlines()
        committed |= {int(line.split()[1]) for line in lines if line.startswith("committed ")}
        ids = _consistent(db_url, earlier)
        assert committed <= set(ids), "an audit reported as committed was lost"
    assert committed, "no writer committed anything before it was killed"


def test_two_processes_writing_at_once_both_land(db_url: str, example_result_file: Path) -> None:
    writers = [_writer(db_url, example_result_file, "loop", 8, "/p/shared") for _ in range(2)]
    outputs = [w.communicate(timeout=120) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in outputs]
    committed = [
        int(line.split()[1]) for out, _ in outputs for line in out.splitlines() if "committed" in line
    ]
    assert len(committed) == len(set(committed)) == 16
    engine = create_store_engine(db_url)
    with reading(engine) as session:
        assert sorted(session.scalars(select(AuditRecord.id))) == sorted(committed)
        assert session.scalar(select(func.count()).select_from(Project)) == 1
    engine.dispose()
    assert json.loads(example_result_file.read_text())["models"]
