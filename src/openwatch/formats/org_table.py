"""Render an organisation's scan or audit for the terminal: models across repositories, then each one."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from openwatch.formats.text import terminal_safe

UNRESOLVED_SHOWN = 20
"""Unresolved texts listed (the most widespread first); the JSON holds them all."""


def _inventory_table(data: dict[str, Any]) -> Table:
    """Every model used, with how many repositories and references."""
    models = data["inventory"]
    widest = max((len(m["id"]) for m in models), default=10)
    table = Table(
        title=f"{len(models)} models across {len(data['repositories'])} repositories", title_justify="left"
    )
    table.add_column("model", no_wrap=True, min_width=widest)
    table.add_column("access / licence", overflow="fold", ratio=2)
    table.add_column("repos", justify="right", no_wrap=True)
    table.add_column("refs", justify="right", no_wrap=True)
    for model in models:
        table.add_row(
            f"{terminal_safe(model['id'])}\n[dim]{terminal_safe(model['name'])}[/dim]",
            f"{terminal_safe(model['access'])}\n[dim]{terminal_safe(model['licence'] or 'unknown')}[/dim]",
            str(model["repositories"]),
            str(model["references"]),
        )
    return table


def _repositories_table(data: dict[str, Any]) -> Table:
    """One row per repository: models, references, unresolved, skipped; for an audit, findings and verdict."""
    audited = data["kind"] == "org-audit"
    table = Table(title="Repositories", title_justify="left")
    table.add_column("repository", overflow="fold", ratio=3)
    for column in ("models", "refs", "unresolved", "skipped"):
        table.add_column(column, justify="right", no_wrap=True)
    if audited:
        table.add_column("findings", justify="right")
        table.add_column("verdict")
    for entry in data["repositories"]:
        document = entry["document"]
        cells = [terminal_safe(entry["path"])]
        cells += [str(len(document[key])) for key in ("models", "unresolved", "skipped")]
        cells.insert(2, str(document["stats"].get("references", 0)))
        if audited:
            active = [f for f in document["findings"] if not f["suppressed_by"]]
            passed = document["verdict"]["passed"]
            cells += [str(len(active)), "[green]passes[/]" if passed else "[red]fails[/]"]
        table.add_row(*cells)
    return table


def _unresolved_table(data: dict[str, Any]) -> Table | None:
    """The unresolved texts seen in the most repositories."""
    entries = data["unresolved"][:UNRESOLVED_SHOWN]
    if not entries:
        return None
    more = len(data["unresolved"]) - len(entries)
    title = "Unresolved texts" + (
        f" (the {len(entries)} most widespread; {more} more in the JSON)" if more else ""
    )
    table = Table(title=title, title_justify="left")
    table.add_column("text", overflow="fold", ratio=3)
    table.add_column("repos", justify="right", no_wrap=True)
    table.add_column("refs", justify="right", no_wrap=True)
    for entry in entries:
        table.add_row(terminal_safe(entry["text"]), str(entry["repositories"]), str(entry["references"]))
    return table


def print_org(data: dict[str, Any], console: Console) -> None:
    """Print the models across repositories, each repository's counts, unresolved texts, and the totals."""
    console.print(_inventory_table(data))
    console.print(_repositories_table(data))
    unresolved = _unresolved_table(data)
    if unresolved is not None:
        console.print(unresolved)
    stats = data["stats"]
    line = (
        f"{stats['repositories']} repositories, {stats['files_seen']} files, {stats['models']} models,"
        f" {stats['references']} references, {stats['files_cached']} files from the cache"
    )
    if data["kind"] == "org-audit":
        failing = data["verdict"]["failing"]
        line += "; " + (
            "[green]every audit passes[/]" if not failing else f"[red]{len(failing)} repositories fail[/]"
        )
    console.print(line + ".")
