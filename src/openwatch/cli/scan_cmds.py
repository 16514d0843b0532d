"""`openwatch scan`: list the models a codebase uses, with every place they are named."""

from __future__ import annotations

from pathlib import Path

import typer

from openwatch.catalog.resolve import Resolver
from openwatch.cli import app
from openwatch.cli.common import CatalogOption, fail, open_catalog
from openwatch.cli.output import OutputOption, ScanFormat, check_output, emit, format_option
from openwatch.formats.document import scan_document
from openwatch.scanner.budget import DEFAULT_CPU_SECONDS, DEFAULT_MEMORY_MB, FileBudget
from openwatch.scanner.context import parse_contexts
from openwatch.scanner.inventory import build_inventory, inventory_dict
from openwatch.scanner.progress import terminal_progress
from openwatch.scanner.run import ScanOptions, scan


@app.command("scan")
def scan_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders to scan."),
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
    jobs: int = typer.Option(0, "--jobs", min=0, help="Worker processes for large trees (0: one per CPU)."),
    file_seconds: float = typer.Option(
        DEFAULT_CPU_SECONDS, "--max-file-seconds", min=0.01, help="CPU seconds one file may take."
    ),
    file_mb: int = typer.Option(DEFAULT_MEMORY_MB, "--max-file-mb", min=1, help="Memory one file may add."),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """List the models a codebase uses, resolved through the catalog, with file, line and column."""
    for path in paths:
        if not path.exists() and not path.is_symlink():
            fail(f"{path}: no such file or folder", 2)
    try:
        contexts = parse_contexts(context)
    except ValueError as exc:
        fail(str(exc), 2)
    check_output(output)
    catalog = open_catalog(catalog_dirs)
    options = ScanOptions(
        include=tuple(include),
        exclude=tuple(exclude),
        contexts=contexts,
        respect_ignore=not no_ignore,
        jobs=jobs,
        budget=FileBudget(file_seconds, file_mb),
    )
    resolver = Resolver(catalog)
    progress = terminal_progress(quiet)
    if progress is not None:
        with progress:
            result = scan(paths, options, catalog, progress=progress)
    else:
        result = scan(paths, options, catalog)
    document = scan_document(inventory_dict(build_inventory(result, resolver), catalog))
    emit(document, fmt.value, output)
