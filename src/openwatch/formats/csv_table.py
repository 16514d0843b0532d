"""Render a scan or an audit as CSV for spreadsheets: one row per model, then one per unresolved text."""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

SCAN_COLUMNS = ("model", "name", "lab", "access", "licence", "references", "contexts", "first_location")
AUDIT_COLUMNS = (
    "licence_id",
    "role",
    "stance",
    "osaid",
    "gpai",
    "systemic_risk",
    "foss_exemption",
    "error",
    "high",
    "medium",
    "low",
    "info",
    "blocking",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: object) -> str:
    """A cell value a spreadsheet will not run as a formula (text from scanned files is data)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _scan_cells(model: dict[str, Any]) -> list[object]:
    first = model["references"][0]
    return [
        model["id"],
        model["name"],
        model["lab"],
        model["access"],
        model["licence"] or "unknown",
        model["count"],
        " ".join(model["contexts"]),
        f"{first['path']}:{first['line']}",
    ]


def _audit_cells(model: dict[str, Any], findings: list[dict[str, Any]]) -> list[object]:
    a = model["assessment"]
    eu = a["eu_ai_act"]
    mine = [f for f in findings if f["model"] == model["id"] and not f["suppressed_by"]]
    counts = Counter(f["severity"] for f in mine)
    licence = model["card"]["licence"]
    return [
        licence["expression_id"] if licence else "unknown",
        model["role"]["role"],
        a["stance"]["stance"],
        a["openness"]["osaid"]["verdict"],
        eu["gpai"],
        eu["systemic_risk"],
        eu["foss_exemption"],
        *(counts[s] for s in ("error", "high", "medium", "low", "info")),
        sum(1 for f in mine if f["blocking"]),
    ]


def render_csv(document: dict[str, Any]) -> str:
    """The document's models as CSV rows; unresolved texts follow with the model column empty."""
    audit = document["kind"] == "audit"
    header = list(SCAN_COLUMNS) + (list(AUDIT_COLUMNS) if audit else []) + ["status"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for model in document["models"]:
        row = _scan_cells(model) + (_audit_cells(model, document["findings"]) if audit else []) + ["resolved"]
        writer.writerow([_inert(c) for c in row])
    texts: dict[str, list[dict[str, Any]]] = {}
    for ref in document["unresolved"]:
        texts.setdefault(ref["text"], []).append(ref)
    for text, refs in sorted(texts.items()):
        row = [
            "",
            text,
            "",
            "",
            "",
            len(refs),
            " ".join(sorted({r["context"] for r in refs})),
            f"{refs[0]['path']}:{refs[0]['line']}",
        ]
        row += [""] * (len(header) - len(row) - 1) + ["unresolved"]
        writer.writerow([_inert(c) for c in row])
    return buffer.getvalue()
