"""Reading news feeds: RSS and Atom through feedparser, JSON Feed through the json module."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser

from openwatch.files import open_regular
from openwatch.intel.fetch import FetchError, fetch_url

JSON_FEED_PREFIX = "https://jsonfeed.org/version/"
MAX_FEED_BYTES = 20_000_000


class FeedError(Exception):
    """A feed could not be read or parsed; the message says why."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, as plain text."""

    guid: str
    title: str
    link: str | None
    published: dt.date | None
    summary: str

    @property
    def guid_key(self) -> str:
        """SHA-256 of the guid: the key that keeps re-pulls from duplicating items."""
        return hashlib.sha256(self.guid.encode()).hexdigest()


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and entries."""

    title: str | None
    entries: tuple[FeedEntry, ...]


class _TextOnly(HTMLParser):
    """Collects the text of an HTML fragment (feed summaries are often HTML)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment, whitespace collapsed."""
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def _guid(given: Any, link: str | None, title: str, published: dt.date | None) -> str:
    if isinstance(given, str) and given.strip():
        return given.strip()
    return link or f"{title}\0{published.isoformat() if published else ''}"


def _feedparser_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
    return None


def _iso_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _parse_json_feed(data: dict[str, Any]) -> ParsedFeed:
    items = data.get("items")
    if not isinstance(items, list):
        raise FeedError("JSON Feed without an items list")
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        title = plain_text(str(item.get("title") or ""))
        body = str(
            item.get("summary") or item.get("content_text") or plain_text(str(item.get("content_html") or ""))
        )
        link = item.get("url") if isinstance(item.get("url"), str) else None
        published = _iso_date(item.get("date_published")) or _iso_date(item.get("date_modified"))
        guid = _guid(item.get("id"), link, title, published)
        entries.append(FeedEntry(guid, title or "(untitled)", link, published, " ".join(str(body).split())))
    feed_title = data.get("title")
    return ParsedFeed(feed_title if isinstance(feed_title, str) else None, tuple(entries))


def _parse_xml_feed(content: bytes) -> ParsedFeed:
    parsed = feedparser.parse(content)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS, Atom or JSON Feed content"
        raise FeedError(f"not a feed: {reason}")
    entries = []
    for entry in parsed.entries:
        title = plain_text(entry.get("title", ""))
        link = entry.get("link")
        published = _feedparser_date(entry)
        summary = plain_text(entry.get("summary", ""))
        body = " ".join(plain_text(part.get("value", "")) for part in entry.get("content", []))
        if body and body != summary:
            summary = f"{summary} {body}".strip()
        guid = _guid(entry.get("id"), link, title, published)
        entries.append(FeedEntry(guid, title or "(untitled)", link, published, summary))
    return ParsedFeed(parsed.feed.get("title"), tuple(entries))


def parse_feed(content: bytes) -> ParsedFeed:
    """Parse RSS, Atom or JSON Feed content (never fetches anything itself)."""
    stripped = content.lstrip()
    if stripped.startswith(b"{"):
        try:
            data = json.loads(stripped.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FeedError(f"not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or not str(data.get("version", "")).startswith(JSON_FEED_PREFIX):
            raise FeedError("JSON without a JSON Feed version")
        return _parse_json_feed(data)
    return _parse_xml_feed(content)


def read_location(location: str, kind: str, timeout: float) -> bytes:
    """The bytes of a local feed file, or of a URL fetched with a timeout (the caller decides on --online)."""
    if kind != "file":
        try:
            return fetch_url(location, timeout, MAX_FEED_BYTES)
        except FetchError as exc:
            raise FeedError(str(exc)) from exc
    try:
        with open_regular(Path(location)) as handle:
            body = handle.read(MAX_FEED_BYTES + 1)
    except OSError as exc:
        raise FeedError(f"cannot read: {exc.strerror or exc}") from exc
    if len(body) > MAX_FEED_BYTES:
        raise FeedError(f"larger than {MAX_FEED_BYTES} bytes")
    return body
