"""Pulling feeds: read each (URLs only when online), find catalog mentions, queue or drop each new item."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from openwatch.catalog.load import Catalog
from openwatch.intel.feeds import FeedEntry, FeedError, ParsedFeed, parse_feed, read_location
from openwatch.intel.mentions import MentionFinder
from openwatch.store.database import reading, writing
from openwatch.store.feed_queue import NewItem, all_feeds, store_items
from openwatch.store.schema import Feed


def _new_item(entry: FeedEntry, finder: MentionFinder) -> NewItem:
    mentions = finder.find(f"{entry.title}\n{entry.summary}")
    return NewItem(
        guid_key=entry.guid_key,
        guid=entry.guid,
        title=entry.title,
        link=entry.link,
        published=entry.published,
        summary=entry.summary,
        matches=[m.to_dict() for m in mentions],
    )


def _read(location: str, kind: str, online: bool, timeout: float) -> ParsedFeed | str:
    """The parsed feed, or why it was skipped."""
    if kind == "url" and not online:
        return "not pulled: URLs are fetched only with --online"
    try:
        return parse_feed(read_location(location, kind, timeout))
    except FeedError as exc:
        return str(exc)


def pull_feeds(engine: Engine, catalog: Catalog, *, online: bool, timeout: float) -> list[dict[str, Any]]:
    """Pull every feed; each is read outside any transaction, then its new items stored in one."""
    with reading(engine) as session:
        feeds = [(f.id, f.location, f.kind) for f in all_feeds(session)]
    finder: MentionFinder | None = None
    reports: list[dict[str, Any]] = []
    for feed_id, location, kind in feeds:
        parsed = _read(location, kind, online, timeout)
        if isinstance(parsed, str):
            reports.append({"feed": location, "skipped": parsed})
            continue
        finder = finder or MentionFinder(catalog)
        items = [_new_item(entry, finder) for entry in parsed.entries]
        with writing(engine) as session:
            feed = session.get(Feed, feed_id)
            if feed is None:  # removed meanwhile
                continue
            counts = store_items(session, feed, items, parsed.title)
        reports.append({"feed": location, "title": parsed.title, **counts})
    return reports
