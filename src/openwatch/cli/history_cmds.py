"""The history and diff commands: recorded audits, and what changed between two of them."""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy.orm import Session

from openwatch.cli import app
from openwatch.cli.common import TableOrJson, console, fail, print_json
from openwatch.cli.store_common import DbOption, open_store_here
from openwatch.formats.history_table import print_diff, print_history
from openwatch.store.database import StoreError, reading
from openwatch.store.diff import diff_results, is_empty
from openwatch.store.history import audit_by_id, audits_of, find_projects, summary
from openwatch.store.schema import AuditRecord


@app.command()
def history(
    project: str = typer.Argument(None, help="Project folder or name (default: every project)."),
    limit: int = typer.Option(50, "--limit", min=1, help="Show at most this many audits."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    db: str = DbOption,
) -> None:
    """List recorded audits, newest first."""
    engine = open_store_here(db)
    try:
        with reading(engine) as session:
            projects = find_projects(session, project)
            if project is not None and not projects:
                fail(f"no recorded audits of {project!r}", 2)
            rows = [summary(r) for r in audits_of(session, projects, limit)]
    except StoreError as exc:
        fail(str(exc), 2)
    if fmt is TableOrJson.JSON:
        print_json(rows)
    else:
        print_history(rows, console)


def _pair(
    session: Session, first: int | None, second: int | None, project: str | None
) -> tuple[AuditRecord, AuditRecord]:
    """The two audits to compare: the ids given, or A and its project's latest, or a project's last two."""
    if first is not None:
        old = audit_by_id(session, first)
        if old is None:
            fail(f"no audit {first} (see openwatch history)", 2)
        if second is not None:
            new = audit_by_id(session, second)
            if new is None:
                fail(f"no audit {second} (see openwatch history)", 2)
            return old, new
        latest = audits_of(session, [old.project], 1)[0]
        if latest.id == old.id:
            fail(f"audit {first} is the latest of {old.project.name}; give a second audit id", 2)
        return old, latest
    query = project or str(Path.cwd())
    projects = find_projects(session, query)
    if len(projects) != 1:
        fail(f"no single recorded project {query!r}: name one with --project or give audit ids", 2)
    last_two = audits_of(session, projects, 2)
    if len(last_two) < 2:
        fail(f"{projects[0].name} has only {len(last_two)} recorded audit(s); nothing to compare", 2)
    return last_two[1], last_two[0]


@app.command()
def diff(
    first: int = typer.Argument(None, help="Audit id to compare from (see openwatch history)."),
    second: int = typer.Argument(None, help="Audit id to compare to (default: the project's latest)."),
    project: str = typer.Option(None, "--project", help="Project folder or name (default: this folder)."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    db: str = DbOption,
) -> None:
    """What changed between two audits (default: the project's last two): models, licences, access,
    stance, obligations and findings."""
    engine = open_store_here(db)
    try:
        with reading(engine) as session:
            old, new = _pair(session, first, second, project)
            changes = diff_results(old.result, new.result)
            data = {
                "from": summary(old),
                "to": summary(new),
                "catalog_changed": old.catalog_fingerprint != new.catalog_fingerprint,
                "unchanged": is_empty(changes),
                **changes,
            }
    except StoreError as exc:
        fail(str(exc), 2)
    if fmt is TableOrJson.JSON:
        print_json(data)
    else:
        print_diff(data, console)
