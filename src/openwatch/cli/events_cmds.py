"""`openwatch events`: add a dated, sourced claim to the overlay, list events, raise a claim's status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from openwatch.catalog.schema import Event, EventKind, Source, Stance
from openwatch.cli import app
from openwatch.cli.common import (
    CatalogOption,
    TableOrJson,
    console,
    fail,
    open_catalog,
    print_json,
    writable_overlay,
)
from openwatch.intel.events import (
    STATUS_RANK,
    EventError,
    event_dict,
    evidence_source,
    lab_events,
    subject_lab,
    verify_event,
    write_event,
)

events_app = typer.Typer(help="Dated, sourced claims about labs and models, kept in your overlay.")
app.add_typer(events_app, name="events", no_args_is_help=True)

StatusOption = typer.Option("reported", "--status", help="vendor-claim, reported or verified.")


def parse_date(value: str | None, flag: str) -> dt.date | None:
    """A YYYY-MM-DD option value, or exit 2."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} takes a date as YYYY-MM-DD, not {value!r}", 2)


def check_status(status: str) -> None:
    """Exit 2 unless the status is one the catalog knows."""
    if status not in STATUS_RANK:
        fail(f"--status must be one of {', '.join(STATUS_RANK)}", 2)


def make_source(url: str | None, publisher: str | None, date: str | None, status: str) -> Source:
    """A source from flags; the publisher defaults to the URL's host."""
    check_status(status)
    try:
        return evidence_source(url, publisher, parse_date(date, "--source-date"), status)
    except EventError as exc:
        fail(str(exc), 2)


@events_app.command("add")
def add(
    summary: str = typer.Option(..., "--summary", help="What happened, in one or two sentences."),
    date: str = typer.Option(..., "--date", help="When it happened (YYYY-MM-DD)."),
    kind: EventKind = typer.Option(..., "--kind"),
    lab: str = typer.Option(None, "--lab", help="Lab id the event is about."),
    model: str = typer.Option(None, "--model", help="Model (id or alias) or family the event is about."),
    stance: Stance = typer.Option(None, "--stance", help="The stance the event declares, if any."),
    source_url: str = typer.Option(None, "--source-url", "--source"),
    publisher: str = typer.Option(None, "--publisher", help="Who published the source."),
    source_date: str = typer.Option(None, "--source-date", help="When the source was published."),
    status: str = StatusOption,
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """Add an event to your overlay (the last --catalog folder, else your user overlay) and print it."""
    if not summary.strip():
        fail("--summary must say what happened", 2)
    overlay = writable_overlay(catalog_dirs)
    catalog = open_catalog(catalog_dirs)
    try:
        lab_id, models = subject_lab(catalog, lab, model)
    except EventError as exc:
        fail(str(exc), 2)
    check_status(status)
    event = Event(
        date=parse_date(date, "--date") or dt.date.min,
        kind=kind,
        summary=" ".join(summary.split()),
        models=models,
        declares=stance,
        sources=[make_source(source_url, publisher, source_date, status)],
        status=status,  # type: ignore[arg-type]
    )
    try:
        written = write_event(overlay, lab_id, event)
    except EventError as exc:
        fail(str(exc), 2)
    print_json({**event_dict(lab_id, written), "overlay": str(overlay)})


@events_app.command("list")
def list_events(
    lab: str = typer.Option(None, "--lab", help="Only this lab's events."),
    since: str = typer.Option(None, "--since", help="Only events on or after this date."),
    status: str = typer.Option(None, "--status", help="Only events of this status."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """List events of the catalog and your overlays, oldest first, each with its id."""
    catalog = open_catalog(catalog_dirs)
    if lab and lab not in catalog.labs:
        fail(f"unknown lab {lab!r} (see openwatch labs)", 2)
    if status:
        check_status(status)
    rows = [
        event_dict(lab_id, e) for lab_id, e in lab_events(catalog, lab, parse_date(since, "--since"), status)
    ]
    if fmt is TableOrJson.JSON:
        print_json(rows)
        return
    table = Table(title="Events")
    for column in ("id", "date", "kind", "declares", "status", "summary"):
        table.add_column(column, no_wrap=column != "summary")
    for row in rows:
        table.add_row(
            row["id"],
            row["date"],
            row["kind"],
            row.get("declares", ""),
            row["status"],
            escape(row["summary"]),
        )
    console.print(table)


@events_app.command("verify")
def verify(
    event: str = typer.Argument(..., help="Event id (see openwatch events list)."),
    source_url: str = typer.Option(..., "--source", help="URL of the evidence."),
    publisher: str = typer.Option(None, "--publisher", help="Who published it (default: the URL's host)."),
    source_date: str = typer.Option(None, "--source-date"),
    status: str = typer.Option("verified", "--status", help="The raised status (default verified)."),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """Raise an event's status with the evidence; the raised event is written to your overlay."""
    overlay = writable_overlay(catalog_dirs)
    catalog = open_catalog(catalog_dirs)
    source = make_source(source_url, publisher, source_date, status)
    try:
        lab_id, raised = verify_event(catalog, overlay, event, source, status)  # type: ignore[arg-type]
    except EventError as exc:
        fail(str(exc), 2)
    print_json({**event_dict(lab_id, raised), "overlay": str(overlay)})
