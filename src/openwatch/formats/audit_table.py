"""Render an audit for the terminal with Rich: a models table, then each model's findings and facts."""

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


def _eu_line(eu: dict[str, Any]) -> str:
    provider = (eu.get("provider") or {}).get("who", "?")
    return (
        f"EU AI Act: GPAI {eu.get('gpai')}, systemic risk {eu.get('systemic_risk')}, "
        f"open-source exemption {eu.get('foss_exemption')} ({eu.get('foss_exemption_of')}); "
        f"provider: {provider}"
    )


def _stance_line(stance: dict[str, Any]) -> str:
    trend = stance.get("trend")
    text = f"Vendor stance: {stance.get('stance')}"
    if trend:
        text += f" (changed {trend['from']} → {trend['to']} on {trend['date']}, {trend['status']})"
    return text


def _models_table(data: dict[str, Any]) -> Table:
    table = Table(title=f"{len(data['models'])} models in use")
    for column in ("model", "lab", "access", "licence", "your role", "where"):
        table.add_column(column, overflow="fold")
    for model in data["models"]:
        licence = model["assessment"]["licence"]
        table.add_row(
            escape(model["id"]),
            escape(model["lab_name"] or model["lab"]),
            escape(model["access"]),
            escape(licence.get("name") or "unknown"),
            escape(model["role"]["role"]),
            escape(_where(model)),
        )
    return table


def _print_finding(console: Console, finding: dict[str, Any]) -> None:
    style = _SEVERITY_STYLE.get(finding["severity"], "")
    where = f" {finding['path']}:{finding['line']}" if finding["path"] else ""
    console.print(f"  [{style}]{finding['severity']:>6}[/] {escape(finding['rule'])}{escape(where)}")
    console.print(f"         {escape(finding['message'])}", soft_wrap=False)


def _print_model(console: Console, model: dict[str, Any], findings: list[dict[str, Any]]) -> None:
    a = model["assessment"]
    console.print(
        f"\n[bold]{escape(model['name'])}[/] ({escape(model['id'])}), role {escape(model['role']['role'])}"
    )
    osaid = a["openness"]["osaid"]["verdict"]
    mof = (a["openness"].get("mof") or {}).get("label", "not assessed")
    console.print(
        f"  Openness: {escape(a['openness']['access'])}; OSAID {escape(osaid)}; MOF {escape(str(mof))}"
    )
    console.print("  " + escape(_eu_line(a["eu_ai_act"])))
    console.print("  " + escape(_stance_line(a["stance"])))
    for alt in a["stance"].get("open_alternatives") or []:
        console.print(f"  Open alternative: {escape(alt['model'])} — {escape(alt['reason'])}")
    for finding in findings:
        _print_finding(console, finding)


def print_audit(audit: Audit, catalog: Catalog, console: Console) -> None:
    """Print the audit: models, then per model its assessments and findings, then the rest."""
    data = audit_dict(audit, catalog)
    active = [f for f in data["findings"] if not f["suppressed_by"]]
    console.print(_models_table(data))
    for model in data["models"]:
        _print_model(console, model, [f for f in active if f["model"] == model["id"]])
    project = [f for f in active if f["model"] is None]
    if project:
        console.print("\n[bold]Project findings[/]")
        for finding in project:
            _print_finding(console, finding)
    if data["unresolved"]:
        console.print(f"\n{len(data['unresolved'])} unresolved references (kept, not dropped):")
        for ref in data["unresolved"][:20]:
            console.print(f"  {escape(ref['path'])}:{ref['line']}  {escape(ref['text'])}")
    if data["skipped"]:
        console.print(f"\n{len(data['skipped'])} files skipped:")
        for skipped in data["skipped"][:20]:
            console.print(f"  {escape(skipped['path'])}: {escape(skipped['reason'])}")
    console.print("\nSettings used:")
    for name, value in data["settings"].items():
        if isinstance(value, dict) and "assumed" in value:
            mark = " (assumed: set it in [tool.openwatch])" if value["assumed"] else ""
            console.print(escape(f"  {name} = {value['value']}{mark}"))
    policy = data["policy"]
    suppressed = data["baseline"]["suppressed"] if data["baseline"] else 0
    verdict = (
        "[green]policy holds[/]" if policy["passed"] else f"[red]policy broken: {policy['violations']}[/]"
    )
    console.print(f"{verdict}; {len(active)} findings; {suppressed} accepted by the baseline.")
