"""Vendor stance and dependency risk: stance and trend, open successors, retirements, open alternatives."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from openwatch.catalog.claims import claims_in_force, conflicts
from openwatch.catalog.load import Catalog
from openwatch.catalog.memo import per_catalog
from openwatch.catalog.releases import lab_releases
from openwatch.catalog.resolve_rules import PROVIDER_PREFIXES
from openwatch.catalog.schema import Access, ApiSnapshot, Lab, Model
from openwatch.catalog.stance import WINDOW_DAYS, stance_changes, stance_on
from openwatch.catalog.stance_views import change_view, claim_view, conflict_view
from openwatch.catalog.views import effective_compute, source_text
from openwatch.domain import Citation, FactUsed, RuleResult
from openwatch.providers import canonical, from_prefix

RETIREMENT_WARNING_DAYS = 180
MAX_ALTERNATIVES = 3


@dataclass(frozen=True)
class StanceAssessment:
    """What the vendor's stance means for one dependency."""

    summary: dict[str, Any]
    results: tuple[RuleResult, ...]


def _snapshots(model: Model, catalog: Catalog) -> list[ApiSnapshot]:
    found = list(model.snapshots)
    for enrichment in catalog.enrichments.get(model.id, ()):
        found.extend(enrichment.snapshots)
    return found


Named = tuple[str, str | None]
"""A model text as the code names it, and the provider the code reaches it through (None if unknown)."""


def _snapshot_provider(snapshot_id: str) -> str | None:
    """The provider a snapshot id is routed through (`together_ai/Qwen/…`), None for an unprefixed id."""
    head, separator, _rest = snapshot_id.partition("/")
    return canonical(head) if separator and head.lower() in PROVIDER_PREFIXES else None


def _names_snapshot(named: Named, snapshot_id: str) -> bool:
    """True if the code names this snapshot: the same last segment, through the snapshot's provider if it
    has one (a Hugging Face default is not the Together AI deployment of the same weights)."""
    text, provider = named
    if text.lower().split("/")[-1] != snapshot_id.lower().split("/")[-1]:
        return False
    host = _snapshot_provider(snapshot_id)
    used = canonical(provider) if provider else from_prefix(text)
    return host is None or host == used


def retirements(
    model: Model, catalog: Catalog, named: Iterable[Named], today: dt.date
) -> list[dict[str, Any]]:
    """Deprecation dates of the API snapshots the code names (through their provider), soonest first."""
    uses = list(named)
    rows = []
    seen: set[str] = set()
    for snap in _snapshots(model, catalog):
        key = snap.id.lower().split("/")[-1]
        if snap.deprecation_date is None or key in seen or not any(_names_snapshot(n, snap.id) for n in uses):
            continue
        seen.add(key)
        days = (snap.deprecation_date - today).days
        rows.append(
            {
                "snapshot": snap.id,
                "deprecation_date": snap.deprecation_date.isoformat(),
                "days_left": days,
                "source": source_text(snap.source),
            }
        )
    return sorted(rows, key=lambda r: r["deprecation_date"])


def newest_in_family(model: Model, catalog: Catalog) -> Model | None:
    """The most recently released model of the same lab and family."""
    newest = per_catalog(catalog, ("newest",), lambda: _newest_by_family(catalog))
    return newest.get((model.lab, model.family))


def _newest_by_family(catalog: Catalog) -> dict[tuple[str, str | None], Model]:
    """The most recently released model of each (lab, family)."""
    newest: dict[tuple[str, str | None], Model] = {}
    for m in catalog.models.values():
        if m.released:
            key = (m.lab, m.family)
            held = newest.get(key)
            if held is None or (m.released, m.id) > (held.released or dt.date.min, held.id):
                newest[key] = m
    return newest


def _size(model: Model, catalog: Catalog) -> tuple[str, float] | None:
    if model.parameters.total:
        return "parameters", float(model.parameters.total)
    flop = effective_compute(model, catalog)[0]
    return ("training compute", flop) if flop else None


def _open_pool(catalog: Catalog, kind: str, today: dt.date) -> list[tuple[Model, Any, Any]]:
    """The curated open-weights models of a kind released by `today` with a licence, and their sizes."""
    pool = []
    for other in catalog.models.values():
        if other.access is not Access.OPEN_UNRESTRICTED or other.kind != kind:
            continue
        if other.released is None or other.released > today or not other.curated:
            continue
        licence = catalog.licence_of(other)
        if licence is not None:
            pool.append((other, licence, _size(other, catalog)))
    return pool


