"""The audit and baseline commands."""

from __future__ import annotations

import datetime as dt
import io
import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from openwatch.assess.audit import Audit, audit_dict, run_audit
from openwatch.assess.baseline import DEFAULT_BASELINE, BaselineError, render_baseline
from openwatch.assess.policy import PolicyError
from openwatch.catalog.load import Catalog
from openwatch.cli import app
from openwatch.cli.common import CatalogOption, console, fail, open_catalog, overlay_folders, print_json
from openwatch.cli.store_common import DbOption, open_store, record_result
from openwatch.config import ROLES, ProjectSettings, SettingsError, load_settings
from openwatch.formats.audit_markdown import render_audit_markdown
from openwatch.formats.audit_table import print_audit
from openwatch.formats.cyclonedx_bom import render_cyclonedx
from openwatch.formats.sarif import render_sarif
from openwatch.scan.run import ScanOptions


class AuditFormat(StrEnum):
    """Output formats of `openwatch audit`."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    CYCLONEDX = "cyclonedx"


def _settings(
    path: Path,
    policy: Path | None,
    eu_established: bool | None,
    commercial: bool | None,
    role: str | None,
    placed: str | None,
    users: int | None,
    baseline: Path | None,
) -> ProjectSettings:
    try:
        settings = load_settings(policy if policy else path)
        placed_date = dt.date.fromisoformat(placed) if placed else None
    except SettingsError as exc:
        fail(str(exc), 2)
    except ValueError:
        fail(f"--placed takes a date as YYYY-MM-DD, not {placed!r}", 2)
    if role is not None and role not in ROLES:
        fail(f"--role must be one of {', '.join(ROLES)}", 2)
    if baseline is None and settings.baseline is None and (path / DEFAULT_BASELINE).is_file():
        baseline = path / DEFAULT_BASELINE
    return settings.with_overrides(
        eu_established=eu_established,
        commercial=commercial,
        role=role,
        placed=placed_date,
        monthly_active_users=users,
        baseline=baseline,
    )


def _audit(
    paths: list[Path], settings: ProjectSettings, catalog: Catalog, today: dt.date, use_baseline: bool = True
) -> Audit:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", 2)
    try:
        return run_audit(paths, settings, catalog, ScanOptions(), today, use_baseline=use_baseline)
    except (PolicyError, BaselineError) as exc:
        fail(str(exc), 2)


@app.command()
def audit(
    paths: list[Path] = typer.Argument(..., help="Project folders or files to audit."),
    fmt: AuditFormat = typer.Option(AuditFormat.TABLE, "--format"),
    output: Path = typer.Option(None, "-o", "--output", help="Write the report to this file."),
    policy: Path = typer.Option(None, "--policy", help="Settings file (openwatch.toml or pyproject.toml)."),
    eu_established: bool = typer.Option(None, "--eu-established/--not-eu-established"),
    commercial: bool = typer.Option(None, "--commercial/--non-commercial"),
    role: str = typer.Option(None, "--role", help="Default role: integrator, fine-tuner or provider."),
    placed: str = typer.Option(None, "--placed", help="Date of EU placement (YYYY-MM-DD)."),
    users: int = typer.Option(None, "--monthly-active-users", help="Your scale, for licence user caps."),
    baseline: Path = typer.Option(None, "--baseline", help=f"Baseline file (default {DEFAULT_BASELINE})."),
    today: str = typer.Option(None, "--today", help="Judge as of this date (YYYY-MM-DD); default today."),
    catalog_dirs: list[Path] = CatalogOption,
    no_record: bool = typer.Option(False, "--no-record", help="Do not record this audit in the history."),
    db: str = DbOption,
) -> None:
    """Judge every model a project depends on: openness, licence terms, EU AI Act, vendor stance, policy.

    Each audit is recorded in the history database (see `openwatch history`) unless --no-record is given.
    """
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        fail(f"--today takes a date as YYYY-MM-DD, not {today!r}", 2)
    settings = _settings(paths[0], policy, eu_established, commercial, role, placed, users, baseline)
    overlays = overlay_folders(list(catalog_dirs or settings.catalog) or None)
    catalog = open_catalog(list(catalog_dirs or settings.catalog) or None)
    store = None if no_record else open_store(db, settings.db)
    result = _audit(paths, settings, catalog, day)
    if fmt is AuditFormat.TABLE and output is None:
        print_audit(result, catalog, console)
    else:
        text = {
            AuditFormat.JSON: lambda: _json_text(audit_dict(result, catalog)),
            AuditFormat.MARKDOWN: lambda: render_audit_markdown(audit_dict(result, catalog)),
            AuditFormat.SARIF: lambda: render_sarif(result, catalog),
            AuditFormat.CYCLONEDX: lambda: render_cyclonedx(result, catalog),
            AuditFormat.TABLE: lambda: _table_text(result, catalog),
        }[fmt]()
        if output is not None:
            output.write_text(text, encoding="utf-8")
        else:
            print(text, end="" if text.endswith("\n") else "\n")
    if store is not None:
        record_result(store, paths[0], audit_dict(result, catalog), overlays)
    if result.policy_violations:
        raise typer.Exit(1)


def _json_text(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def _table_text(result: Audit, catalog: Catalog) -> str:
    recorder = Console(record=True, width=140, file=io.StringIO())
    print_audit(result, catalog, recorder)
    return recorder.export_text()


@app.command("baseline")
def baseline_command(
    path: Path = typer.Argument(..., help="Project folder to audit."),
    reason: str = typer.Option(..., "--reason", help="Why these findings are accepted (required)."),
    expires: str = typer.Option(None, "--expires", help="Date after which the acceptance ends (YYYY-MM-DD)."),
    output: Path = typer.Option(
        None, "-o", "--output", help=f"Baseline file (default PATH/{DEFAULT_BASELINE})."
    ),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """Accept the project's current findings so CI fails only on new ones."""
    if not reason.strip():
        fail("--reason must say why the findings are accepted", 2)
    try:
        until = dt.date.fromisoformat(expires) if expires else None
    except ValueError:
        fail(f"--expires takes a date as YYYY-MM-DD, not {expires!r}", 2)
    settings = _settings(path, None, None, None, None, None, None, None)
    catalog = open_catalog(list(catalog_dirs or settings.catalog) or None)
    today = dt.date.today()
    result = _audit([path], settings, catalog, today, use_baseline=False)
    target = output or path / DEFAULT_BASELINE
    target.write_text(render_baseline(result.findings, reason.strip(), until, today), encoding="utf-8")
    print_json({"baseline": str(target), "entries": len({f.fingerprint for f in result.findings})})
