"""`openwatch feeds` (add, list, pull) and `openwatch triage` (list, accept, dismiss)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from openwatch.catalog.schema import EventKind, Stance
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
from openwatch.cli.events_cmds import check_status, parse_date
from openwatch.cli.store_common import DbOption, open_store_here
from openwatch.intel.events import EventError, event_dict
from openwatch.intel.pull import pull_feeds
from openwatch.intel.triage import Acceptance, TriageError
from openwatch.intel.triage_actions import accept_item, dismiss_item
from openwatch.store.database import StoreError, reading, writing
from openwatch.store.feed_queue import DISMISSED, add_feed, all_feeds, triage_rows

feeds_app = typer.Typer(help="News feeds (RSS, Atom, JSON Feed) whose items about the catalog go to triage.")
app.add_typer(feeds_app, name="feeds", no_args_is_help=True)
triage_app = typer.Typer(help="The queue of news items that mention catalog labs, families or models.")
app.add_typer(triage_app, name="triage")


def _location(target: str) -> tuple[str, str]:
    if target.startswith(("http://", "https://")):
        return target, "url"
    path = Path(target).expanduser()
    if not path.is_file():
        fail(f"{target} is neither an http(s) URL nor a file", 2)
    return str(path.resolve()), "file"


@feeds_app.command("add")
def feeds_add(target: str = typer.Argument(..., help="Feed URL or local file."), db: str = DbOption) -> None:
    """Add a feed to pull (a URL is fetched only by `feeds pull --online`)."""
    location, kind = _location(target)
    try:
        with writing(open_store_here(db)) as session:
            feed, added = add_feed(session, location, kind)
            print_json({"id": feed.id, "location": location, "kind": kind, "added": added})
    except StoreError as exc:
        fail(str(exc), 2)


@feeds_app.command("list")
def feeds_list(fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"), db: str = DbOption) -> None:
    """List the feeds."""
    try:
        with reading(open_store_here(db)) as session:
            rows = [
                {
                    "id": f.id,
                    "location": f.location,
                    "kind": f.kind,
                    "title": f.title,
                    "pulled_at": f.pulled_at.isoformat(timespec="seconds") + "Z" if f.pulled_at else None,
                }
                for f in all_feeds(session)
            ]
    except StoreError as exc:
        fail(str(exc), 2)
    if fmt is TableOrJson.JSON:
        print_json(rows)
        return
    for row in rows:
        console.print(f"{row['id']}  {row['location']}  {row['title'] or ''}", markup=False)


@feeds_app.command("pull")
def feeds_pull(
    online: bool = typer.Option(
        False, "--online", help="Also fetch URL feeds (local files are always read)."
    ),
    timeout: float = typer.Option(20.0, "--timeout", min=1, help="Seconds to wait for each URL."),
    catalog_dirs: list[Path] = CatalogOption,
    db: str = DbOption,
) -> None:
    """Read every feed; items that mention the catalog are queued for triage, others counted and dropped."""
    catalog = open_catalog(catalog_dirs)
    try:
        reports = pull_feeds(open_store_here(db), catalog, online=online, timeout=timeout)
    except StoreError as exc:
        fail(str(exc), 2)
    print_json(reports)


@triage_app.callback(invoke_without_command=True)
def triage_list(
    ctx: typer.Context,
    show_all: bool = typer.Option(False, "--all", help="Also items already accepted or dismissed."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    db: str = DbOption,
) -> None:
    """List the items waiting for triage, with the catalog words each matched."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        with reading(open_store_here(db)) as session:
            rows = triage_rows(session, show_all)
    except StoreError as exc:
        fail(str(exc), 2)
    if fmt is TableOrJson.JSON:
        print_json(rows)
        return
    table = Table(title=f"Triage queue ({len(rows)})", title_justify="left")
    for column in ("item", "date", "title", "matched", "state"):
        table.add_column(column, no_wrap=column in ("item", "date", "state"))
    for row in rows:
        matched = "; ".join(f"{m['kind']} {m['name']} ({', '.join(m['words'])})" for m in row["matched"])
        table.add_row(
            str(row["id"]), row["published"] or "-", escape(row["title"]), escape(matched), row["state"]
        )
    console.print(table)


@triage_app.command("accept")
def triage_accept(
    item_id: int = typer.Argument(..., metavar="ITEM", help="Item number (see openwatch triage)."),
    kind: EventKind = typer.Option(..., "--kind"),
    stance: Stance = typer.Option(None, "--stance", help="The stance the news declares, if any."),
    lab: str = typer.Option(None, "--lab", help="The lab, when the item mentions several."),
    date: str = typer.Option(None, "--date", help="Event date (default: the item's date)."),
    summary: str = typer.Option(None, "--summary", help="Event summary (default: the item's title)."),
    status: str = typer.Option("reported", "--status", help="vendor-claim, reported or verified."),
    catalog_dirs: list[Path] = CatalogOption,
    db: str = DbOption,
) -> None:
    """Turn an item into an event, with the item as its source, in your overlay (like `events add`)."""
    check_status(status)
    overlay = writable_overlay(catalog_dirs)
    catalog = open_catalog(catalog_dirs)
    accept = Acceptance(kind, stance, lab, parse_date(date, "--date"), summary, status)  # type: ignore[arg-type]
    try:
        with writing(open_store_here(db)) as session:
            lab_id, written = accept_item(session, catalog, overlay, item_id, accept)
    except (StoreError, TriageError, EventError) as exc:
        fail(str(exc), 2)
    print_json({**event_dict(lab_id, written), "overlay": str(overlay), "item": item_id})


@triage_app.command("dismiss")
def triage_dismiss(
    item_id: int = typer.Argument(..., metavar="ITEM", help="Item number (see openwatch triage)."),
    db: str = DbOption,
) -> None:
    """Dismiss an item: it leaves the queue and is never queued again."""
    try:
        with writing(open_store_here(db)) as session:
            dismiss_item(session, item_id)
    except (StoreError, TriageError) as exc:
        fail(str(exc), 2)
    print_json({"item": item_id, "state": DISMISSED})
