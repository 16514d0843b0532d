"""The digest: new events, stance changes and conflicting claims since a date, and the projects they touch."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openwatch.catalog.load import Catalog
from openwatch.catalog.stance import stance_changes
from openwatch.catalog.stance_views import change_view
from openwatch.intel.conflicts import lab_conflicts
from openwatch.intel.events import event_dict, lab_events
from openwatch.store.schema import AuditRecord


def _first_source(event: dict[str, Any]) -> dict[str, Any]:
    source: dict[str, Any] = event["sources"][0]
    return source


def _touched(records: list[AuditRecord], lab: str) -> list[dict[str, Any]]:
    """Recorded projects (their latest audit) that use a model of the lab."""
    touched = []
    for record in records:
        models = sorted(m.model_id for m in record.models if m.lab == lab)
        if models:
            touched.append({"project": record.project.name, "path": record.project.path, "models": models})
    return touched


def _changes(catalog: Catalog, since: dt.date, until: dt.date, labs: set[str]) -> list[dict[str, Any]]:
    """Stance changes of the labs between the dates, each with the release that caused it and its source."""
    changes = []
    for lab_id in sorted(labs):
        for change in stance_changes(catalog, catalog.labs[lab_id], until):
            if change.date < since:
                continue
            trigger = change.entered or change.left
            event = event_dict(lab_id, trigger.event) if trigger and trigger.event else None
            view = change_view(change)
            changes.append(
                {
                    "lab": lab_id,
                    "lab_name": catalog.labs[lab_id].name,
                    "date": view["date"],
                    "from": view["from"],
                    "to": view["to"],
                    "event": event["id"] if event else None,
                    "why": view["why"],
                    "source": _first_source(event) if event else None,
                }
            )
    return sorted(changes, key=lambda c: (c["date"], c["lab"]))


def build_digest(
    catalog: Catalog, since: dt.date, until: dt.date, records: list[AuditRecord], generated: dt.datetime
) -> dict[str, Any]:
    """Everything the digest says, as plain data for the markdown, HTML and Atom renderers."""
    events = []
    for lab_id, event in lab_events(catalog, since=since):
        if event.date > until:
            continue
        data = event_dict(lab_id, event)
        data["lab_name"] = catalog.labs[lab_id].name
        data["projects"] = _touched(records, lab_id)
        events.append(data)
    release_labs = {m.lab for m in catalog.models.values() if m.released and since <= m.released <= until}
    changes = _changes(catalog, since, until, {e["lab"] for e in events} | release_labs)
    for change in changes:
        change["projects"] = _touched(records, change["lab"])
    labs = {e["lab"] for e in events} | {c["lab"] for c in changes}
    projects: dict[str, dict[str, Any]] = {}
    for lab in sorted(labs):
        for entry in _touched(records, lab):
            found = projects.setdefault(entry["path"], {**entry, "models": [], "labs": []})
            found["labs"].append(lab)
            found["models"] = sorted({*found["models"], *entry["models"]})
    return {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "generated": generated.isoformat(timespec="seconds") + "Z",
        "events": events,
        "stance_changes": changes,
        "conflicts": lab_conflicts(catalog, since, until),
        "projects": sorted(projects.values(), key=lambda p: p["project"]),
    }
