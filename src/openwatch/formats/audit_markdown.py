"""Render an audit as a Markdown report, escaping every string that came from scanned files or data."""

from __future__ import annotations

from typing import Any

from openwatch.formats.map_markdown import md_escape


def _row(cells: list[Any]) -> str:
    return "| " + " | ".join(md_escape(str(c)) for c in cells) + " |"


def _model_section(model: dict[str, Any]) -> list[str]:
    a = model["assessment"]
    eu = a["eu_ai_act"]
    lines = [f"### {md_escape(model['name'])} (`{md_escape(model['id'])}`)", ""]
    first = model["references"][0]
    lines.append(
        f"- Used at {md_escape(first['path'])}:{first['line']} and {model['count'] - 1} more places; "
        f"your role: {md_escape(model['role']['role'])} ({md_escape(model['role']['why'])})."
    )
    openness = a["openness"]
    mof = str((openness.get("mof") or {}).get("label", "unknown"))
    lines.append(
        f"- Openness: {md_escape(openness['access'])}; OSAID {md_escape(openness['osaid']['verdict'])}"
        f"; MOF {md_escape(mof)}."
    )
    lic = a["licence"]
    lines.append(f"- Licence: {md_escape(lic.get('name') or 'unknown')}.")
    for term in lic.get("terms", []):
        lines.append(
            f"  - {md_escape(term['rule'])} ({md_escape(term['outcome'])}): {md_escape(term['message'])}"
        )
    if eu:
        lines.append(
            f"- EU AI Act: GPAI {md_escape(str(eu.get('gpai')))}, systemic risk "
            f"{md_escape(str(eu.get('systemic_risk')))}, open-source exemption "
            f"{md_escape(str(eu.get('foss_exemption')))} ({md_escape(str(eu.get('foss_exemption_of')))})."
        )
        for ob in eu.get("obligations", []):
            lines.append(f"  - {md_escape(ob.get('id', ''))} ({md_escape(ob.get('article', ''))})")
        for deadline in eu.get("deadlines", []):
            lines.append(f"  - {md_escape(deadline['what'])}: {md_escape(str(deadline['date']))}")
        for reason in eu.get("review", []):
            lines.append(f"  - review: {md_escape(reason)}")
    st = a["stance"]
    trend = st.get("trend")
    trend_text = f" ({trend['from']} → {trend['to']} on {trend['date']}, {trend['status']})" if trend else ""
    lines.append(f"- Vendor stance: {md_escape(st['stance'])}{md_escape(trend_text)}.")
    for alt in st.get("open_alternatives") or []:
        lines.append(f"  - open alternative {md_escape(alt['model'])}: {md_escape(alt['reason'])}")
    return [*lines, ""]


def render_audit_markdown(data: dict[str, Any]) -> str:
    """The audit as a Markdown document."""
    lines = [f"# openwatch audit ({md_escape(data['date'])})", "", "## Models", ""]
    lines += [_row(["Model", "Lab", "Access", "Licence", "References"]), "|---|---|---|---|---|"]
    for m in data["models"]:
        lines.append(_row([m["id"], m["lab"], m["access"], m["licence"] or "unknown", m["count"]]))
    lines += ["", "## Findings", ""]
    lines += [_row(["Severity", "Rule", "Model", "Where", "Message"]), "|---|---|---|---|---|"]
    for f in data["findings"]:
        if f["suppressed_by"]:
            continue
        where = f"{f['path']}:{f['line']}" if f["path"] else "-"
        lines.append(_row([f["severity"], f["rule"], f["model"] or "-", where, f["message"]]))
    lines += ["", "## Assessments", ""]
    for m in data["models"]:
        lines += _model_section(m)
    if data["unresolved"]:
        lines += ["## Unresolved references", ""]
        lines += [
            f"- {md_escape(r['path'])}:{r['line']} `{md_escape(r['text'])}`" for r in data["unresolved"]
        ]
        lines.append("")
    lines += ["## Settings", ""]
    for name, value in data["settings"].items():
        if isinstance(value, dict) and "assumed" in value:
            lines.append(
                f"- {name}: {md_escape(str(value['value']))}{' (assumed)' if value['assumed'] else ''}"
            )
    lines += ["", "## Data sources", ""]
    lines += [f"- {md_escape(k)}: {md_escape(v)}" for k, v in sorted(data["catalog"]["datasets"].items())]
    return "\n".join(lines) + "\n"
