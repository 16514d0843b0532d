"""`openwatch catalog validate`: check catalog folders against the schema and cross references."""

from __future__ import annotations

from pathlib import Path

import typer

from openwatch.catalog.load import package_roots, validate_catalog
from openwatch.cli.catalog_import_cmds import catalog_app
from openwatch.cli.common import console, err_console


@catalog_app.command("validate")
def validate(
    folders: list[Path] = typer.Argument(
        None,
        help="Overlay folders to check on top of the bundled catalog (default: the bundled catalog alone).",
    ),
    alone: bool = typer.Option(False, "--alone", help="Check the folders without the bundled catalog."),
) -> None:
    """Validate catalog data; name file, entry and field for every problem and exit 1 if there is any."""
    for folder in folders or []:
        if not folder.is_dir():
            err_console.print(f"error: {folder} is not a folder", markup=False)
            raise typer.Exit(2)
    roots = list(folders or []) if alone else [*package_roots(), *(folders or [])]
    catalog, problems = validate_catalog(roots)
    if problems or catalog is None:
        for problem in problems:
            console.print(str(problem), markup=False, soft_wrap=True)
        err_console.print(f"{len(problems)} problems; nothing was loaded.", markup=False)
        raise typer.Exit(1)
    console.print(
        f"ok: {len(catalog.labs)} labs, {len(catalog.models)} models, {len(catalog.licences)} licences, "
        f"{len(catalog.alias_index)} aliases",
        markup=False,
    )
