"""Shared CLI plumbing: output formats, catalog loading with overlays, JSON and error printing."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from openwatch.catalog.load import Catalog, CatalogError, load_catalog
from openwatch.formats.text import terminal_safe
from openwatch.userdata import overlay_folders, writable_overlay_folder

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

CatalogOption = typer.Option(
    None,
    "--catalog",
    help="Overlay folder (labs/, licences/, events/) that adds to or overrides the bundled catalog.",
)


class TableOrJson(StrEnum):
    """Output formats of the browsing commands."""

    TABLE = "table"
    JSON = "json"


class MapFormat(StrEnum):
    """Output formats of `openwatch map`."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


def fail(message: str, code: int = 1) -> NoReturn:
    """Print an error to stderr on one line (never parsed as markup, control characters shown) and exit."""
    err_console.print(f"[red]error:[/red] {escape(terminal_safe(message))}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def writable_overlay(flag: list[Path] | None) -> Path:
    """Where new events go (created if missing): the last folder of --catalog or $OPENWATCH_CATALOG, else
    the user overlay."""
    target = writable_overlay_folder(flag)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"cannot create the overlay folder {target}: {exc}", 2)
    return target


def open_catalog(overlays: list[Path] | None, code: int = 1) -> Catalog:
    """Load the catalog or exit with `code` naming every problem."""
    try:
        return load_catalog(overlay_folders(overlays))
    except CatalogError as exc:
        for problem in exc.problems:
            err_console.print(str(problem), markup=False)
        fail(f"the catalog did not validate ({len(exc.problems)} problems)", code)


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
