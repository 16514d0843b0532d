"""Catalog browsing commands: models, model, labs, licences, timeline and the policy map."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from openwatch.catalog.resolve import Resolver
from openwatch.catalog.schema import Access
from openwatch.catalog.stance import policy_map, stance_changes
from openwatch.catalog.views import (
    event_view,
    lab_view,
    licence_view,
    map_row,
    model_detail,
    model_summary,
)
from openwatch.cli import app
from openwatch.cli.common import (
    CatalogOption,
    MapFormat,
    TableOrJson,
    console,
    fail,
    open_catalog,
    print_json,
)
from openwatch.formats.map_markdown import render_map_markdown
from openwatch.formats.text import fact_text, terminal_safe


def _fmt_number(value: float | int | None) -> str:
    if value is None:
        return "unknown"
    return f"{value:.2g}" if isinstance(value, float) else f"{value / 1e9:.3g}B"


@app.command()
def models(
    query: str = typer.Argument(None, help="Text to look for in id, name, family or aliases."),
    lab: str = typer.Option(None, "--lab", help="Only this lab (id)."),
    access: Access = typer.Option(None, "--access", help="Only this access tier."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """List catalog models."""
    catalog = open_catalog(catalog_dirs)
    if lab and lab not in catalog.labs:
        fail(f"unknown lab {lab!r}; `openwatch labs` lists them", 2)
    needle = query.lower() if query else None
    chosen = [
        m
        for m in sorted(catalog.models.values(), key=lambda m: m.id)
        if (lab is None or m.lab == lab)
        and (access is None or m.access is access)
        and (
            needle is None
            or needle in m.id
            or needle in m.name.lower()
            or needle in m.family.lower()
            or any(needle in text.lower() for _, text in m.aliases.all())
        )
    ]
    rows = [model_summary(m, catalog) for m in chosen]
    if fmt is TableOrJson.JSON:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} models")
    for column in ("id", "lab", "access", "licence", "released", "params", "training FLOP"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            escape(row["id"]),
            escape(row["lab"]),
            row["access"],
            escape(row["licence"] or "unknown"),
            row["released"] or "unknown",
            _fmt_number(row["parameters"]),
            _fmt_number(row["training_flop"]),
        )
    console.print(table)


@app.command()
def model(
    text: str = typer.Argument(..., help="A model id or any alias `openwatch resolve` accepts."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """Show every fact about one model, each with its source and status."""
    catalog = open_catalog(catalog_dirs)
    resolution = Resolver(catalog).resolve(text)
    if resolution.model_id is None:
        fail(f"{text!r} names no catalog model (`openwatch models QUERY` searches)")
    detail = model_detail(catalog.models[resolution.model_id], catalog)
    if fmt is TableOrJson.JSON:
        print_json(detail)
        return
    table = Table(title=escape(f"{detail['name']} ({detail['id']})"), show_lines=False)
    for column in ("fact", "value", "source", "status"):
        table.add_column(column)
    for name, fact in detail["facts"].items():
        table.add_row(
            name,
            terminal_safe(fact_text(fact["value"])),
            terminal_safe(fact["source"] or ""),
            str(fact["status"] or ""),
        )
    table.add_row("aliases", escape(", ".join(detail["aliases"]) or "none"), "", "")
    console.print(table)


@app.command()
def labs(
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """List the labs the catalog knows."""
    catalog = open_catalog(catalog_dirs)
    counts: dict[str, int] = {}
    for m in catalog.models.values():
        counts[m.lab] = counts.get(m.lab, 0) + 1
    rows = [lab_view(lab, counts.get(lab.id, 0)) for lab in sorted(catalog.labs.values(), key=lambda x: x.id)]
    if fmt is TableOrJson.JSON:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} labs")
    for column in ("id", "name", "country", "models", "events", "code of practice"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            escape(row["id"]),
            escape(row["name"]),
            escape(row["country"] or "unknown"),
            str(row["models"]),
            str(row["events"]),
            row["code_of_practice"],
        )
    console.print(table)


@app.command()
def licences(
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """List licence versions with their grants, restrictions and EU open-source licence verdict."""
    catalog = open_catalog(catalog_dirs)
    rows = [licence_view(lic) for lic in sorted(catalog.licences.values(), key=lambda x: x.key)]
    if fmt is TableOrJson.JSON:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} licences")
    for column in ("key", "id", "kind", "OSI", "restrictions", "EU FOSS licence test"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            escape(row["key"]),
            escape(row["id"]),
            row["kind"],
            "yes" if row["osi_approved"] else "no",
            ", ".join(sorted(set(row["restrictions"]))),
            row["eu_foss_licence_test"],
        )
    console.print(table)


def _find_lab(catalog_labs: dict[str, str], text: str) -> str | None:
    return catalog_labs.get(text.strip().lower())


@app.command()
def timeline(
    lab: str = typer.Argument(..., help="Lab id, name or alias."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """Show a lab's dated openness events and the stance changes they caused."""
    catalog = open_catalog(catalog_dirs)
    names = {
        key.lower(): lab_obj.id for lab_obj in catalog.labs.values() for key in (lab_obj.id, lab_obj.name)
    }
    names.update({a.lower(): lab_obj.id for lab_obj in catalog.labs.values() for a in lab_obj.aliases})
    lab_id = _find_lab(names, lab)
    if lab_id is None:
        fail(f"unknown lab {lab!r}; `openwatch labs` lists them", 2)
    lab_obj = catalog.labs[lab_id]
    events = [event_view(e) for e in sorted(lab_obj.events, key=lambda e: e.date)]
    changes = [
        {"date": c.date.isoformat(), "from": c.before.value, "to": c.after.value}
        for c in stance_changes(catalog, lab_obj, dt.date.today())
    ]
    if fmt is TableOrJson.JSON:
        print_json({"lab": lab_id, "events": events, "stance_changes": changes})
        return
    table = Table(title=escape(f"{lab_obj.name}: openness timeline"))
    for column in ("date", "kind", "summary", "status", "source"):
        table.add_column(column)
    for event in events:
        kind = event["kind"] + (f" (declares {event['declares']})" if event["declares"] else "")
        table.add_row(
            event["date"], kind, escape(event["summary"]), event["status"], escape(event["sources"][0])
        )
    console.print(table)
    for change in changes:
        console.print(f"stance {change['from']} → {change['to']} on {change['date']}")


