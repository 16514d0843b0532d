"""Render an audit as Markdown that fits a pull-request comment: verdict first, a table per severity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from openwatch.formats.text import md_escape, where

LIMIT = 65_536
"""GitHub's largest pull-request comment, in characters."""

BUDGET = 60_000
"""What the report may use before it cuts, leaving room for the closing notes."""

SEVERITIES = ("error", "high", "medium", "low", "info")
MESSAGE_CHARS = 240


def _cell(value: object, limit: int = MESSAGE_CHARS) -> str:
    text = md_escape(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip("\\") + "…"


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


class _Page:
    """Lines of the report, and how much of the budget they use; rows that do not fit are counted."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0
        self.cut = 0

    def add(self, *lines: str) -> None:
        """Lines that are always shown (headings, notes)."""
        for line in lines:
            self.lines.append(line)
            self.size += len(line) + 1

    def rows(self, header: list[str], rows: list[list[object]], what: str) -> None:
        """A table whose rows stop at the budget, with a note saying how many were left out."""
        self.add(_row(header), "|" + "---|" * len(header))
        for shown, row in enumerate(rows):
            line = _row(row)
            if self.size + len(line) + 1 > BUDGET:
                left = len(rows) - shown
                self.cut += left
                self.add("", f"*{left} more {what} not shown: the comment would pass its size limit.*")
                return
            self.add(line)


def _verdict(data: dict[str, Any], active: list[dict[str, Any]]) -> list[str]:
    verdict = data["verdict"]
    models = data["models"]
    access = Counter(m["access"] for m in models)
    mix = ", ".join(f"{n} {a}" for a, n in access.most_common())
    counts = Counter(f["severity"] for f in active)
    per = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts[s])
    if verdict["passed"]:
        head = "## ✅ openwatch: the audit passes"
    else:
        head = f"## ❌ openwatch: the audit fails ({verdict['blocking']} blocking findings)"
    policy = data["policy"]
    worse = f" and {verdict['fail_on']} or worse" if verdict["fail_on"] else ""
    rule = f"fails on policy violations{worse}"
    return [
        head,
        "",
        f"**{len(models)} models** ({md_escape(mix) or 'none'}); **{len(active)} findings**"
        f"{' (' + per + ')' if per else ''}; {len(data['unresolved'])} unresolved references; "
        f"policy {'holds' if policy['passed'] else 'broken: ' + str(policy['violations']) + ' violations'}"
        f" ({rule}). Audited as of {md_escape(data['date'])}.",
        "",
    ]


def _models(page: _Page, models: list[dict[str, Any]]) -> None:
    page.add("<details><summary>Models in use</summary>", "")
    rows: list[list[object]] = []
    for m in models:
        licence = (m["card"]["licence"] or {}).get("name") or "unknown"
        rows.append(
            [
                m["id"],
                m["lab_name"] or m["lab"],
                m["access"],
                licence,
                m["role"]["role"],
                m["assessment"]["stance"]["stance"],
                m["count"],
            ]
        )
    page.rows(["Model", "Lab", "Access", "Licence", "Your role", "Vendor stance", "Refs"], rows, "models")
    page.add("", "</details>", "")


def render_audit_markdown(data: dict[str, Any]) -> str:
    """The audit as a Markdown report that stays under a pull-request comment's size limit."""
    active = [f for f in data["findings"] if not f["suppressed_by"]]
    page = _Page()
    page.add(*_verdict(data, active))
    for severity in SEVERITIES:
        found = [f for f in active if f["severity"] == severity]
        if not found:
            continue
        page.add(f"### {severity.capitalize()} ({len(found)})", "")
        rows: list[list[object]] = [
            [
                ("**blocking** " if f["blocking"] else "") + (f["model"] or "project"),
                f["rule"],
                where(f["path"], f["line"]),
                f["message"],
            ]
            for f in found
        ]
        page.rows(["Model", "Rule", "Where", "Message"], rows, f"{severity} findings")
        page.add("")
    _models(page, data["models"])
    if data["unresolved"]:
        page.add("<details><summary>Unresolved references (kept, not in the catalog)</summary>", "")
        rows = [[r["text"], where(r["path"], r["line"]), r["context"]] for r in data["unresolved"]]
        page.rows(["Text", "Where", "Context"], rows, "unresolved references")
        page.add("", "</details>", "")
    assumed = [name for name, v in data["settings"].items() if isinstance(v, dict) and v.get("assumed")]
    if assumed:
        page.add(f"Assumed settings (set them in `[tool.openwatch]`): {md_escape(', '.join(assumed))}.", "")
    suppressed = len(data["findings"]) - len(active)
    if suppressed:
        page.add(f"{suppressed} findings accepted by the baseline are not shown.", "")
    if page.cut:
        page.add(
            f"*{page.cut} rows were cut to fit a comment. The whole report: "
            "`openwatch report AUDIT.json --format html`.*",
            "",
        )
    page.add("<sub>openwatch reads the cited texts; nothing here is legal advice.</sub>")
    return "\n".join(page.lines) + "\n"
