"""Impact of an event: which recorded projects depend on what it concerns, and which of their findings would
change on re-audit (the recorded inventory re-assessed with and without the event; nothing is rescanned)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from openwatch.assess.audit import assess_inventory
from openwatch.catalog.event_ids import event_id
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Event
from openwatch.store.diff import diff_findings
from openwatch.store.recorded import recorded_inventory, recorded_settings
from openwatch.store.schema import AuditRecord


@dataclass(frozen=True)
class Concern:
    """What an event is about: its lab, and the models and families it names (none: the whole lab)."""

    lab: str
    models: frozenset[str]
    families: frozenset[str]


def concern_of(catalog: Catalog, lab_id: str, event: Event) -> Concern:
    """Resolve the event's model names to catalog models (by id, alias or name) or families."""
    models: set[str] = set()
    families: set[str] = set()
    lab_models = [m for m in catalog.models.values() if m.lab == lab_id]
    for text in event.models:
        found = catalog.lookup(text)
        named = [m.id for m in lab_models if m.name.lower() == text.lower()]
        if found is not None or named:
            models.update([found.id] if found is not None else named)
            continue
        families.update(m.family for m in lab_models if m.family.lower() == text.lower())
    families.update(catalog.models[m].family for m in models if m in catalog.models)
    return Concern(lab_id, frozenset(models), frozenset(families))


def without_event(catalog: Catalog, lab_id: str, wanted: str) -> Catalog:
    """The catalog as it would be without one event."""
    lab = catalog.labs[lab_id]
    events = [e for e in lab.events if event_id(lab_id, e) != wanted]
    return dataclasses.replace(
        catalog, labs={**catalog.labs, lab_id: lab.model_copy(update={"events": events})}
    )


def dependence(record: AuditRecord, concern: Concern) -> tuple[str, list[str]] | None:
    """How a recorded project depends on the concern ("model", "family" or "lab") and through which models."""
    used = [m for m in record.models if m.lab == concern.lab]
    if not used:
        return None
    level = (
        "model"
        if any(m.model_id in concern.models for m in used)
        else "family"
        if any(m.family in concern.families for m in used)
        else "lab"
    )
    return level, sorted(m.model_id for m in used)


def _findings(record: AuditRecord, catalog: Catalog, today: dt.date) -> list[dict[str, Any]]:
    inventory = recorded_inventory(record.result, set(catalog.models))
    settings = recorded_settings(record.result)
    audit = assess_inventory(tuple(record.result.get("paths", [])), inventory, settings, catalog, today)
    return [f.to_dict() for f in audit.findings]


def event_impact(
    catalog: Catalog, lab_id: str, event: Event, records: list[AuditRecord], today: dt.date
) -> dict[str, Any]:
    """The projects an event touches and the findings it adds, removes or changes for each."""
    wanted = event_id(lab_id, event)
    concern = concern_of(catalog, lab_id, event)
    before = without_event(catalog, lab_id, wanted)
    projects = []
    for record in records:
        found = dependence(record, concern)
        if found is None:
            continue
        changes = diff_findings(_findings(record, before, today), _findings(record, catalog, today))
        projects.append(
            {
                "project": record.project.name,
                "path": record.project.path,
                "audit": record.id,
                "depends_on": found[0],
                "models": found[1],
                "findings": changes,
            }
        )
    return {
        "event": wanted,
        "lab": lab_id,
        "date": event.date.isoformat(),
        "summary": event.summary,
        "concerns": {"lab": lab_id, "models": sorted(concern.models), "families": sorted(concern.families)},
        "projects": projects,
    }
