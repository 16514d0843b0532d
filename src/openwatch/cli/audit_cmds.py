"""The audit and baseline commands."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path

import typer

from openwatch.api import audit_project, project_settings, scan_options
from openwatch.assess.audit import Audit
from openwatch.assess.baseline import DEFAULT_BASELINE, BaselineError, render_baseline
from openwatch.assess.findings import Severity
from openwatch.assess.policy import PolicyError
from openwatch.catalog.load import Catalog
from openwatch.cli import app
from openwatch.cli import scale_options as scale
from openwatch.cli.common import CatalogOption, err_console, fail, open_catalog, print_json
from openwatch.cli.output import OutputFormat, OutputOption, check_output, emit, format_option, write_output
from openwatch.cli.store_common import DbOption, open_store, record_result
from openwatch.config import ROLES, ProjectSettings, SettingsError
from openwatch.parallel import ExecutorError
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
    except (PolicyError, BaselineError, ExecutorError) as exc:
        fail(str(exc), 2)


@app.command()
def audit(
    paths: list[Path] = typer.Argument(None, help="Project folders or files (git checkouts: one each)."),
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
    jobs: int = scale.JobsOption,
    no_cache: bool = scale.NoCacheOption,
    executor: str = scale.ExecutorOption,
    scheduler: str | None = scale.SchedulerOption,
    repos: Path | None = scale.ReposOption,
) -> None:
    """Judge every model a project depends on: openness, licence terms, EU AI Act, vendor stance, policy.

    Several git checkouts (or --repos FILE) are each audited with their own settings and baseline, in one
    scan, and reported one by one with the models across them. Each audit is recorded in the history
    database (see `openwatch history`) unless --no-record is given.
    Exit codes: 0 the audit passes; 1 it fails (a policy violation, or a finding at --fail-on or worse;
    with several repositories, in any of them); 2 a usage or input error; 3 an internal error.
    """
    day = _date(today, "--today") or dt.date.today()
    paths = list(paths or [])
    if not paths and repos is None:
        fail("give project folders or files to audit, or --repos FILE", 2)
    check_output(output)
    options = dataclasses.replace(
        _options(context, exclude, include), **scale.scale_settings(jobs, no_cache, executor, scheduler)
    )
    overrides: dict[str, object] = {
        "eu_established": eu_established,
        "commercial": commercial,
        "role": role,
        "placed": _date(placed, "--placed"),
        "monthly_active_users": users,
        "baseline": baseline,
    }
    several = scale.repositories(paths, repos)
    if several is not None:
        _audit_several(
            several, policy, overrides, fmt, output, fail_on, quiet, day, catalog_dirs, no_record, db, options
        )
        return
    settings = _settings(paths[0], policy, **overrides)
    overlays = overlay_folders(list(catalog_dirs or settings.catalog) or None)
    catalog = open_catalog(list(catalog_dirs or settings.catalog) or None, code=2)
    store = None if no_record else open_store(db, settings.db)
    result, document = _run(paths, settings, catalog, options, day, fail_on=fail_on, quiet=quiet)
    emit(document, fmt.value, output)
    if store is not None:
        record_result(store, paths[0], document, overlays)
    if result.blocking:
        raise typer.Exit(1)


def _audit_several(
    several: list[Path],
    policy: Path | None,
    overrides: dict[str, object],
    fmt: OutputFormat,
    output: Path | None,
    fail_on: Severity | None,
    quiet: bool,
    day: dt.date,
    catalog_dirs: list[Path] | None,
    no_record: bool,
    db: str | None,
    options: ScanOptions,
) -> None:
    """Audit several repositories, each with its own settings, and print the organisation's document."""
    from openwatch.org import audit_each, org_document, timed

    started = time.perf_counter()
    if fmt not in (OutputFormat.TABLE, OutputFormat.JSON):
        fail("several repositories print as table or json; render one with openwatch report", 2)
    settings = [_settings(repo, policy, **overrides) for repo in several]
    for repo, chosen in zip(several, settings, strict=True):
        if chosen.catalog and not catalog_dirs:
            err_console.print(
                f"warning: {repo}: its catalog setting is not used with several repositories; use --catalog",
                markup=False,
            )
    overlays = overlay_folders(list(catalog_dirs or []) or None)
    catalog = open_catalog(list(catalog_dirs or []) or None, code=2)
    store = None if no_record else open_store(db, settings[0].db)
    progress = terminal_progress(quiet)
    try:
        if progress is None:
            audits = audit_each(several, settings, catalog, options, day, fail_on=fail_on)
        else:
            with progress:
                audits = audit_each(
                    several, settings, catalog, options, day, fail_on=fail_on, progress=progress
                )
    except (PolicyError, BaselineError, ExecutorError) as exc:
        fail(str(exc), 2)
    document = timed(started, org_document("audit", several, [d for _, d in audits]))
    emit(document, fmt.value, output)
    if store is not None:
        for repo, (_, repo_document) in zip(several, audits, strict=True):
            record_result(store, repo, repo_document, overlays)
    if any(result.blocking for result, _ in audits):
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
