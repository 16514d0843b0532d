"""Render the policy map as a Markdown table, escaping text that comes from data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openwatch.formats.text import md_escape


def render_map_markdown(rows: list[dict[str, Any]], as_of: dt.date) -> str:
    """The policy map as a Markdown document with one row per lab."""
    lines = [
        f"# Openness policy map as of {as_of.isoformat()}",
        "",
        "| Lab | Stance | Open models (examples) | Closed models (examples) | Latest event | Source |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        event = row["latest_event"]
        latest = f"{event['date']}: {event['summary']}" if event else "none"
        source = f"{event['sources'][0]} ({event['status']})" if event else ""
        cells = [
            row["lab_name"],
            row["stance"],
            ", ".join(row["open_models"]) or "-",
            ", ".join(row["closed_models"]) or "-",
            latest,
            source,
        ]
        lines.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    lines += ["", "Stance rule: see docs/stance-rule.md. Facts carry their source and status.", ""]
    return "\n".join(lines)
