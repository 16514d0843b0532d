"""`openwatch scan`: list the models a codebase uses, with every place they are named."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve import Resolver
from openwatch.cli import app
from openwatch.cli.common import CatalogOption, TableOrJson, console, fail, open_catalog
from openwatch.domain import Reference
from openwatch.scan.context import parse_contexts
from openwatch.scan.inventory import Inventory, build_inventory, inventory_dict
from openwatch.scan.progress import terminal_progress
from openwatch.scan.run import ScanOptions, scan

if TYPE_CHECKING:  # tables are built only for table output; JSON runs skip the import
    from rich.table import Table

FIRST_LOCATIONS = 3


def safe(text: object) -> str:
    """Text from a scanned file made harmless for the terminal: control characters shown, markup escaped."""
    raw = str(text)
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in raw)
    return escape(shown)


def _where(ref: Reference) -> str:
    """path:line:column of a reference."""
    return f"{ref.path}:{ref.line}:{ref.column}"


def _models_table(inventory: Inventory, catalog: Catalog) -> Table:
    """The models found, with reference counts, contexts and first locations."""
    from rich.table import Table

    table = Table(title="Models", title_justify="left")
    table.add_column("Model", overflow="fold", ratio=3)
    table.add_column("Access / licence", overflow="fold", ratio=2)
    table.add_column("Refs", overflow="fold", ratio=1)
    table.add_column("First locations", overflow="fold", ratio=4)
    for use in inventory.models:
        model = catalog.models[use.model_id]
        refs = [ref for ref, _ in use.references]
        more = len(refs) - FIRST_LOCATIONS
        locations = "\n".join(safe(_where(r)) for r in refs[:FIRST_LOCATIONS])
        table.add_row(
            f"{safe(model.id)}\n[dim]{safe(model.name)}[/dim]",
            f"{safe(model.access.value)}\n[dim]{safe(model.licence or 'licence unknown')}[/dim]",
            f"{len(refs)}\n[dim]{safe(' '.join(sorted({r.context.value for r in refs})))}[/dim]",
            locations + (f"\n[dim]… {more} more[/dim]" if more > 0 else ""),
        )
    return table


def _unresolved_table(inventory: Inventory) -> Table:
    """Every reference the catalog could not resolve."""
    from rich.table import Table

    table = Table(title="Unresolved references", title_justify="left")
    for column in ("Text", "Location", "Detector", "Context"):
        table.add_column(column, overflow="fold")
    for ref in inventory.unresolved:
        table.add_row(safe(ref.text), safe(_where(ref)), safe(ref.detector), ref.context.value)
    return table


def _skipped_table(inventory: Inventory) -> Table:
    """Files skipped or read in part, with why."""
    from rich.table import Table

    table = Table(title="Skipped or read in part", title_justify="left")
    for column in ("Path", "Reason", "Degraded"):
        table.add_column(column, overflow="fold")
    for item in inventory.skipped:
        table.add_row(safe(item.path), safe(item.reason), "yes" if item.degraded else "no")
    return table


def _summary(inventory: Inventory) -> str:
    """One line of counters."""
    s = inventory.stats
    return (
        f"{s.get('models', 0)} models, {s.get('references', 0)} references, "
        f"{s.get('unresolved', 0)} unresolved; {s.get('files_seen', 0)} files seen, "
        f"{s.get('files_parsed', 0)} parsed, {s.get('files_prefiltered_out', 0)} kept out by the prefilter, "
        f"{len(inventory.skipped)} skipped; {float(s.get('seconds', 0)):.2f} s"
    )


def render_table(inventory: Inventory, catalog: Catalog, out: Console) -> None:
    """Print the inventory as Rich tables (models, unresolved, skipped) and a summary line."""
    if inventory.models:
        out.print(_models_table(inventory, catalog))
    else:
        out.print("No catalog models found.")
    if inventory.unresolved:
        out.print(_unresolved_table(inventory))
    if inventory.skipped:
        out.print(_skipped_table(inventory))
    out.print(f"[dim]{_summary(inventory)}[/dim]")


def _write(text: str, output: Path) -> None:
    """Write the output file or exit 1 saying why not."""
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", 1)


@app.command("scan")
def scan_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders to scan."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format", help="table or json."),
    output: Path | None = typer.Option(None, "-o", "--output", help="Write the output to this file."),
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
    catalog = open_catalog(catalog_dirs)
    options = ScanOptions(
        include=tuple(include),
        exclude=tuple(exclude),
        contexts=contexts,
        respect_ignore=not no_ignore,
        jobs=jobs,
    )
    resolver = Resolver(catalog)
    progress = terminal_progress(quiet)
    if progress is not None:
        with progress:
            result = scan(paths, options, catalog, progress=progress)
    else:
        result = scan(paths, options, catalog)
    inventory = build_inventory(result, resolver)
    if fmt is TableOrJson.JSON:
        text = json.dumps(inventory_dict(inventory, catalog), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            typer.echo(text, nl=False)
        else:
            _write(text, output)
        return
    if output is None:
        render_table(inventory, catalog, console)
        return
    buffer = io.StringIO()
    render_table(inventory, catalog, Console(file=buffer, width=160, no_color=True, highlight=False))
    _write(buffer.getvalue(), output)
