"""Render an audit for the terminal with Rich: verdict, a models table that keeps ids whole, then details."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table

from openwatch.formats.text import fact_text, terminal_safe, where

_SEVERITY_STYLE = {"error": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}


def _where(model: dict[str, Any]) -> str:
    first = model["references"][0]
    more = f" (+{model['count'] - 1})" if model["count"] > 1 else ""
    return f"{first['path']}:{first['line']}{more}"


def models_table(
    models: list[dict[str, Any]], title: str, locations: Callable[[dict[str, Any]], str] = _where
) -> Table:
    """Models with access, licence and where they are used; the id column never wraps."""
    widest = max((len(m["id"]) for m in models), default=10)
    table = Table(title=title, title_justify="left")
    table.add_column("model", no_wrap=True, min_width=widest)
    table.add_column("access / licence", overflow="fold", ratio=3)
    audited = any("role" in m for m in models)
    if audited:
        table.add_column("role", overflow="fold", ratio=1)
    table.add_column("where", overflow="fold", ratio=2)
    for model in models:
        licence = (
            ((model.get("card") or {}).get("licence") or {}).get("name") or model["licence"] or "unknown"
        )
        cells = [
            f"{terminal_safe(model['id'])}\n[dim]{terminal_safe(model['name'])}[/dim]",
            f"{terminal_safe(model['access'])}\n[dim]{terminal_safe(licence)}[/dim]",
        ]
        if audited:
            cells.append(terminal_safe(model["role"]["role"]))
        table.add_row(*cells, terminal_safe(locations(model)))
    return table


def _print_finding(console: Console, finding: dict[str, Any]) -> None:
    style = _SEVERITY_STYLE.get(finding["severity"], "")
    mark = " [bold red]blocking[/]" if finding["blocking"] else ""
    place = terminal_safe(where(finding["path"], finding["line"]))
    console.print(f"  [{style}]{finding['severity']:>6}[/] {terminal_safe(finding['rule'])} {place}{mark}")
    console.print(f"         {terminal_safe(finding['message'])}")


def _print_model(console: Console, model: dict[str, Any], findings: list[dict[str, Any]]) -> None:
    a = model["assessment"]
    eu = a["eu_ai_act"]
    console.print(
        f"\n[bold]{terminal_safe(model['name'])}[/] ({terminal_safe(model['id'])}), "
        f"role {terminal_safe(model['role']['role'])}"
    )
    mof = fact_text((a["openness"].get("mof") or {}).get("label"))
    console.print(
        f"  Openness: {terminal_safe(a['openness']['access'])}; "
        f"OSAID {terminal_safe(a['openness']['osaid']['verdict'])}; MOF {terminal_safe(mof)}"
    )
    provider = fact_text((eu.get("provider") or {}).get("who"))
    console.print(
        terminal_safe(
            f"  EU AI Act: GPAI {eu['gpai']}, systemic risk {eu['systemic_risk']}, open-source exemption "
            f"{eu['foss_exemption']} ({eu['foss_exemption_of']}); provider: {provider}"
        )
    )
    stance = a["stance"]
    trend = stance.get("trend")
    text = f"  Vendor stance: {stance['stance']}"
    if trend:
        text += f" (changed {trend['from']} → {trend['to']} on {trend['date']}, {trend['status']})"
    console.print(terminal_safe(text))
    for alt in stance.get("open_alternatives") or []:
        console.print(f"  Open alternative: {terminal_safe(alt['model'])} — {terminal_safe(alt['reason'])}")
    for finding in findings:
        _print_finding(console, finding)


def _print_rest(console: Console, data: dict[str, Any]) -> None:
    if data["unresolved"]:
        console.print(f"\n{len(data['unresolved'])} unresolved references (kept, not dropped):")
        for ref in data["unresolved"][:20]:
            console.print(f"  {terminal_safe(where(ref['path'], ref['line']))}  {terminal_safe(ref['text'])}")
    if data["skipped"]:
        console.print(f"\n{len(data['skipped'])} files skipped:")
        for skipped in data["skipped"][:20]:
            console.print(f"  {terminal_safe(skipped['path'])}: {terminal_safe(skipped['reason'])}")
    console.print("\nSettings used:")
    for name, value in data["settings"].items():
        if isinstance(value, dict) and "assumed" in value:
            mark = " (assumed: set it in [tool.openwatch])" if value["assumed"] else ""
            console.print(terminal_safe(f"  {name} = {fact_text(value['value'])}{mark}"))


def print_audit(data: dict[str, Any], console: Console) -> None:
    """Print the audit: models, each model's assessments and findings, the rest, and the verdict last."""
    active = [f for f in data["findings"] if not f["suppressed_by"]]
    console.print(models_table(data["models"], f"{len(data['models'])} models in use"))
    for model in data["models"]:
        _print_model(console, model, [f for f in active if f["model"] == model["id"]])
    project = [f for f in active if f["model"] is None]
    if project:
        console.print("\n[bold]Project findings[/]")
        for finding in project:
            _print_finding(console, finding)
    _print_rest(console, data)
    policy, verdict = data["policy"], data["verdict"]
    suppressed = data["baseline"]["suppressed"] if data["baseline"] else 0
    state = "[green]policy holds[/]" if policy["passed"] else f"[red]policy broken: {policy['violations']}[/]"
    outcome = "[green]passes[/]" if verdict["passed"] else f"[red]fails ({verdict['blocking']} blocking)[/]"
    console.print(f"{state}; audit {outcome}; {len(active)} findings; {suppressed} accepted by the baseline.")
