"""Catalog browsing commands: models, model (with its lab's stance and claims), labs and licences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from openwatch.catalog.lookup import search_models
from openwatch.catalog.resolve import Resolver
from openwatch.catalog.schema import Access
from openwatch.catalog.stance_views import model_document
from openwatch.catalog.views import lab_rows, licence_view, model_summary
from openwatch.cli import app
from openwatch.cli.common import CatalogOption, TableOrJson, console, fail, open_catalog, print_json
from openwatch.formats.stance_table import print_lab_stance
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
    chosen = search_models(catalog, query, lab, access)
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
    detail = model_document(catalog, catalog.models[resolution.model_id], dt.date.today())
    if fmt is TableOrJson.JSON:
        print_json(detail)
        return
    table = Table(title=escape(f"{detail['name']} ({detail['id']})"), show_lines=False)
    for column in ("fact", "value", "source", "status"):
        table.add_column(column)
    for name, fact in detail["facts"].items():
        value = fact_text(fact["value"])
        if fact["value"] is None and fact.get("lower_bound"):
            value = f"more than {fact_text(fact['lower_bound'])}"
        table.add_row(
            name,
            terminal_safe(value),
            terminal_safe(fact["source"] or ""),
            str(fact["status"] or ""),
        )
    table.add_row("aliases", escape(", ".join(detail["aliases"]) or "none"), "", "")
    console.print(table)
    print_lab_stance(console, detail["lab_stance"])


@app.command()
def labs(
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """List the labs the catalog knows."""
    catalog = open_catalog(catalog_dirs)
    rows = lab_rows(catalog)
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
