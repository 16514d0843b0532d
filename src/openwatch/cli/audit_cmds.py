"""The audit and baseline commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from openwatch.api import audit_project, project_settings, scan_options
from openwatch.assess.audit import Audit
from openwatch.assess.baseline import DEFAULT_BASELINE, BaselineError, render_baseline
from openwatch.assess.findings import Severity
from openwatch.assess.policy import PolicyError
from openwatch.catalog.load import Catalog
from openwatch.cli import app
from openwatch.cli.common import CatalogOption, fail, open_catalog, print_json
from openwatch.cli.output import OutputFormat, OutputOption, check_output, emit, format_option, write_output
from openwatch.cli.store_common import DbOption, open_store, record_result
from openwatch.config import ROLES, ProjectSettings, SettingsError
from openwatch.scanner.progress import terminal_progress
from openwatch.scanner.run import ScanOptions
from openwatch.userdata import overlay_folders


def _date(value: str | None, flag: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        fail(f"{flag} takes a date as YYYY-MM-DD, not {value!r}", 2)


def _settings(path: Path, policy: Path | None, **overrides: object) -> ProjectSettings:
    role = overrides.get("role")
    if role is not None and role not in ROLES:
        fail(f"--role must be one of {', '.join(ROLES)}", 2)
    if policy is not None and not policy.is_file():
        fail(f"--policy {policy}: no such file", 2)
    try:
        return project_settings(path, policy, **overrides)
    except SettingsError as exc:
        fail(str(exc), 2)


def _options(context: list[str], exclude: list[str], include: list[str]) -> ScanOptions:
    try:
        return scan_options(context, include, exclude)
    except ValueError as exc:
        fail(str(exc), 2)


def _run(
    paths: list[Path],
    settings: ProjectSettings,
    catalog: Catalog,
    options: ScanOptions,
    today: dt.date,
    *,
    fail_on: Severity | None = None,
    quiet: bool = True,
    use_baseline: bool = True,
) -> tuple[Audit, dict[str, object]]:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", 2)
    progress = terminal_progress(quiet)
    try:
        if progress is None:
            return audit_project(
                paths, settings, catalog, options, today, fail_on=fail_on, use_baseline=use_baseline
            )
        with progress:
            return audit_project(
                paths,
                settings,
                catalog,
                options,
                today,
                fail_on=fail_on,
                progress=progress,
                use_baseline=use_baseline,
            )
    except (PolicyError, BaselineError) as exc:
        fail(str(exc), 2)


@app.command()
def audit(
    paths: list[Path] = typer.Argument(..., help="Project folders or files to audit."),
    fmt: OutputFormat = format_option(OutputFormat.TABLE),
    output: Path = OutputOption,
    fail_on: Severity = typer.Option(
        None, "--fail-on", help="Also fail (exit 1) on findings of this severity or worse: info..error."
    ),
    policy: Path = typer.Option(None, "--policy", help="Settings file (openwatch.toml or pyproject.toml)."),
    eu_established: bool = typer.Option(None, "--eu-established/--not-eu-established"),
    commercial: bool = typer.Option(None, "--commercial/--non-commercial"),
    role: str = typer.Option(None, "--role", help="Default role: integrator, fine-tuner or provider."),
    placed: str = typer.Option(None, "--placed", help="Date of EU placement (YYYY-MM-DD)."),
    users: int = typer.Option(None, "--monthly-active-users", help="Your scale, for licence user caps."),
    baseline: Path = typer.Option(None, "--baseline", help=f"Baseline file (default {DEFAULT_BASELINE})."),
    context: list[str] = typer.Option(
        [],
        "--context",
        help="Audit only references in these contexts: production,test,example,docs,vendored.",
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", help="Leave out paths matching this glob (repeatable)."
    ),
    include: list[str] = typer.Option([], "--include", help="Only files matching this glob (repeatable)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    today: str = typer.Option(None, "--today", help="Judge as of this date (YYYY-MM-DD); default today."),
    catalog_dirs: list[Path] = CatalogOption,
    no_record: bool = typer.Option(False, "--no-record", help="Do not record this audit in the history."),
    db: str = DbOption,
) -> None:
    """Judge every model a project depends on: openness, licence terms, EU AI Act, vendor stance, policy.

    Each audit is recorded in the history database (see `openwatch history`) unless --no-record is given.
    Exit codes: 0 the audit passes; 1 it fails (a policy violation, or a finding at --fail-on or worse);
    2 a usage or input error; 3 an internal error.
    """
    day = _date(today, "--today") or dt.date.today()
    check_output(output)
    options = _options(context, exclude, include)
    settings = _settings(
        paths[0],
        policy,
        eu_established=eu_established,
        commercial=commercial,
        role=role,
        placed=_date(placed, "--placed"),
        monthly_active_users=users,
        baseline=baseline,
    )
    overlays = overlay_folders(list(catalog_dirs or settings.catalog) or None)
    catalog = open_catalog(list(catalog_dirs or settings.catalog) or None, code=2)
    store = None if no_record else open_store(db, settings.db)
    result, document = _run(paths, settings, catalog, options, day, fail_on=fail_on, quiet=quiet)
    emit(document, fmt.value, output)
    if store is not None:
        record_result(store, paths[0], document, overlays)
    if result.blocking:
        raise typer.Exit(1)


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
    until = _date(expires, "--expires")
    check_output(output)
    settings = _settings(path, None)
    catalog = open_catalog(list(catalog_dirs or settings.catalog) or None, code=2)
    today = dt.date.today()
    result, _ = _run([path], settings, catalog, ScanOptions(), today, use_baseline=False)
    target = output or path / DEFAULT_BASELINE
    write_output(target, render_baseline(result.findings, reason.strip(), until, today))
    print_json({"baseline": str(target), "entries": len({f.fingerprint for f in result.findings})})
