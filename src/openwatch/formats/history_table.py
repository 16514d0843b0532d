"""Render `openwatch history` and `openwatch diff` for the terminal with Rich."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def print_history(rows: list[dict[str, Any]], console: Console) -> None:
    """One row per recorded audit, newest first."""
    table = Table(title="Recorded audits", title_justify="left")
    for column in ("id", "project", "recorded (UTC)", "commit", "models", "findings", "policy"):
        table.add_column(column, no_wrap=column != "project")
    for row in rows:
        table.add_row(
            str(row["id"]),
            escape(row["project"]),
            row["recorded_at"][:16].replace("T", " "),
            (row["git_commit"] or "-")[:8],
            str(row["models"]),
            str(row["findings"]),
            "passed" if row["policy_passed"] else "broken",
        )
    console.print(table)


def _value(value: Any) -> str:
    return escape(", ".join(value) if isinstance(value, list) else str(value))


def _change_text(name: str, change: dict[str, Any]) -> str:
    if name == "obligations":
        parts = [f"+{o}" for o in change["added"]] + [f"-{o}" for o in change["removed"]]
        return f"obligations {' '.join(parts)}"
    return f"{name} {_value(change['from'])} → {_value(change['to'])}"


def _models(diff: dict[str, Any], console: Console) -> None:
    models = diff["models"]
    for model in models["added"]:
        console.print(
            f"  [green]+ {escape(model['id'])}[/green] ({model['access']}, licence {model['licence']})"
        )
    for model in models["removed"]:
        console.print(f"  [red]- {escape(model['id'])}[/red]")
    for model in models["changed"]:
        changes = "; ".join(_change_text(k, v) for k, v in model["changes"].items())
        console.print(f"  [yellow]~ {escape(model['id'])}[/yellow]: {changes}")


def _findings(diff: dict[str, Any], console: Console) -> None:
    findings = diff["findings"]
    for sign, style, key in (("+", "green", "added"), ("-", "red", "removed"), ("~", "yellow", "changed")):
        for f in findings[key]:
            where = f" {escape(f['model'])}" if f["model"] else ""
            console.print(
                f"  [{style}]{sign} {f['rule']}[/{style}]{where} ({f['severity']}): {escape(f['message'])}"
            )


def print_diff(data: dict[str, Any], console: Console) -> None:
    """What changed between two audits: models, then findings, then policy."""
    old, new = data["from"], data["to"]
    console.print(
        f"[bold]{escape(new['project'])}[/bold]: audit {old['id']} ({old['recorded_at']}) → "
        f"audit {new['id']} ({new['recorded_at']})"
    )
    if data["catalog_changed"]:
        console.print("  the catalog changed between the two audits")
    if data["unchanged"]:
        console.print("  nothing changed")
        return
    console.print("[bold]Models[/bold]")
    _models(data, console)
    console.print("[bold]Findings[/bold]")
    _findings(data, console)
    policy = data["policy"]
    if policy["from"] != policy["to"]:
        console.print(
            f"[bold]Policy[/bold] {'passed' if policy['from'] else 'broken'} → "
            f"{'passed' if policy['to'] else 'broken'}"
        )
