"""Web fixtures: a history database holding real audits (one of a project with a hostile name), a pulled
feed with hostile items, a catalog overlay with a hostile lab, and the dashboard over them."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_support import EXAMPLE, FIXTURES, HOSTILE, Site, make_site

from openwatch.api import audit
from openwatch.catalog.load import load_catalog
from openwatch.intel.pull import pull_feeds
from openwatch.store.database import create_store_engine, writing
from openwatch.store.feed_queue import add_feed
from openwatch.store.history import AuditToRecord, record_audit, utc_now


def _record(engine: Any, folder: Path, result: dict[str, Any]) -> int:
    return record_audit(
        engine,
        AuditToRecord(str(folder), folder.name, None, utc_now(), "test", "fingerprint", result),
    )


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose folder and file names are markup, and whose code names a model by markup."""
    folder = tmp_path_factory.mktemp("projects") / HOSTILE
    folder.mkdir()
    (folder / f"{HOSTILE}.py").write_text(
        "from openai import OpenAI\n\nclient = OpenAI()\n"
        f"client.chat.completions.create(model={HOSTILE!r}, messages=[])\n"
        'client.chat.completions.create(model="gpt-4o", messages=[])\n'
    )
    return folder


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, hostile_project: Path) -> Path:
    """A database with audits 1 and 2 of the example (judged in 2025 and in 2026, so Meta's stance
    moved between them), audit 3 of the hostile project, and the hostile feed pulled into triage."""
    path = tmp_path_factory.mktemp("db") / "history.db"
    engine = create_store_engine(f"sqlite:///{path}")
    _record(engine, EXAMPLE, audit(EXAMPLE, today=dt.date(2025, 6, 1)))
    _record(engine, EXAMPLE, audit(EXAMPLE, today=dt.date(2026, 11, 29)))
    _record(engine, hostile_project, audit(hostile_project, today=dt.date(2026, 11, 29)))
    with writing(engine) as session:
        add_feed(session, str(FIXTURES / "hostile.json"), "file")
    pull_feeds(engine, load_catalog([FIXTURES / "overlay"]), online=False, timeout=1)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def shared_overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile overlay, shared by the tests that only read (its catalog is then cached once)."""
    overlay = tmp_path_factory.mktemp("shared") / "overlay"
    shutil.copytree(FIXTURES / "overlay", overlay)
    return overlay


@pytest.fixture
def site(template_db: Path, shared_overlay: Path, tmp_path: Path) -> Iterator[Site]:
    """A dashboard that tests only read from (its database is still a fresh copy)."""
    made = make_site(template_db, tmp_path, shared_overlay)
    with made.client:
        yield made


@pytest.fixture
def writable_site(template_db: Path, tmp_path: Path) -> Iterator[Site]:
    """A dashboard with its own overlay copy, for tests that accept, dismiss or verify."""
    overlay = tmp_path / "overlay"
    shutil.copytree(FIXTURES / "overlay", overlay)
    made = make_site(template_db, tmp_path, overlay)
    with made.client:
        yield made
