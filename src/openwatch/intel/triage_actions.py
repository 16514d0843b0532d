"""Acting on the triage queue: accept a queued item as a sourced overlay event, or dismiss it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Event
from openwatch.intel.events import write_event
from openwatch.intel.triage import Acceptance, TriageError, event_from_item
from openwatch.store.feed_queue import ACCEPTED, DISMISSED, QUEUED, item_dict
from openwatch.store.schema import FeedItem


def queued_item(session: Session, item_id: int) -> FeedItem:
    """A queued item by number; TriageError when there is none or it was already triaged."""
    item = session.get(FeedItem, item_id)
    if item is None:
        raise TriageError(f"no item {item_id} (see openwatch triage)")
    if item.state != QUEUED:
        raise TriageError(f"item {item_id} is already {item.state}")
    return item


def accept_item(
    session: Session, catalog: Catalog, overlay: Path, item_id: int, accept: Acceptance
) -> tuple[str, Event]:
    """Write the event an item becomes to the overlay and mark the item accepted (in the session's
    transaction); returns the lab and the written event. Raises TriageError or EventError."""
    if accept.lab and accept.lab not in catalog.labs:
        raise TriageError(f"unknown lab {accept.lab!r} (see openwatch labs)")
    item = queued_item(session, item_id)
    lab_id, event = event_from_item(item_dict(item), accept)
    written = write_event(overlay, lab_id, event)
    item.state, item.event_id = ACCEPTED, written.id
    return lab_id, written


def dismiss_item(session: Session, item_id: int) -> None:
    """Dismiss a queued item: it leaves the queue and is never queued again."""
    queued_item(session, item_id).state = DISMISSED
