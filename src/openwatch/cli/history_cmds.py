"""The history and diff commands: recorded audits, and what changed between two of them."""

from __future__ import annotations

import typer

from openwatch.cli import app
from openwatch.cli.common import TableOrJson, console, fail, print_json
from openwatch.cli.store_common import DbOption, open_store_here
from openwatch.formats.history_table import print_diff, print_history
from openwatch.store.database import StoreError, reading
from openwatch.store.diff import audit_diff
from openwatch.store.history import AuditNotFound, audit_pair, audits_of, find_projects, summary


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
            data = audit_diff(*audit_pair(session, first, second, project))
    except AuditNotFound as exc:
        fail(str(exc), 2)
    except StoreError as exc:
        fail(str(exc), 2)
    if fmt is TableOrJson.JSON:
        print_json(data)
    else:
        print_diff(data, console)
