"""`openwatch impact` (which recorded projects an event touches) and `openwatch digest` (the briefing)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

import typer

from openwatch.cli import app
from openwatch.cli.common import CatalogOption, TableOrJson, console, fail, open_catalog, print_json
from openwatch.cli.events_cmds import parse_date
from openwatch.cli.output import print_text, write_output
from openwatch.cli.store_common import DbOption, open_store_here
from openwatch.formats.digest_atom import render_digest_atom
from openwatch.formats.digest_html import render_digest_html
from openwatch.formats.digest_markdown import render_digest_markdown
from openwatch.formats.impact_table import print_impact
from openwatch.intel.digest import build_digest
from openwatch.intel.events import EventError, find_event, lab_events
from openwatch.intel.impact import event_impact
from openwatch.store.database import StoreError, reading
from openwatch.store.history import latest_audits, utc_now


class DigestFormat(StrEnum):
    """Output formats of `openwatch digest`."""

    MARKDOWN = "markdown"
    HTML = "html"
    ATOM = "atom"
    JSON = "json"


def _today(value: str | None) -> dt.date:
    return parse_date(value, "--today") or dt.date.today()


@app.command()
def impact(
    event: str = typer.Argument(None, help="Event id (default: every event since --since)."),
    since: str = typer.Option(None, "--since", help="Events on or after this date (default: 30 days ago)."),
    today: str = typer.Option(None, "--today", help="Re-assess as of this date (default today)."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
    db: str = DbOption,
) -> None:
    """Which recorded projects depend on what an event concerns; which findings would change on re-audit."""
    day = _today(today)
    catalog = open_catalog(catalog_dirs)
    try:
        chosen = (
            [find_event(catalog, event)]
            if event
            else lab_events(catalog, since=parse_date(since, "--since") or day - dt.timedelta(days=30))
        )
    except EventError as exc:
        fail(str(exc), 2)
    try:
        with reading(open_store_here(db)) as session:
            records = latest_audits(session)
            results = [event_impact(catalog, lab, e, records, day) for lab, e in chosen if e.date <= day]
    except StoreError as exc:
        fail(str(exc), 2)
    if fmt is TableOrJson.JSON:
        print_json(results)
        return
    print_impact(results, console)


@app.command()
def digest(
    since: str = typer.Option(None, "--since", help="From this date (default: 7 days before --today)."),
    today: str = typer.Option(None, "--today", help="Up to this date (default today)."),
    fmt: DigestFormat = typer.Option(DigestFormat.MARKDOWN, "--format"),
    output: Path = typer.Option(None, "-o", "--output", help="Write the digest to this file."),
    catalog_dirs: list[Path] = CatalogOption,
    db: str = DbOption,
) -> None:
    """New events and stance changes, conflicting claims, and the recorded projects they touch."""
    day = _today(today)
    start = parse_date(since, "--since") or day - dt.timedelta(days=7)
    if start > day:
        fail("--since is after --today", 2)
    catalog = open_catalog(catalog_dirs)
    try:
        with reading(open_store_here(db)) as session:
            data = build_digest(catalog, start, day, latest_audits(session), utc_now())
    except StoreError as exc:
        fail(str(exc), 2)
    renderers = {
        DigestFormat.MARKDOWN: render_digest_markdown,
        DigestFormat.HTML: render_digest_html,
        DigestFormat.ATOM: render_digest_atom,
    }
    if fmt is DigestFormat.JSON:
        print_json(data)
        return
    text = renderers[fmt](data)
    if output is not None:
        write_output(output, text)
    else:
        print_text(text)
