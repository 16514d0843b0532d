"""Render the policy map, a lab's timeline and a lab's stance for the terminal with Rich."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Console
from rich.table import Table

from openwatch.formats.stance_text import (
    change_sources,
    change_text,
    claim_text,
    conflict_lines,
    frontier_text,
    share_text,
)
from openwatch.formats.text import terminal_safe


def _cell(lines: list[str]) -> str:
    """Lines of data text as one table cell: each line made safe, then joined by real line breaks."""
    return "\n".join(terminal_safe(line) for line in lines) or "-"


def _stance_lines(row: dict[str, Any]) -> list[str]:
    since = row["since"]
    return [str(row["stance"])] + ([f"since {since['date']}", f"(was {since['from']})"] if since else [])


def print_map(console: Console, rows: list[dict[str, Any]], as_of: dt.date) -> None:
    """The map as a table (stance and since when, frontier, open share, claims), then why each stance moved
    and the conflicting claims, each with its sources."""
    table = Table(title=f"Openness policy map as of {as_of.isoformat()}", show_lines=True)
    for column in ("lab", "stance", "frontier (most capable recent release)", "open share", "claims"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            terminal_safe(row["lab_name"]),
            _cell(_stance_lines(row)),
            terminal_safe(frontier_text(row)),
            terminal_safe(share_text(row)),
            _cell([claim_text(c) for c in row["claims"]]),
        )
    console.print(table)
    moved = [row for row in rows if row["since"]]
    if moved:
        console.print("\nWhy each stance moved to what it is:")
    for row in moved:
        console.print(terminal_safe(f"- {row['lab_name']}: {change_text(row['since'])}"), soft_wrap=True)
        for source in change_sources(row["since"]):
            console.print(terminal_safe(f"    source: {source}"), soft_wrap=True)
    found = [conflict for row in rows for conflict in row["conflicts"]]
    if found:
        console.print("\nConflicting claims, kept side by side:")
    for conflict in found:
        for line in conflict_lines(conflict):
            console.print(terminal_safe(line), soft_wrap=True)


def print_timeline(console: Console, data: dict[str, Any]) -> None:
    """A lab's events (claims marked), stance changes with why and sources, its claims and conflicts now."""
    table = Table(title=terminal_safe(f"{data['lab_name']}: openness timeline"))
    for column in ("date", "kind", "summary", "status", "source"):
        table.add_column(column, overflow="fold")
    for event in data["events"]:
        kind = [event["kind"] + (f" (declares {event['declares']})" if event["declares"] else "")]
        if event["claim_by"]:
            kind.append(f"claim by {event['claim_by']}")
        table.add_row(
            event["date"],
            _cell(kind),
            terminal_safe(event["summary"]),
            event["status"],
            terminal_safe(event["sources"][0]),
        )
    console.print(table)
    console.print("\nStance changes (derived from releases):")
    for change in data["stance_changes"]:
        console.print(terminal_safe(f"- {change_text(change)}"), soft_wrap=True)
        for source in change_sources(change):
            console.print(terminal_safe(f"    source: {source}"), soft_wrap=True)
    if not data["stance_changes"]:
        console.print("- none")
    print_lab_stance(console, data["now"])


def print_lab_stance(console: Console, stance: dict[str, Any]) -> None:
    """A lab's stance on a date, with the claims beside it and their conflicts."""
    head = f"Stance of {stance['lab']} on {stance['as_of']}: {stance['stance']} ({stance['reason']})"
    console.print("\n" + terminal_safe(head), soft_wrap=True)
    for claim in stance["claims"]:
        console.print(terminal_safe(f"  claim: {claim_text(claim)}"), soft_wrap=True)
        for source in claim["sources"]:
            console.print(terminal_safe(f"      source: {source}"), soft_wrap=True)
    for conflict in stance["conflicts"]:
        for line in conflict_lines(conflict):
            console.print(terminal_safe(f"  {line}"), soft_wrap=True)
