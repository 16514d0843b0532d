"""Triage: turn a queued news item into a sourced catalog event, or dismiss it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from openwatch.catalog.schema import Event, EventKind, Source, Stance, Status


class TriageError(ValueError):
    """An item cannot be accepted as given; the message says what is missing."""


@dataclass(frozen=True)
class Acceptance:
    """What the person triaging says about an item; None fields come from the item itself."""

    kind: EventKind
    stance: Stance | None = None
    lab: str | None = None
    date: dt.date | None = None
    summary: str | None = None
    status: Status = "reported"


def item_labs(matches: list[dict[str, Any]]) -> list[str]:
    """The labs an item's mentions belong to, most mentioned first."""
    counts: dict[str, int] = {}
    for match in matches:
        counts[match["lab"]] = counts.get(match["lab"], 0) + len(match["words"])
    return sorted(counts, key=lambda lab: (-counts[lab], lab))


def event_from_item(item: dict[str, Any], accept: Acceptance) -> tuple[str, Event]:
    """The lab and event an accepted item becomes, with the item as its source."""
    labs = item_labs(item["matched"])
    lab = accept.lab or (labs[0] if len(labs) == 1 else None)
    if lab is None:
        raise TriageError(
            f"item {item['id']} mentions several labs ({', '.join(labs)}): say which with --lab"
        )
    day = accept.date or (dt.date.fromisoformat(item["published"]) if item["published"] else None)
    if day is None:
        raise TriageError(f"item {item['id']} has no date: give one with --date")
    models = sorted({m["id"] for m in item["matched"] if m["kind"] == "model" and m["lab"] == lab})
    source = Source(
        publisher=item["feed"],
        url=item["link"],
        citation=f"'{item['title']}'",
        date=day,
        status=accept.status,
    )
    event = Event(
        date=day,
        kind=accept.kind,
        summary=accept.summary or item["title"],
        models=models,
        declares=accept.stance,
        sources=[source],
        status=accept.status,
    )
    return lab, event
