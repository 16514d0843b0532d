"""Opening the history database: URL choice, SQLite durability settings, migrations on first use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session

from openwatch.userdata import default_database_url

SCHEMA_REVISION = "0001"
"""The newest migration; a database at this revision needs no migration run (a test checks it is head)."""
BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer waits for another writer's lock before giving up."""
_MIGRATION_LOCK = 7_172_706_119
"""PostgreSQL advisory lock key that serialises concurrent first-use migrations."""
_MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The history database cannot be opened or used; the message says why."""


def database_url(flag: str | None, setting: str | None = None) -> str:
    """The database URL: --db, else $OPENWATCH_DB, else the project setting, else SQLite in the data dir."""
    return flag or os.environ.get("OPENWATCH_DB") or setting or default_database_url()


def _normalise(url: str) -> URL:
    """Parse a URL; plain postgresql:// (or postgres://) URLs use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}") from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite:/// or postgresql://"
        )
    return parsed


def _sqlite_settings(engine: Engine) -> None:
    """WAL journal, a busy timeout, foreign keys; transactions begin explicitly (IMMEDIATE for writes)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("openwatch_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_store_engine(url: str) -> Engine:
    """An engine for the URL with openwatch's settings, its schema migrated to the newest revision."""
    parsed = _normalise(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _sqlite_settings(engine)
        else:
            engine = create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})
        ensure_schema(engine)
    except (OSError, NoSuchModuleError) as exc:
        raise StoreError(f"cannot open {parsed.render_as_string(hide_password=True)}: {exc}") from exc
    except SQLAlchemyError as exc:
        reason = str(_store_error(exc)).removeprefix("history database error: ")
        raise StoreError(f"cannot open {parsed.render_as_string(hide_password=True)}: {reason}") from exc
    return engine


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except SQLAlchemyError:
            found = None
        connection.rollback()
    return str(found) if found is not None else None


def ensure_schema(engine: Engine) -> None:
    """Run the migrations unless the database is already at SCHEMA_REVISION (the common, fast case)."""
    if _revision(engine) != SCHEMA_REVISION:
        migrate(engine)


def migrate(engine: Engine) -> None:
    """Upgrade to the newest revision in one transaction, one process at a time (Alembic loads only here)."""
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS).replace("%", "%%"))
    with engine.execution_options(openwatch_write=True).begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as exc:
            raise StoreError(f"this database was written by a newer openwatch ({exc})") from exc


def _store_error(exc: SQLAlchemyError) -> StoreError:
    message = str(exc.orig if isinstance(exc, DBAPIError) else exc).strip().splitlines()
    return StoreError(f"history database error: {message[0] if message else type(exc).__name__}")


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """A session whose work commits as one transaction at the end, or rolls back whole on any error."""
    try:
        write_engine = engine.execution_options(openwatch_write=True)
        with Session(write_engine, expire_on_commit=False) as session, session.begin():
            yield session
    except SQLAlchemyError as exc:
        raise _store_error(exc) from exc


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A session for reading; database errors become StoreError."""
    try:
        with Session(engine) as session:
            yield session
    except SQLAlchemyError as exc:
        raise _store_error(exc) from exc
