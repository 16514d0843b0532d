"""Faults a user meets: Ctrl-C in the middle of a scan or an audit (also inside the database transaction), a
full disk for the report, the history or stdout. Each is one clear line and a non-zero exit, and what was
written or recorded before is still there, whole."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

PAUSED = Path(__file__).parent / "paused_cli.py"
EXAMPLE = Path(__file__).parents[2] / "examples" / "chat-assistant"
OPENWATCH = [sys.executable, "-m", "openwatch"]
INTERRUPTED = "openwatch: interrupted; stopped before finishing (earlier records are kept)"


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupted(tmp_path: Path, where: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI paused at `where`, press Ctrl-C there, and return how it ended (output kept in files: a
    full pipe would block the child before it reaches the pause)."""
    mark, out, err = (tmp_path / f"{where}.{name}" for name in ("paused", "out", "err"))
    with out.open("w") as stdout, err.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(PAUSED), str(mark), where, *args],
            stdout=stdout, stderr=stderr, text=True, preexec_fn=_default_sigint,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while not mark.exists():
            assert child.poll() is None, err.read_text()
            assert time.monotonic() < deadline, "the command never reached the pause"
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        child.wait(timeout=60)
    return subprocess.CompletedProcess(child.args, child.returncode, out.read_text(), err.read_text())


def _openwatch(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run the CLI; output captured unless `stdout` is given."""
    if "stdout" not in kwargs:
        kwargs.update(stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return subprocess.run([*OPENWATCH, *args], text=True, check=False, **kwargs)


def _audits(db: Path) -> list[tuple[int, str]]:
    """(id, result JSON) of every audit in a SQLite history, after checking the file's integrity."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return list(connection.execute("SELECT id, result FROM audits ORDER BY id"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "project"))


def test_ctrl_c_during_a_scan_is_one_line_and_exit_130_and_the_old_report_stays(
    tmp_path: Path, project: Path
) -> None:
    report = tmp_path / "report.json"
    report.write_text('{"earlier": true}\n')
    ended = _interrupted(tmp_path, "scan", ["scan", str(project), "-f", "json", "-o", str(report), "-q"])
    assert ended.returncode == 130
    assert (
        ended.stderr.strip() == "openwatch: interrupted; stopped before finishing (earlier records are kept)"
    )
    assert report.read_text() == '{"earlier": true}\n'
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")]  # no temporary file


@pytest.mark.parametrize("where", ["scan", "commit"])
def test_ctrl_c_during_an_audit_keeps_earlier_audits_whole(tmp_path: Path, project: Path, where: str) -> None:
    db = tmp_path / "history.db"
    args = ["audit", str(project), "-f", "json", "-q", "--db", f"sqlite:///{db}"]
    first = _openwatch(args)
    assert first.returncode in (0, 1), first.stderr
    before = _audits(db)
    assert len(before) == 1
    ended = _interrupted(tmp_path, where, args)
    assert ended.returncode == 130, ended.stderr
    assert "interrupted" in ended.stderr and "Traceback" not in ended.stderr
    assert _audits(db) == before  # nothing half-written, the earlier audit unchanged
    again = _openwatch(args)  # and the history still takes new audits
    assert again.returncode in (0, 1) and len(_audits(db)) == 2


def test_a_full_disk_for_the_report_is_exit_2_and_no_traceback(project: Path) -> None:
    for command in (["scan", str(project)], ["audit", str(project), "--no-record"]):
        ended = _openwatch([*command, "-f", "json", "-q", "-o", "/dev/full"])
        assert ended.returncode == 2
        assert ended.stderr.strip() == "error: cannot write /dev/full: No space left on device"
        with open("/dev/full", "w") as full:
            ended = _openwatch([*command, "-f", "json", "-q"], stdout=full, stderr=subprocess.PIPE)
        assert ended.returncode == 2
        assert "cannot write the report to standard output: No space left on device" in ended.stderr
        with open("/dev/full", "w") as full:
            ended = _openwatch([*command, "-q"], stdout=full, stderr=subprocess.PIPE)  # the table, by Rich
        assert ended.returncode == 2
        assert ended.stderr.strip() == "openwatch: cannot write the output: No space left on device"


def _file_size_limit(size: int) -> None:
    """In the child: writes past `size` bytes fail (EFBIG), as on a full disk, without SIGXFSZ."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize("cache", [["--no-cache"], []])
def test_a_report_that_cannot_be_written_whole_leaves_the_old_one(
    tmp_path: Path, project: Path, cache: list[str]
) -> None:
    report = tmp_path / "report.json"
    report.write_text('{"earlier": true}\n')
    ended = _openwatch(
        ["scan", str(project), "-f", "json", "-q", *cache, "-o", str(report)],
        preexec_fn=lambda: _file_size_limit(512),
    )
    assert ended.returncode == 2
    message = " ".join(ended.stderr.split())  # Rich may wrap it
    assert message.endswith(f"error: cannot write {report}: File too large")
    assert message.count("error:") == 1 and "Traceback" not in message  # (the cache may say it cannot grow)
    assert report.read_text() == '{"earlier": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "report.json"]  # no temporary file left


def test_a_full_disk_for_the_history_keeps_earlier_audits(tmp_path: Path, project: Path) -> None:
    db = tmp_path / "history.db"
    args = ["audit", str(project), "-f", "json", "-q", "--db", f"sqlite:///{db}"]
    assert _openwatch(args).returncode in (0, 1)
    before = _audits(db)
    ended = _openwatch([*args, "--no-cache"], preexec_fn=lambda: _file_size_limit(8192))  # a larger journal
    assert ended.returncode == 2, ended.stderr
    message = " ".join(ended.stderr.split())
    refused = r"error: (cannot open sqlite:///\S+|history database error): (disk I/O error|.*full)"
    assert re.match(refused, message), message
    assert _audits(db) == before


def test_ctrl_c_is_left_ignored_for_a_background_job(tmp_path: Path, project: Path) -> None:
    """A job started with SIGINT ignored (`cmd &` in a script) keeps ignoring it, as Python does."""
    child = subprocess.Popen(
        [*OPENWATCH, "scan", str(project), "-f", "json", "-q"], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )  # fmt: skip
    time.sleep(0.5)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert json.loads(out)["kind"] == "scan"
    assert os.environ.get("OPENWATCH_DEBUG") is None