@app.command("map")
def policy_map_command(
    as_of: str = typer.Option(None, "--as-of", help="Date (YYYY-MM-DD); default today."),
    fmt: MapFormat = typer.Option(MapFormat.TABLE, "--format"),
    lab: list[str] = typer.Option(None, "--lab", help="Only these labs (ids); repeatable."),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """The comparative policy map: each lab's openness stance on a date, with tiers and latest event."""
    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        fail(f"--as-of takes a date as YYYY-MM-DD, not {as_of!r}", 2)
    catalog = open_catalog(catalog_dirs)
    unknown = [x for x in lab or [] if x not in catalog.labs]
    if unknown:
        fail(f"unknown lab(s): {', '.join(unknown)}", 2)
    rows = [map_row(v, catalog) for v in policy_map(catalog, day, lab or None)]
    if fmt is MapFormat.JSON:
        print_json(rows)
    elif fmt is MapFormat.MARKDOWN:
        print(render_map_markdown(rows, day), end="")
    elif fmt is MapFormat.HTML:
        from openwatch.formats.html_report import render_map_html

        print(render_map_html(rows, day), end="")
    else:
        table = Table(title=f"Openness policy map as of {day.isoformat()}")
        for column in ("lab", "stance", "open (examples)", "closed (examples)", "latest event"):
            table.add_column(column, overflow="fold")
        for row in rows:
            event = row["latest_event"]
            latest = f"{event['date']} {event['kind']} ({event['status']})" if event else "none"
            table.add_row(
                escape(row["lab_name"]),
                row["stance"],
                escape(", ".join(row["open_models"]) or "-"),
                escape(", ".join(row["closed_models"]) or "-"),
                escape(latest),
            )
        console.print(table)
