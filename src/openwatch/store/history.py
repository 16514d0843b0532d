"""Recording audits and reading them back: one transaction per audit, projects found by path or name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, defer

from openwatch.store.database import writing
from openwatch.store.schema import AuditModel, AuditRecord, Project


@dataclass(frozen=True)
class AuditToRecord:
    """What one audit run leaves in the history."""

    project_path: str
    project_name: str
    git_commit: str | None
    recorded_at: dt.datetime
    catalog_version: str
    catalog_fingerprint: str
    result: dict[str, Any]


def utc_now() -> dt.datetime:
    """The current time in UTC, without a time zone (as the database stores it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _project_id(session: Session, path: str, name: str, now: dt.datetime) -> int:
    """The project's id, inserting it if new (safe when two writers insert the same project at once)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(Project)
        .values(path=path, name=name, created_at=now)
        .on_conflict_do_nothing(index_elements=["path"])
    )
    return session.execute(select(Project.id).where(Project.path == path)).scalar_one()


def add_audit(session: Session, audit: AuditToRecord) -> AuditRecord:
    """Add an audit and the models it found to the session's transaction (not yet committed)."""
    result = audit.result
    record = AuditRecord(
        project_id=_project_id(session, audit.project_path, audit.project_name, audit.recorded_at),
        recorded_at=audit.recorded_at,
        audit_date=dt.date.fromisoformat(result["date"]),
        git_commit=audit.git_commit,
        tool_version=str(result["tool"]["version"]),
        catalog_version=audit.catalog_version,
        catalog_fingerprint=audit.catalog_fingerprint,
        models_count=len(result["models"]),
        findings_count=len(result["findings"]),
        policy_passed=bool(result["policy"]["passed"]),
        result=result,
        models=[
            AuditModel(model_id=m["id"], lab=m["lab"], family=m["family"] or "") for m in result["models"]
        ],
    )
    session.add(record)
    session.flush()
    return record


def record_audit(engine: Engine, audit: AuditToRecord) -> int:
    """Record one audit in one transaction; returns its id."""
    with writing(engine) as session:
        return add_audit(session, audit).id


def find_projects(session: Session, query: str | None) -> list[Project]:
    """Projects whose path (given as a folder, resolved) or name matches; every project when no query."""
    statement = select(Project).order_by(Project.name, Project.path)
    if query is None:
        return list(session.scalars(statement))
    path = str(Path(query).expanduser().resolve())
    by_path = list(session.scalars(statement.where(Project.path == path)))
    return by_path or list(session.scalars(statement.where(Project.name == query)))


def audits_of(session: Session, projects: Sequence[Project], limit: int | None = None) -> list[AuditRecord]:
    """Audits of the given projects, newest first (each result is read only when used)."""
    statement = (
        select(AuditRecord)
        .options(defer(AuditRecord.result))
        .where(AuditRecord.project_id.in_([p.id for p in projects]))
        .order_by(AuditRecord.recorded_at.desc(), AuditRecord.id.desc())
    )
    return list(session.scalars(statement.limit(limit) if limit else statement))


def audit_by_id(session: Session, audit_id: int) -> AuditRecord | None:
    """One audit by id."""
    return session.get(AuditRecord, audit_id)


def project_by_id(session: Session, project_id: int) -> Project | None:
    """One project by id."""
    return session.get(Project, project_id)


def latest_audits(session: Session) -> list[AuditRecord]:
    """The newest audit of every project."""
    newest = (
        select(AuditRecord.project_id, func.max(AuditRecord.id).label("audit_id"))
        .group_by(AuditRecord.project_id)
        .subquery()
    )
    statement = select(AuditRecord).join(newest, AuditRecord.id == newest.c.audit_id).order_by(AuditRecord.id)
    return list(session.scalars(statement))


def summary(record: AuditRecord) -> dict[str, Any]:
    """An audit's row in `openwatch history`."""
    return {
        "id": record.id,
        "project": record.project.name,
        "path": record.project.path,
        "recorded_at": record.recorded_at.isoformat(timespec="seconds") + "Z",
        "date": record.audit_date.isoformat(),
        "git_commit": record.git_commit,
        "catalog_version": record.catalog_version,
        "catalog_fingerprint": record.catalog_fingerprint,
        "models": record.models_count,
        "findings": record.findings_count,
        "policy_passed": record.policy_passed,
    }


def project_overview(session: Session) -> list[dict[str, Any]]:
    """Every recorded project with its latest audit and that audit's verdict, by project name."""
    rows = [
        {**summary(r), "project_id": r.project_id, "verdict": r.result.get("verdict")}
        for r in latest_audits(session)
    ]
    return sorted(rows, key=lambda row: (row["project"], row["path"]))


class AuditNotFound(LookupError):
    """The audits asked for are not recorded; the message says what is missing."""


def audit_pair(
    session: Session, first: int | None, second: int | None, project: str | None
) -> tuple[AuditRecord, AuditRecord]:
    """The two audits to compare: the ids given, or `first` and its project's latest, or the last two of
    `project` (a folder or name; the current folder when None)."""
    if first is not None:
        old = _existing(session, first)
        if second is not None:
            return old, _existing(session, second)
        latest = audits_of(session, [old.project], 1)[0]
        if latest.id == old.id:
            raise AuditNotFound(f"audit {first} is the latest of {old.project.name}; give a second audit id")
        return old, latest
    query = project or str(Path.cwd())
    projects = find_projects(session, query)
    if len(projects) != 1:
        raise AuditNotFound(
            f"no single recorded project {query!r}: name one with --project or give audit ids"
        )
    last_two = audits_of(session, projects, 2)
    if len(last_two) < 2:
        raise AuditNotFound(
            f"{projects[0].name} has only {len(last_two)} recorded audit(s); nothing to compare"
        )
    return last_two[1], last_two[0]


def _existing(session: Session, audit_id: int) -> AuditRecord:
    found = audit_by_id(session, audit_id)
    if found is None:
        raise AuditNotFound(f"no audit {audit_id} (see openwatch history)")
    return found
