"""Stance commands: a lab's openness timeline and the comparative policy map, with claims and conflicts."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import typer
from rich.console import Console

from openwatch.catalog.lookup import find_lab
from openwatch.catalog.stance_views import map_rows, timeline_view
from openwatch.cli import app
from openwatch.cli.common import (
    CatalogOption,
    MapFormat,
    TableOrJson,
    console,
    fail,
    open_catalog,
    print_json,
)
from openwatch.cli.output import OutputOption, check_output, format_option, write_or_print
from openwatch.formats.map_markdown import render_map_markdown
from openwatch.formats.registry import TABLE_WIDTH
from openwatch.formats.stance_table import print_map, print_timeline


def _date_option(text: str | None, flag: str) -> dt.date:
    """A YYYY-MM-DD option, today when absent; a bad date is a usage error."""
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        fail(f"{flag} takes a date as YYYY-MM-DD, not {text!r}", 2)


@app.command()
def timeline(
    lab: str = typer.Argument(..., help="Lab id, name or alias."),
    as_of: str = typer.Option(None, "--as-of", help="Last date to consider (YYYY-MM-DD); default today."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """Show a lab's dated events and claims, when and why its stance moved, and its conflicting claims."""
    day = _date_option(as_of, "--as-of")
    catalog = open_catalog(catalog_dirs)
    found = find_lab(catalog, lab)
    if found is None:
        fail(f"unknown lab {lab!r}; `openwatch labs` lists them", 2)
    data = timeline_view(catalog, found, day)
    if fmt is TableOrJson.JSON:
        print_json(data)
    else:
        print_timeline(console, data)


@app.command("map")
def policy_map_command(
    as_of: str = typer.Option(None, "--as-of", help="Date (YYYY-MM-DD); default today."),
    fmt: MapFormat = format_option(MapFormat.TABLE),
    lab: list[str] = typer.Option(None, "--lab", help="Only these labs (ids); repeatable."),
    output: Path = OutputOption,
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """The comparative policy map: each lab's stance on a date, since when and why, with claims beside it."""
    day = _date_option(as_of, "--as-of")
    check_output(output)
    catalog = open_catalog(catalog_dirs)
    unknown = [x for x in lab or [] if x not in catalog.labs]
    if unknown:
        fail(f"unknown lab(s): {', '.join(unknown)}", 2)
    rows = map_rows(catalog, day, lab or None)
    if fmt is MapFormat.TABLE and output is None:
        print_map(console, rows, day)
        return
    if fmt is MapFormat.JSON:
        text = json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n"
    elif fmt is MapFormat.MARKDOWN:
        text = render_map_markdown(rows, day)
    elif fmt is MapFormat.HTML:
        from openwatch.formats.html_report import render_map_html

        text = render_map_html(rows, day)
    else:
        plain = Console(file=io.StringIO(), width=TABLE_WIDTH, no_color=True, highlight=False, record=True)
        print_map(plain, rows, day)
        text = plain.export_text()
    write_or_print(text, output)
