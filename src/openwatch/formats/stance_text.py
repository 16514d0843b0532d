"""Plain-text pieces shared by the stance displays (map table and Markdown, timeline, model): one line per
frontier, open share, claim, change and conflict, built from the views' plain data."""

from __future__ import annotations

from typing import Any


def frontier_text(verdict: dict[str, Any]) -> str:
    """The frontier release: its first model, date, openness and how it was chosen; or why there is none."""
    frontier = verdict["frontier"]
    if frontier is None:
        return "unknown" if verdict["basis"] != "none" else "-"
    return f"{frontier['label']}, {frontier['date']}, {frontier['access']} (by {frontier['chosen_by']})"


def share_text(verdict: dict[str, Any]) -> str:
    """The open share with the number of releases, and the open exceptions of a closed lab."""
    if verdict["open_share"] is None:
        return "-"
    text = f"{verdict['open_share']:.3f} of {verdict['releases_in_window']}"
    exceptions = [name for r in verdict["open_exceptions"] for name in r["models"]]
    return text + (f"; exceptions: {', '.join(exceptions)}" if exceptions else "")


def claim_text(claim: dict[str, Any]) -> str:
    """One claim: who, when, what it declares (and denies), its status, and whether the evidence agrees."""
    said = claim["declares"] or "no stance"
    if claim["denies"]:
        denial = claim["denies"]
        said += f"; denies {denial['tier']}-tier {denial['kind']}s after {denial['since']}"
    agreement = {True: "agrees", False: "DISAGREES with the evidence", None: "not comparable"}
    verdict = agreement[claim["agrees_with_evidence"]]
    return f"{claim['claim_by']} {claim['date']}: {said} ({claim['status']}; {verdict})"


def change_text(change: dict[str, Any]) -> str:
    """A stance change: when, from what to what, and why."""
    return f"{change['from']} → {change['to']} on {change['date']}: {change['why']}"


def change_sources(change: dict[str, Any]) -> list[str]:
    """The sources of the release that moved the stance, with its status."""
    release = change["release"]
    if release is None:
        return []
    return [f"{source} ({release['status']})" for source in release["sources"]]


def side_text(side: dict[str, Any]) -> str:
    """One side of a conflict: who, when, what, status."""
    return f"{side['claim_by']} ({side['date']}, {side['status']}): {side['summary']}"


def conflict_lines(conflict: dict[str, Any]) -> list[str]:
    """A conflict as lines: the explanation, then each side with its sources."""
    lines = [f"conflict ({conflict['kind']}): {conflict['explanation']}"]
    for side in conflict["sides"]:
        lines.append(f"  - {side_text(side)}")
        lines.extend(f"      source: {source}" for source in side["sources"])
    return lines
