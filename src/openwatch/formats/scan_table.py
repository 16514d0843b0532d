"""Render a scan for the terminal with Rich: models (ids kept whole), unresolved references, skipped files."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from openwatch.formats.audit_table import models_table
from openwatch.formats.text import terminal_safe

FIRST_LOCATIONS = 3


def _where(ref: dict[str, Any]) -> str:
    return f"{ref['path']}:{ref['line']}:{ref['column']}"


def _first_locations(model: dict[str, Any]) -> str:
    """The first few places a model is named, and how many more."""
    refs = model["references"]
    shown = "\n".join(_where(r) for r in refs[:FIRST_LOCATIONS])
    more = len(refs) - FIRST_LOCATIONS
    return shown + (f"\n… {more} more" if more > 0 else "")


def _unresolved_table(refs: list[dict[str, Any]]) -> Table:
    table = Table(title="Unresolved references", title_justify="left")
    for column in ("Text", "Location", "Detector", "Context"):
        table.add_column(column, overflow="fold")
    for ref in refs:
        table.add_row(
            terminal_safe(ref["text"]),
            terminal_safe(_where(ref)),
            terminal_safe(ref["detector"]),
            ref["context"],
        )
    return table


def _skipped_table(skipped: list[dict[str, Any]]) -> Table:
    table = Table(title="Skipped or read in part", title_justify="left")
    for column in ("Path", "Reason", "Degraded"):
        table.add_column(column, overflow="fold")
    for item in skipped:
        table.add_row(
            terminal_safe(item["path"]), terminal_safe(item["reason"]), "yes" if item["degraded"] else "no"
        )
    return table


def _summary(data: dict[str, Any]) -> str:
    s = data["stats"]
    return (
        f"{s.get('models', 0)} models, {s.get('references', 0)} references, "
        f"{s.get('unresolved', 0)} unresolved; {s.get('files_seen', 0)} files seen, "
        f"{s.get('files_parsed', 0)} parsed, {s.get('files_prefiltered_out', 0)} kept out by the prefilter, "
        f"{len(data['skipped'])} skipped; {float(s.get('seconds', 0)):.2f} s"
    )


def print_scan(data: dict[str, Any], console: Console) -> None:
    """Print the inventory as Rich tables (models, unresolved, skipped) and a summary line."""
    if data["models"]:
        console.print(models_table(data["models"], "Models", _first_locations))
    else:
        console.print("No catalog models found.")
    if data["unresolved"]:
        console.print(_unresolved_table(data["unresolved"]))
    if data["skipped"]:
        console.print(_skipped_table(data["skipped"]))
    console.print(f"[dim]{_summary(data)}[/dim]")
