"""Stable event ids, and merging a lab's events from several catalog roots (same id: the later one wins)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from openwatch.catalog.schema import Event, Lab


def derived_event_id(lab_id: str, event: Event) -> str:
    """An id derived from the lab, date, kind and summary: `<lab>-<date>-<8 hex digits>`."""
    raw = f"{lab_id}\0{event.date.isoformat()}\0{event.kind.value}\0{' '.join(event.summary.split())}"
    return f"{lab_id}-{event.date.isoformat()}-{hashlib.sha256(raw.encode()).hexdigest()[:8]}"


def event_id(lab_id: str, event: Event) -> str:
    """The event's explicit id, else the one derived from lab, date, kind and summary."""
    return event.id or derived_event_id(lab_id, event)


def with_id(lab_id: str, event: Event) -> Event:
    """The event with its id filled in."""
    return event if event.id else event.model_copy(update={"id": derived_event_id(lab_id, event)})


def merge_events(lab_id: str, earlier: Iterable[Event], later: Iterable[Event]) -> list[Event]:
    """Earlier events, then later ones appended; a later event with an existing id replaces it, keeping
    the sources of both. The result is in date order (stable) and every event has its id."""
    merged: dict[str, Event] = {}
    for event in (*earlier, *later):
        key = event_id(lab_id, event)
        event = with_id(lab_id, event)
        previous = merged.get(key)
        if previous is not None:
            extra = [s for s in previous.sources if s not in event.sources]
            event = event.model_copy(update={"sources": [*extra, *event.sources]})
        merged[key] = event
    return sorted(merged.values(), key=lambda e: e.date)


def merge_lab(earlier: Lab | None, later: Lab) -> Lab:
    """A lab from a later root: its given fields override the earlier lab's, its events are appended."""
    if earlier is None:
        return later.model_copy(update={"events": merge_events(later.id, [], later.events)})
    fields = {name: getattr(later, name) for name in later.model_fields_set - {"id", "events"}}
    events = merge_events(later.id, earlier.events, later.events)
    return earlier.model_copy(update={**fields, "events": events})
