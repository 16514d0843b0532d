"""`openwatch scan`: list the models a codebase uses, with every place they are named."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import typer

from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve import Resolver
from openwatch.cli import app
from openwatch.cli import scale_options as scale
from openwatch.cli.common import CatalogOption, fail, open_catalog
from openwatch.cli.output import OutputOption, ScanFormat, check_output, emit, format_option
from openwatch.formats.document import scan_document
from openwatch.parallel import ExecutorError
from openwatch.scanner.budget import DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB, FileBudget
from openwatch.scanner.context import parse_contexts
from openwatch.scanner.inventory import build_inventory, inventory_dict
from openwatch.scanner.progress import terminal_progress
from openwatch.scanner.run import ScanOptions, ScanProgress, scan


@app.command("scan")
def scan_command(
    paths: list[Path] = typer.Argument(None, help="Files or folders to scan (git checkouts: one each)."),
    fmt: ScanFormat = format_option(ScanFormat.TABLE),
    output: Path | None = OutputOption,
    include: list[str] = typer.Option([], "--include", help="Only files matching this glob (repeatable)."),
    exclude: list[str] = typer.Option(
        [], "--exclude", help="Leave out paths matching this glob (repeatable)."
    ),
    context: list[str] = typer.Option(
        [], "--context", help="Keep only these contexts: production,test,example,docs,vendored."
    ),
    no_ignore: bool = typer.Option(False, "--no-ignore", help="Do not honour .gitignore files."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    jobs: int = scale.JobsOption,
    no_cache: bool = scale.NoCacheOption,
    executor: str = scale.ExecutorOption,
    scheduler: str | None = scale.SchedulerOption,
    repos: Path | None = scale.ReposOption,
    file_seconds: float = typer.Option(
        DEFAULT_CPU_SECONDS, "--max-file-seconds", min=0.01, help="CPU seconds one file may take."
    ),
    file_mb: int = typer.Option(DEFAULT_MEMORY_MB, "--max-file-mb", min=1, help="Memory one file may add."),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """List the models a codebase uses, resolved through the catalog, with file, line and column.

    Several git checkouts (or --repos FILE) are scanned in one pass and reported one by one, with the
    models across them and how many repositories use each.
    """
    started = time.perf_counter()
    paths = list(paths or [])
    if not paths and repos is None:
        fail("give files or folders to scan, or --repos FILE", 2)
    for path in paths:
        if not path.exists() and not path.is_symlink():
            fail(f"{path}: no such file or folder", 2)
    try:
        contexts = parse_contexts(context)
    except ValueError as exc:
        fail(str(exc), 2)
    check_output(output)
    several = scale.repositories(paths, repos)
    if several is not None and fmt is ScanFormat.CSV:
        fail("several repositories print as table or json (csv is one project's)", 2)
    catalog = open_catalog(catalog_dirs)
    options = ScanOptions(
        include=tuple(include),
        exclude=tuple(exclude),
        contexts=contexts,
        respect_ignore=not no_ignore,
        **scale.scale_settings(jobs, no_cache, executor, scheduler),
        budget=FileBudget(file_seconds, file_mb),
    )
    progress = terminal_progress(quiet)
    try:
        if progress is not None:
            with progress:
                document = _scan(paths, several, options, catalog, progress)
        else:
            document = _scan(paths, several, options, catalog, None)
    except ExecutorError as exc:
        fail(str(exc), 2)
    if several is not None:
        from openwatch.org import timed

        timed(started, document)
    emit(document, fmt.value, output)


def _scan(
    paths: list[Path],
    several: list[Path] | None,
    options: ScanOptions,
    catalog: Catalog,
    progress: ScanProgress | None,
) -> dict[str, Any]:
    """One project's scan document, or the organisation's over several repositories."""
    if several is not None:
        from openwatch.org import org_document, scan_each

        return org_document("scan", several, scan_each(several, options, catalog, progress))
    result = scan(paths, options, catalog, progress=progress)
    return scan_document(inventory_dict(build_inventory(result, Resolver(catalog)), catalog))
