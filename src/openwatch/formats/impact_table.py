"""Render `openwatch impact` for the terminal: per event, the projects touched and their finding changes."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape


def _project_line(project: dict[str, Any]) -> str:
    changes = project["findings"]
    counts = ", ".join(f"{len(changes[k])} {k}" for k in ("added", "removed", "changed"))
    models = escape(", ".join(project["models"]))
    return (
        f"  {escape(project['project'])} (audit {project['audit']}, depends on the "
        f"{project['depends_on']}: {models}): findings {counts}"
    )


def print_impact(results: list[dict[str, Any]], console: Console) -> None:
    """Each event, the recorded projects it touches, and the findings it adds, removes or changes."""
    if not results:
        console.print("No events in that period.")
    for result in results:
        console.print(f"[bold]{result['event']}[/bold] {escape(result['summary'])}")
        if not result["projects"]:
            console.print("  touches no recorded project")
        for project in result["projects"]:
            console.print(_project_line(project))
            for key, sign in (("added", "+"), ("removed", "-"), ("changed", "~")):
                for finding in project["findings"][key]:
                    model = escape(finding["model"] or "")
                    console.print(f"    {sign} {finding['rule']} {model}: {escape(finding['message'])}")
