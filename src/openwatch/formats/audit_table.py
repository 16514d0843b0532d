"""Render an audit for the terminal with Rich: models, findings, settings assumed, unresolved and skipped."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from openwatch.assess.audit import Audit, audit_dict
from openwatch.catalog.load import Catalog

_SEVERITY_STYLE = {"error": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}


def _where(model: dict[str, Any]) -> str:
    first = model["references"][0]
    more = f" (+{model['count'] - 1})" if model["count"] > 1 else ""
    return f"{first['path']}:{first['line']}{more}"


def _eu_cell(eu: dict[str, Any]) -> str:
    if not eu:
        return "-"
    return (
        f"GPAI {eu.get('gpai', '?')}, SR {eu.get('systemic_risk', '?')}, "
        f"FOSS {eu.get('foss_exemption', '?')}, provider: {(eu.get('provider') or {}).get('who', '?')}"
    )


def _stance_cell(stance: dict[str, Any]) -> str:
    trend = stance.get("trend")
    text = str(stance.get("stance", "?"))
    if trend:
        text += f" ({trend['from']} → {trend['to']} {trend['date']})"
    return text


def _models_table(data: dict[str, Any]) -> Table:
    table = Table(title=f"{len(data['models'])} models in use", show_lines=True)
    for column in ("model", "lab", "access / licence", "where", "your role", "EU AI Act", "vendor stance"):
        table.add_column(column, overflow="fold")
    for model in data["models"]:
        assessment = model["assessment"]
        table.add_row(
            escape(model["id"]),
            escape(model["lab_name"] or model["lab"]),
            escape(f"{model['access']}\n{assessment['licence'].get('name') or 'licence unknown'}"),
            escape(_where(model)),
            escape(model["role"]["role"]),
            escape(_eu_cell(assessment["eu_ai_act"])),
            escape(_stance_cell(assessment["stance"])),
        )
    return table


def _findings_table(data: dict[str, Any]) -> Table:
    active = [f for f in data["findings"] if not f["suppressed_by"]]
    table = Table(title=f"{len(active)} findings", show_lines=False)
    for column in ("severity", "rule", "model", "where", "message"):
        table.add_column(column, overflow="fold")
    for f in active:
        style = _SEVERITY_STYLE.get(f["severity"], "")
        where = f"{f['path']}:{f['line']}" if f["path"] else "-"
        table.add_row(
            f"[{style}]{f['severity']}[/]",
            escape(f["rule"]),
            escape(f["model"] or "-"),
            escape(where),
            escape(f["message"]),
        )
    return table


def _settings_lines(data: dict[str, Any]) -> list[str]:
    lines = []
    for name, value in data["settings"].items():
        if isinstance(value, dict) and "assumed" in value:
            mark = " (assumed: set it in [tool.openwatch])" if value["assumed"] else ""
            lines.append(f"  {name} = {value['value']}{mark}")
    return lines


def print_audit(audit: Audit, catalog: Catalog, console: Console) -> None:
    """Print the audit as tables and short lists."""
    data = audit_dict(audit, catalog)
    console.print(_models_table(data))
    console.print(_findings_table(data))
    for model in data["models"]:
        alternatives = model["assessment"]["stance"].get("open_alternatives") or []
        if alternatives:
            console.print(f"Open alternatives to {escape(model['id'])}:")
            for alt in alternatives:
                console.print(f"  - {escape(alt['model'])}: {escape(alt['reason'])}")
    if data["unresolved"]:
        console.print(f"{len(data['unresolved'])} unresolved references (kept, not dropped):")
        for ref in data["unresolved"][:20]:
            console.print(f"  {escape(ref['path'])}:{ref['line']}  {escape(ref['text'])}")
    if data["skipped"]:
        console.print(f"{len(data['skipped'])} files skipped:")
        for skipped in data["skipped"][:20]:
            console.print(f"  {escape(skipped['path'])}: {escape(skipped['reason'])}")
    console.print("Settings used:")
    for line in _settings_lines(data):
        console.print(escape(line))
    policy = data["policy"]
    suppressed = data["baseline"]["suppressed"] if data["baseline"] else 0
    verdict = (
        "[green]policy holds[/]" if policy["passed"] else f"[red]policy broken: {policy['violations']}[/]"
    )
    console.print(f"{verdict}; {suppressed} findings accepted by the baseline.")
