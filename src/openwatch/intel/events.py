"""Events in the user's catalog overlay: add a sourced claim, find one by id, raise its status with evidence.

An overlay folder keeps events in `events/<lab-id>.yaml` (`lab:` and `events:`), which the catalog loader
appends to the lab's timeline. Writes replace the file atomically, under a lock, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml
from pydantic import ValidationError

from openwatch.catalog.event_ids import event_id, with_id
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Event, EventsFile, Source, Status
from openwatch.files import replace_file
from openwatch.safeyaml import load_yaml

STATUS_RANK: dict[str, int] = {"vendor-claim": 0, "reported": 1, "verified": 2}
"""How sure a claim is, least first: verifying may only raise it."""


class EventError(ValueError):
    """An event cannot be added or changed; the message says why."""


def events_path(overlay: Path, lab_id: str) -> Path:
    """The overlay file holding a lab's added events."""
    return overlay / "events" / f"{lab_id}.yaml"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock beside the file (POSIX), so two writers never lose each other's events."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f".{path.stem}.lock", "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: the atomic replace still keeps the file whole
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read(path: Path, lab_id: str) -> EventsFile:
    if not path.is_file():
        return EventsFile(lab=lab_id)
    try:
        return EventsFile.model_validate(load_yaml(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise EventError(f"{path}: cannot read the overlay's events: {exc}".splitlines()[0]) from exc


def _dump(events_file: EventsFile) -> str:
    data = {
        "lab": events_file.lab,
        "events": [e.model_dump(mode="json", exclude_none=True) for e in events_file.events],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_event(overlay: Path, lab_id: str, event: Event) -> Event:
    """Write an event (with its id) to the overlay, replacing an event of the same id there."""
    event = with_id(lab_id, event)
    path = events_path(overlay, lab_id)
    with _locked(path):
        current = _read(path, lab_id)
        kept = [e for e in current.events if event_id(lab_id, e) != event.id]
        replace_file(path, _dump(EventsFile(lab=lab_id, events=[*kept, event])))
    return event


def evidence_source(url: str | None, publisher: str | None, date: dt.date | None, status: str) -> Source:
    """A source of a claim; the publisher defaults to the URL's host. EventError for an unknown status or
    a source with neither publisher nor URL."""
    if status not in STATUS_RANK:
        raise EventError(f"the status must be one of {', '.join(STATUS_RANK)}")
    name = publisher or (urlparse(url).hostname if url else None)
    if not name:
        raise EventError("say who published the source (--publisher) or give its URL")
    return Source(publisher=name, url=url, date=date, status=status)  # type: ignore[arg-type]


def subject_lab(catalog: Catalog, lab: str | None, model: str | None) -> tuple[str, list[str]]:
    """The lab an event is about and the models (ids, or a family name) it names, from --lab/--model."""
    if model:
        found = catalog.lookup(model) or next(
            (m for m in catalog.models.values() if m.name.lower() == model.lower() and lab in (None, m.lab)),
            None,
        )
        if found is not None:
            if lab and lab != found.lab:
                raise EventError(f"{found.id} is a model of {found.lab}, not {lab}")
            return found.lab, [found.id]
        families = {m.lab for m in catalog.models.values() if m.family.lower() == model.lower()}
        if lab in families or (not lab and len(families) == 1):
            return lab or families.pop(), [model]
        raise EventError(f"unknown model or family {model!r} (see openwatch models)")
    if not lab:
        raise EventError("say which lab (--lab) or model (--model) the event is about")
    if lab not in catalog.labs:
        raise EventError(f"unknown lab {lab!r} (see openwatch labs)")
    return lab, []


def find_event(catalog: Catalog, wanted: str) -> tuple[str, Event]:
    """The lab and event with this id."""
    for lab in catalog.labs.values():
        for event in lab.events:
            if event_id(lab.id, event) == wanted:
                return lab.id, event
    raise EventError(f"no event {wanted!r} (see openwatch events list)")


def verify_event(
    catalog: Catalog, overlay: Path, wanted: str, source: Source, status: Status
) -> tuple[str, Event]:
    """Raise an event's status, adding the source that shows it; the raised copy goes to the overlay."""
    lab_id, event = find_event(catalog, wanted)
    if STATUS_RANK[status] <= STATUS_RANK[event.status]:
        raise EventError(f"{wanted} is already {event.status}; verify can only raise the status")
    sources = [*event.sources, source] if source not in event.sources else list(event.sources)
    raised = event.model_copy(update={"id": event_id(lab_id, event), "status": status, "sources": sources})
    return lab_id, write_event(overlay, lab_id, raised)


def lab_events(
    catalog: Catalog, lab: str | None = None, since: dt.date | None = None, status: str | None = None
) -> list[tuple[str, Event]]:
    """Events of the catalog (every lab, or one), optionally from a date on or of one status, by date."""
    chosen = [catalog.labs[lab]] if lab else list(catalog.labs.values())
    found = [
        (item.id, event)
        for item in chosen
        for event in item.events
        if (since is None or event.date >= since) and (status is None or event.status == status)
    ]
    return sorted(found, key=lambda pair: (pair[1].date, pair[0]))


def event_dict(lab_id: str, event: Event) -> dict[str, Any]:
    """An event as JSON-ready data, with its lab and id."""
    data = event.model_dump(mode="json", exclude_none=True)
    return {"id": event_id(lab_id, event), "lab": lab_id, **{k: v for k, v in data.items() if k != "id"}}
