"""The history database unavailable or read-only (SQLite and PostgreSQL), and a project whose settings point
the history at a server: each is one clear line and exit 2, and the audits recorded before are kept."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from sqlalchemy import func, select

from openwatch.store.database import create_store_engine, reading
from openwatch.store.schema import AuditRecord

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "chat-assistant"
OPENWATCH = [sys.executable, "-m", "openwatch"]


def _audit(db: str, project: Path = EXAMPLE) -> subprocess.CompletedProcess[str]:
    args = [*OPENWATCH, "audit", str(project), "-f", "json", "-q", "--today", "2026-11-29", "--db", db]
    return subprocess.run(args, capture_output=True, text=True, check=False)


def _count(db: str) -> int:
    engine = create_store_engine(db)
    with reading(engine) as session:
        count = session.scalar(select(func.count()).select_from(AuditRecord)) or 0
    engine.dispose()
    return count


def _read_only(db: str) -> str:
    """The same database, opened read-only (SQLite's mode=ro, PostgreSQL's read-only transactions)."""
    if db.startswith("sqlite:///"):
        return f"sqlite:///file:{db.removeprefix('sqlite:///')}?mode=ro&uri=true"
    parts = urlsplit(db)
    query = dict(parse_qsl(parts.query))
    query["options"] = (query.get("options", "") + " -cdefault_transaction_read_only=on").strip()
    return urlunsplit(parts._replace(query=urlencode(query, quote_via=quote)))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_read_only_history_refuses_the_record_and_keeps_the_audits(db_url: str) -> None:
    assert _audit(db_url).returncode == 0
    ended = _audit(_read_only(db_url))
    assert ended.returncode == 2
    message = " ".join(ended.stderr.split())
    assert message.startswith("error: history database error: ")
    assert "readonly database" in message or "read-only transaction" in message
    assert json.loads(ended.stdout)["kind"] == "audit"  # the report itself was printed
    assert _count(db_url) == 1


def test_an_unavailable_history_is_refused_before_the_scan(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder\n")
    for db, says in (
        (f"postgresql://someone:secret@127.0.0.1:{_closed_port()}/none", "Connection refused"),
        (f"sqlite:///{tmp_path / 'a-file' / 'history.db'}", "File exists"),
        ("mysql://someone@localhost/db", "unsupported database 'mysql'"),
    ):
        ended = _audit(db)
        assert ended.returncode == 2
        assert ended.stdout == ""  # nothing scanned, nothing printed
        message = " ".join(ended.stderr.split())
        assert message.startswith("error: ") and says in message and "secret" not in message


def test_a_project_cannot_point_the_history_at_a_server(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        listener.setblocking(False)
        project = tmp_path / "project"
        project.mkdir()
        (project / "app.py").write_text("from openai import OpenAI\nOpenAI().chat.create(model='gpt-4o')\n")
        port = listener.getsockname()[1]
        settings = f'[tool.openwatch]\ndb = "postgresql://me:pw@127.0.0.1:{port}/steal"\n'
        (project / "pyproject.toml").write_text(settings)
        args = [*OPENWATCH, "audit", str(project), "-f", "json", "-q"]
        ended = subprocess.run(args, capture_output=True, text=True, check=False)
        assert ended.returncode == 2
        assert "the settings name a database server (postgresql://…)" in " ".join(ended.stderr.split())
        try:
            listener.accept()
            connected = True
        except BlockingIOError:
            connected = False
        assert not connected
        no_record = subprocess.run([*args, "--no-record"], capture_output=True, text=True, check=False)
        assert no_record.returncode == 0 and json.loads(no_record.stdout)["kind"] == "audit"
