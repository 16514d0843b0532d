"""Render the digest as an Atom 1.0 feed (RFC 4287) that a feed reader can subscribe to."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "urn:openwatch:digest"


def _stamp(date: str) -> str:
    """An RFC 3339 time for a day, month or year date (a month or year counts from its first day)."""
    parts = [*date.split("-"), "01", "01"][:3]
    return f"{'-'.join(parts)}T00:00:00Z"


def _urn_part(text: str) -> str:
    """Text made safe for a URN: letters, digits, dots and hyphens only."""
    return re.sub(r"[^A-Za-z0-9.-]+", "-", text).strip("-")


def _entry(feed: ET.Element, entry_id: str, title: str, date: str, text: str, link: str | None) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    ET.SubElement(entry, f"{{{ATOM}}}id").text = entry_id
    ET.SubElement(entry, f"{{{ATOM}}}title").text = title
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(date)
    if link:
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=link)
    ET.SubElement(entry, f"{{{ATOM}}}content", type="text").text = text


def _touches(projects: list[dict[str, Any]]) -> str:
    names = ", ".join(f"{p['project']} ({', '.join(p['models'])})" for p in projects)
    return f" Touches: {names}." if projects else " Touches no recorded project."


def render_digest_atom(digest: dict[str, Any]) -> str:
    """The digest as an Atom feed: one entry per event, stance change and conflict."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = FEED_ID
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "openwatch digest"
    ET.SubElement(
        feed, f"{{{ATOM}}}subtitle"
    ).text = f"Events and stance changes {digest['since']} to {digest['until']}"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = digest["generated"]
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "openwatch"
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "openwatch"
    for e in digest["events"]:
        source = e["sources"][0]
        declares = f" Declares {e['declares']}." if e.get("declares") else ""
        text = (
            f"{e['summary']}{declares} Status: {e['status']}. Source: {source['publisher']}."
            f"{_touches(e['projects'])}"
        )
        title = f"{e['lab_name']}: {e['kind']} ({e['date']})"
        _entry(feed, f"urn:openwatch:event:{e['id']}", title, e["date"], text, source.get("url"))
    for c in digest["stance_changes"]:
        text = f"{c['lab_name']} moved from {c['from']} to {c['to']}: {c['why']}{_touches(c['projects'])}"
        link = (c["source"] or {}).get("url")
        entry_id = f"urn:openwatch:stance:{c['lab']}:{c['date']}"
        _entry(feed, entry_id, f"{c['lab_name']}: stance {c['from']} → {c['to']}", c["date"], text, link)
    for k in digest["conflicts"]:
        sides = "; ".join(f"{c['claim_by']} ({c['date']}, {c['status']}): {c['summary']}" for c in k["sides"])
        ids = ":".join(_urn_part(f"{c['claim_by']}-{c['date']}") for c in k["sides"])
        date = max(c["date"] for c in k["sides"])
        text = f"{k['explanation']}. {sides}"
        entry_id = f"urn:openwatch:conflict:{k['lab']}:{ids}"
        _entry(feed, entry_id, f"{k['lab']}: conflicting claims", date, text, None)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