def open_alternatives(model: Model, catalog: Catalog, today: dt.date) -> list[dict[str, Any]]:
    """Open-weights models of similar kind and size, each with the reason it is offered."""
    own = _size(model, catalog)
    candidates = []
    key = ("alternatives", model.kind, today)
    pool = per_catalog(catalog, key, lambda: _open_pool(catalog, model.kind, today))
    for other, licence, theirs in pool:
        if other.id == model.id or other.released is None:
            continue
        if own is not None and (theirs is None or theirs[0] != own[0]):
            continue
        distance = abs(math.log10(theirs[1] / own[1])) if own and theirs else 0.0
        if distance > 0.5:
            continue
        size_reason = (
            f"similar {own[0]} ({theirs[1]:.2g} vs {own[1]:.2g})"
            if own and theirs
            else "size of the model in use is unknown; a recent open model of the same kind"
        )
        reason = (
            f"same kind ({other.kind}); {size_reason}; licence {licence.name}"
            f"{' (OSI-approved)' if licence.osi_approved else ''}; released {other.released.isoformat()}"
        )
        rank = (not licence.osi_approved, round(distance, 1), -other.released.toordinal())
        candidates.append(
            (rank, {"model": other.id, "lab": other.lab, "licence": other.licence, "reason": reason})
        )
    candidates.sort(key=lambda item: item[0])
    return [row for _, row in candidates[:MAX_ALTERNATIVES]]


def _lab_stance(catalog: Catalog, lab: Lab, today: dt.date) -> tuple[Any, ...]:
    """A lab's releases, stance on the day, stance changes, claims in force and conflicts.

    The same for every model of the lab on that day, so assess_stance computes it once per lab and day."""
    releases = lab_releases(catalog, lab)
    verdict = stance_on(catalog, lab, today, releases)
    changes = stance_changes(catalog, lab, today, releases)
    claims = claims_in_force(catalog, lab.id, today, verdict.stance)
    return releases, verdict, changes, claims, conflicts(catalog, lab.id, today, releases)


def assess_stance(model: Model, catalog: Catalog, named: Iterable[Named], today: dt.date) -> StanceAssessment:
    """The lab's stance now, its last change, open successor, retirements and open alternatives.

    `named` holds each (text, provider) by which the code names the model."""
    lab = catalog.lab_of(model)
    _, verdict, changes, claims, disputes = per_catalog(
        catalog, ("stance", lab.id, today), lambda: _lab_stance(catalog, lab, today)
    )
    last = changes[-1] if changes else None
    newest = newest_in_family(model, catalog)
    retiring = retirements(model, catalog, named, today)
    results: list[RuleResult] = []
    trend = None
    if last is not None:
        change = change_view(last)
        release = change["release"] or {}
        trend = {
            "from": change["from"],
            "to": change["to"],
            "date": change["date"],
            "why": change["why"],
            "status": release.get("status"),
            "source": (release.get("sources") or [None])[0],
            "summary": release.get("summary"),
        }
        recent = (today - last.date).days <= WINDOW_DAYS
        away = last.before.value in ("open", "open-weight") and last.after.value in ("hybrid", "closed")
        if model.access.is_open_weights and away and recent:
            results.append(
                RuleResult(
                    rule_id="stance.shift-away-from-open",
                    outcome="warning",
                    message=(
                        f"{lab.name} moved from {trend['from']} to {trend['to']} on {trend['date']}"
                        + (f" ({trend['status']}: {trend['summary']})" if release else "")
                        + "; future versions of this open model may not be released openly."
                    ),
                    facts=(FactUsed("stance change", trend, trend["source"], trend["status"]),),
                    citations=(Citation("docs/stance-rule.md", "RULE"),),
                )
            )
    if model.access.is_open_weights and newest is not None and not newest.access.is_open_weights:
        results.append(
            RuleResult(
                rule_id="stance.no-open-successor",
                outcome="warning",
                message=(
                    f"The newest {model.family} model, {newest.name} ({newest.released}), is "
                    f"{newest.access.value}: this family may have no open successor."
                ),
                facts=(
                    FactUsed(
                        "newest family member", newest.id, source_text(newest.sources[0]), newest.status
                    ),
                ),
            )
        )
    for row in retiring:
        outcome = "retired" if row["days_left"] < 0 else "retiring"
        if row["days_left"] <= RETIREMENT_WARNING_DAYS:
            results.append(
                RuleResult(
                    rule_id=f"stance.api-{outcome}",
                    outcome=outcome,
                    message=f"API snapshot {row['snapshot']} is deprecated on {row['deprecation_date']}"
                    + (" (already past)" if outcome == "retired" else f" ({row['days_left']} days left)"),
                    facts=(FactUsed("deprecation_date", row["deprecation_date"], row["source"], "reported"),),
                )
            )
    summary = {
        "lab": lab.id,
        "stance": verdict.stance.value,
        "stance_reason": verdict.reason,
        "claims": [claim_view(c) for c in claims],
        "conflicts": [conflict_view(c) for c in disputes],
        "trend": trend,
        "newest_in_family": {"model": newest.id, "access": newest.access.value} if newest else None,
        "successor": model.successor,
        "retirements": retiring,
        "open_alternatives": []
        if model.access is Access.OPEN_UNRESTRICTED
        else open_alternatives(model, catalog, today),
    }
    return StanceAssessment(summary=summary, results=tuple(results))
