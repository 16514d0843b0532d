"""Store fixtures: a fresh database per test on SQLite and, when a server is given, PostgreSQL.

PostgreSQL comes from $OPENWATCH_TEST_POSTGRES_URL (CI starts a server and sets it). Without it the
PostgreSQL cases are skipped, unless $OPENWATCH_REQUIRE_POSTGRES=1 (set in CI), where they fail.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "chat-assistant"


def _postgres_server() -> str:
    url = os.environ.get("OPENWATCH_TEST_POSTGRES_URL")
    if url:
        return url
    if os.environ.get("OPENWATCH_REQUIRE_POSTGRES") == "1":
        pytest.fail("OPENWATCH_REQUIRE_POSTGRES=1 but OPENWATCH_TEST_POSTGRES_URL is not set")
    pytest.skip("no PostgreSQL server: set OPENWATCH_TEST_POSTGRES_URL (CI does)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a new SQLite file, or a new schema in the test PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'history.db'}"
        return
    server = _postgres_server()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in server else "?"
    yield f"{server}{separator}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(scope="session")
def example_result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The example project's real audit result, as `audit --format json` prints it (not recorded)."""
    result = CliRunner().invoke(
        app, ["audit", str(EXAMPLE), "--format", "json", "--today", "2026-11-29", "--no-record"]
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="session")
def example_result_file(example_result: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example result in a file, for child processes."""
    path = tmp_path_factory.mktemp("result") / "audit.json"
    path.write_text(json.dumps(example_result), encoding="utf-8")
    return path
