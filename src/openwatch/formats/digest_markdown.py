"""Render the digest as Markdown (a daily briefing)."""

from __future__ import annotations

from typing import Any

from openwatch.formats.text import md_escape


def _source(source: dict[str, Any] | None) -> str:
    if not source:
        return ""
    text = md_escape(source["publisher"])
    if source.get("url"):
        text = f"[{text}](<{source['url']}>)"
    return f" Source: {text} ({md_escape(source.get('status', 'reported'))})."


def _projects(projects: list[dict[str, Any]]) -> str:
    if not projects:
        return " Touches no recorded project."
    names = ", ".join(f"{md_escape(p['project'])} ({md_escape(', '.join(p['models']))})" for p in projects)
    return f" Touches: {names}."


def _empty(items: list[Any], message: str) -> list[str]:
    """The blank line closing a list, or the message saying the list is empty."""
    return [""] if items else [message, ""]


def render_digest_markdown(digest: dict[str, Any]) -> str:
    """The digest as Markdown: events, stance changes, conflicts, projects touched."""
    lines = [f"# openwatch digest, {digest['since']} to {digest['until']}", ""]
    lines += ["## New events", ""]
    for e in digest["events"]:
        declares = f" Declares **{md_escape(e['declares'])}**." if e.get("declares") else ""
        head = (
            f"**{e['date']}, {md_escape(e['lab_name'])}** ({md_escape(e['kind'])}, {md_escape(e['status'])}"
        )
        lines.append(
            f"- {head}, `{e['id']}`): {md_escape(e['summary'])}{declares}"
            f"{_source(e['sources'][0])}{_projects(e['projects'])}"
        )
    lines += [*_empty(digest["events"], "No new events."), "## Stance changes", ""]
    for c in digest["stance_changes"]:
        lines.append(
            f"- **{c['date']}, {md_escape(c['lab_name'])}**: {md_escape(c['from'])} → {md_escape(c['to'])}, "
            f"because: {md_escape(c['why'].rstrip('.'))}.{_source(c['source'])}{_projects(c['projects'])}"
        )
    lines += [*_empty(digest["stance_changes"], "No stance changes."), "## Conflicting claims", ""]
    for conflict in digest["conflicts"]:
        sides = "; ".join(
            f"{md_escape(c['claim_by'])} ({c['date']}, {md_escape(c['status'])}): "
            f"{md_escape(c['summary'].rstrip('.'))}"
            for c in conflict["sides"]
        )
        lines.append(f"- **{md_escape(conflict['lab'])}**: {md_escape(conflict['explanation'])}. {sides}")
    lines += [*_empty(digest["conflicts"], "No conflicting claims."), "## Projects touched", ""]
    for p in digest["projects"]:
        lines.append(
            f"- **{md_escape(p['project'])}** ({md_escape(p['path'])}): "
            f"labs {md_escape(', '.join(p['labs']))}; "
            f"models {md_escape(', '.join(p['models']))}"
        )
    lines += _empty(digest["projects"], "No recorded project is touched.")
    lines.append(f"_Generated {digest['generated']} by openwatch. Not legal advice._")
    return "\n".join(lines) + "\n"
