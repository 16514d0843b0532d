"""Feeds and their items in the database: the feed list, items seen (never twice), the triage queue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from openwatch.store.history import utc_now
from openwatch.store.schema import Feed, FeedItem

QUEUED, DROPPED, ACCEPTED, DISMISSED = "queued", "dropped", "accepted", "dismissed"


@dataclass(frozen=True)
class NewItem:
    """An item read from a feed, with the catalog mentions found in it (none: it is dropped)."""

    guid_key: str
    guid: str
    title: str
    link: str | None
    published: dt.date | None
    summary: str
    matches: list[dict[str, Any]]


def add_feed(session: Session, location: str, kind: str) -> tuple[Feed, bool]:
    """The feed at a location, added if new; the flag says whether it was added."""
    found = session.scalars(select(Feed).where(Feed.location == location)).first()
    if found is not None:
        return found, False
    feed = Feed(location=location, kind=kind, added_at=utc_now())
    session.add(feed)
    session.flush()
    return feed, True


def all_feeds(session: Session) -> list[Feed]:
    """Every feed, in the order added."""
    return list(session.scalars(select(Feed).order_by(Feed.id)))


def store_items(session: Session, feed: Feed, items: Sequence[NewItem], title: str | None) -> dict[str, int]:
    """Keep the items not seen before (queued if they mention the catalog, else dropped); count them."""
    seen = set(session.scalars(select(FeedItem.guid_key).where(FeedItem.feed_id == feed.id)))
    counts = {"items": len(items), "already_seen": 0, QUEUED: 0, DROPPED: 0}
    now = utc_now()
    for item in items:
        if item.guid_key in seen:
            counts["already_seen"] += 1
            continue
        seen.add(item.guid_key)
        state = QUEUED if item.matches else DROPPED
        counts[state] += 1
        session.add(
            FeedItem(
                feed_id=feed.id,
                guid_key=item.guid_key,
                guid=item.guid,
                title=item.title,
                link=item.link,
                published=item.published,
                summary=item.summary if item.matches else "",
                matches=item.matches,
                state=state,
                seen_at=now,
            )
        )
    feed.title = title or feed.title
    feed.pulled_at = now
    return counts


def queue(session: Session, states: Sequence[str] = (QUEUED,)) -> list[FeedItem]:
    """Items in the given states, newest first."""
    statement = select(FeedItem).where(FeedItem.state.in_(list(states)))
    return list(session.scalars(statement.order_by(FeedItem.published.desc(), FeedItem.id.desc())))


def item_dict(item: FeedItem) -> dict[str, Any]:
    """A queued item as `openwatch triage` shows it."""
    return {
        "id": item.id,
        "title": item.title,
        "published": item.published.isoformat() if item.published else None,
        "link": item.link,
        "feed": item.feed.title or item.feed.location,
        "state": item.state,
        "matched": item.matches,
        "summary": item.summary,
        "event": item.event_id,
    }


def triage_rows(session: Session, show_all: bool = False) -> list[dict[str, Any]]:
    """The triage queue as `openwatch triage --format json` prints it (with `show_all`, also the items
    already accepted or dismissed)."""
    states = (QUEUED, ACCEPTED, DISMISSED) if show_all else (QUEUED,)
    return [item_dict(item) for item in queue(session, states)]
