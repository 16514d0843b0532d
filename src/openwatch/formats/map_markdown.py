"""Render the policy map as Markdown: a table of stances with the claims beside them, then why each stance
moved and the conflicting claims, every source named; text from data is escaped."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openwatch.formats.stance_text import (
    change_sources,
    change_text,
    claim_text,
    frontier_text,
    share_text,
    side_text,
)
from openwatch.formats.text import md_escape


def _since(row: dict[str, Any]) -> str:
    since = row["since"]
    return f"{since['date']} (was {since['from']})" if since else "-"


def render_map_markdown(rows: list[dict[str, Any]], as_of: dt.date) -> str:
    """The policy map as a Markdown document with one row per lab."""
    lines = [
        f"# Openness policy map as of {as_of.isoformat()}",
        "",
        "| Lab | Stance | Since | Frontier | Open share | Claims beside the evidence |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        claims = "; ".join(claim_text(c) for c in row["claims"]) or "-"
        cells = [row["lab_name"], row["stance"], _since(row), frontier_text(row), share_text(row), claims]
        lines.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    moved = [row for row in rows if row["since"]]
    if moved:
        lines += ["", "## Why each stance moved", ""]
    for row in moved:
        lines.append(f"- **{md_escape(row['lab_name'])}**: {md_escape(change_text(row['since']))}")
        lines.extend(f"  - source: {md_escape(source)}" for source in change_sources(row["since"]))
    found = [conflict for row in rows for conflict in row["conflicts"]]
    if found:
        lines += ["", "## Conflicting claims", ""]
    for conflict in found:
        lines.append(f"- {md_escape(conflict['kind'])}: {md_escape(conflict['explanation'])}")
        for side in conflict["sides"]:
            lines.append(f"  - {md_escape(side_text(side))}")
            lines.extend(f"    - source: {md_escape(source)}" for source in side["sources"])
    lines += [
        "",
        "Stance rule: see docs/stance-rule.md. Claims are shown beside the stance the releases give;"
        " they never set it. Facts carry their source and status.",
        "",
    ]
    return "\n".join(lines)
