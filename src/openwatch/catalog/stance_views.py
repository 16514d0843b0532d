"""Plain-data views of stance verdicts, releases, changes, claims and conflicts for the map, timeline and
model commands and the audit's stance summary."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openwatch.catalog.claims import (
    Claim,
    Conflict,
    Side,
    claimant_of,
    claims_in_force,
    conflicts,
    is_claim,
)
from openwatch.catalog.load import Catalog
from openwatch.catalog.releases import Release, all_releases, lab_releases
from openwatch.catalog.schema import Lab, Model
from openwatch.catalog.stance import StanceChange, StanceVerdict, policy_map, stance_changes, stance_on
from openwatch.catalog.views import event_view, model_detail, source_text


def release_view(release: Release) -> dict[str, Any]:
    """One release the stance rule counts: date, openness, models, tier and where it is recorded."""
    access = "open weights" if release.open else "closed"
    sources = release.event.sources if release.event else release.models[0].sources
    return {
        "date": release.date_text,
        "label": release.label,
        "access": "open" if release.open else "closed",
        "models": list(release.names),
        "tier": release.tier,
        "summary": release.event.summary if release.event else f"{release.label} released ({access})",
        "status": release.event.status if release.event else release.models[0].status,
        "sources": list(dict.fromkeys(source_text(s) for s in sources)),
    }


def change_view(change: StanceChange) -> dict[str, Any]:
    """A stance change: when, from what to what, why, and the sources of the release that caused it."""
    trigger = change.entered or change.left
    moved = "entered" if change.entered else "left"
    why = change.verdict.reason
    if trigger is not None:
        why = f"{trigger.label} ({trigger.date_text}) {moved} the 24-month window; {why}"
    return {
        "date": change.entered.date_text if change.entered else change.date.isoformat(),
        "from": change.before.value,
        "to": change.after.value,
        "why": why,
        "release": release_view(trigger) if trigger else None,
    }


def claim_view(claim: Claim) -> dict[str, Any]:
    """A claim shown beside the derived stance, with whether the evidence agrees."""
    view = event_view(claim.event, claim.claimant)
    view["agrees_with_evidence"] = claim.agrees
    return view


def _side_view(side: Side) -> dict[str, Any]:
    return {
        "claim_by": side.claimant,
        "date": side.date,
        "summary": side.summary,
        "models": list(side.models),
        "status": side.status,
        "sources": [source_text(s) for s in side.sources],
    }


def conflict_view(conflict: Conflict) -> dict[str, Any]:
    """Two contradicting claims side by side, each with its sources."""
    return {
        "lab": conflict.lab,
        "kind": conflict.kind,
        "explanation": conflict.explanation,
        "sides": [_side_view(conflict.first), _side_view(conflict.second)],
    }


def verdict_view(verdict: StanceVerdict) -> dict[str, Any]:
    """What a stance rests on: basis, frontier release, open share and open exceptions."""
    frontier = verdict.frontier
    return {
        "stance": verdict.stance.value,
        "as_of": verdict.as_of.isoformat(),
        "basis": verdict.basis,
        "frontier": {**release_view(frontier.release), "chosen_by": frontier.chosen_by} if frontier else None,
        "open_share": round(verdict.open_share, 3) if verdict.open_share is not None else None,
        "releases_in_window": len(verdict.releases),
        "open_exceptions": [release_view(r) for r in verdict.exceptions],
        "reason": verdict.reason,
    }


def map_row(
    verdict: StanceVerdict,
    catalog: Catalog,
    since: StanceChange | None,
    claims: list[Claim],
    conflicts: list[Conflict],
    examples: int = 4,
) -> dict[str, Any]:
    """One row of the policy map (`openwatch map --format json`)."""
    return {
        "lab": verdict.lab,
        "lab_name": catalog.labs[verdict.lab].name,
        **verdict_view(verdict),
        "open_models": [m.id for m in verdict.open_models[:examples]],
        "closed_models": [m.id for m in verdict.closed_models[:examples]],
        "since": change_view(since) if since else None,
        "claims": [claim_view(c) for c in claims],
        "conflicts": [conflict_view(c) for c in conflicts],
        "latest_event": event_view(verdict.latest_event) if verdict.latest_event else None,
    }


def map_rows(catalog: Catalog, as_of: dt.date, labs: list[str] | None = None) -> list[dict[str, Any]]:
    """The policy map on a date: each lab's stance, since when and why, its claims and their conflicts."""
    rows = []
    index = all_releases(catalog)
    for verdict in policy_map(catalog, as_of, labs, index):
        releases = index[verdict.lab]
        changes = stance_changes(catalog, catalog.labs[verdict.lab], as_of, releases)
        claims = claims_in_force(catalog, verdict.lab, as_of, verdict.stance)
        found = conflicts(catalog, verdict.lab, as_of, releases)
        rows.append(map_row(verdict, catalog, changes[-1] if changes else None, claims, found))
    return rows


def lab_stance_view(catalog: Catalog, lab: Lab, as_of: dt.date) -> dict[str, Any]:
    """A lab's stance on a date with its claims and conflicts (`openwatch model`, the audit's summary)."""
    releases = lab_releases(catalog, lab)
    verdict = stance_on(catalog, lab, as_of, releases)
    return {
        "lab": lab.id,
        **verdict_view(verdict),
        "claims": [claim_view(c) for c in claims_in_force(catalog, lab.id, as_of, verdict.stance)],
        "conflicts": [conflict_view(c) for c in conflicts(catalog, lab.id, as_of, releases)],
    }


def model_document(catalog: Catalog, model: Model, today: dt.date) -> dict[str, Any]:
    """Every fact about a model with its source, and its lab's stance today (`openwatch model`)."""
    return {
        **model_detail(model, catalog),
        "lab_stance": lab_stance_view(catalog, catalog.lab_of(model), today),
    }


def timeline_view(catalog: Catalog, lab: Lab, until: dt.date) -> dict[str, Any]:
    """A lab's events (claims marked with who makes them), its stance changes with why, and its stance now."""
    events = [
        event_view(e, claimant_of(lab, e) if is_claim(e) else None)
        for e in sorted(lab.events, key=lambda e: e.date)
    ]
    return {
        "lab": lab.id,
        "lab_name": lab.name,
        "events": events,
        "stance_changes": [change_view(c) for c in stance_changes(catalog, lab, until)],
        "now": lab_stance_view(catalog, lab, until),
    }
