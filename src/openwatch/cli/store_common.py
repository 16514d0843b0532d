"""CLI plumbing for the history database: the --db option, opening the store, recording an audit."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from openwatch.cli.common import err_console, fail
from openwatch.config import SettingsError, load_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

DbOption = typer.Option(
    None,
    "--db",
    help="History database URL (sqlite:///FILE or postgresql://…); default $OPENWATCH_DB, the project's "
    "`db` setting, else history.db in the user's data folder.",
)


def project_db_setting(folder: Path) -> str | None:
    """The `db` setting of the project in a folder (openwatch.toml or pyproject [tool.openwatch])."""
    try:
        return load_settings(folder).db
    except SettingsError as exc:
        fail(str(exc), 2)


def _refuse_a_server_setting(db: str | None, setting: str | None) -> None:
    """Exit 2 if the settings (not --db, not $OPENWATCH_DB) name a database server: a project's files must
    not make openwatch connect anywhere."""
    from_settings = not (db or os.environ.get("OPENWATCH_DB"))
    if from_settings and setting and not setting.lower().startswith("sqlite:"):
        scheme = setting.split(":", 1)[0]
        fail(
            f"the settings name a database server ({scheme}://…): openwatch connects to one only when --db "
            "or OPENWATCH_DB names it, so that a project's files cannot make it connect anywhere",
            2,
        )


def open_store(db: str | None, setting: str | None) -> Engine:
    """The history database (migrated on first use), or exit 2 with the reason."""
    from openwatch.store.database import StoreError, create_store_engine, database_url

    _refuse_a_server_setting(db, setting)
    try:
        return create_store_engine(database_url(db, setting))
    except StoreError as exc:
        fail(str(exc), 2)


def setting_here(db: str | None) -> str | None:
    """The `db` setting of the project in the current folder, when neither --db nor $OPENWATCH_DB is given
    (never a database server)."""
    setting = None if db or os.environ.get("OPENWATCH_DB") else project_db_setting(Path.cwd())
    _refuse_a_server_setting(db, setting)
    return setting


def open_store_here(db: str | None) -> Engine:
    """The history database for a command run in a project folder (its `db` setting counts)."""
    return open_store(db, setting_here(db))


def record_result(engine: Engine, project: Path, result: dict[str, Any], overlays: list[Path]) -> int:
    """Record an audit's result in the history database; print its id on stderr and return it."""
    from openwatch import __version__
    from openwatch.catalog.load import content_fingerprint
    from openwatch.store.database import StoreError
    from openwatch.store.gitinfo import git_commit
    from openwatch.store.history import AuditToRecord, record_audit, utc_now

    folder = project.resolve()
    folder = folder if folder.is_dir() else folder.parent
    audit = AuditToRecord(
        project_path=str(folder),
        project_name=folder.name,
        git_commit=git_commit(folder),
        recorded_at=utc_now(),
        catalog_version=__version__,
        catalog_fingerprint=content_fingerprint(overlays),
        result=result,
    )
    try:
        audit_id = record_audit(engine, audit)
    except StoreError as exc:
        fail(str(exc), 2)
    err_console.print(f"recorded as audit {audit_id} (openwatch history {folder.name})", markup=False)
    return audit_id
