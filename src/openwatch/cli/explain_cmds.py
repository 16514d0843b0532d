"""`openwatch explain`: the EU AI Act (GPAI) decision path for one model and the user's role."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import typer
from rich.table import Table
from rich.text import Text

from openwatch.assess.euaiact import assess_eu_ai_act, make_settings
from openwatch.assess.euaiact.explain import explain_data
from openwatch.assess.euaiact.settings import CHANNELS, Channel
from openwatch.catalog.effective import effective_model
from openwatch.catalog.resolve import Resolver
from openwatch.cli import app
from openwatch.cli.common import CatalogOption, TableOrJson, console, fail, open_catalog, print_json


class RoleChoice(StrEnum):
    """The user's role towards the model."""

    INTEGRATOR = "integrator"
    FINE_TUNER = "fine-tuner"
    PROVIDER = "provider"


def _parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"--placed takes a date as YYYY-MM-DD, not {text!r}", 2)


def _nonnegative(value: float | None, flag: str) -> None:
    if value is not None and value < 0:
        fail(f"{flag} must not be negative", 2)


ChannelChoice = StrEnum("ChannelChoice", {name.upper().replace("-", "_"): name for name in CHANNELS})  # type: ignore[misc]
"""How the model reaches the EU market (spec §2 placement_channel)."""


@app.command()
def explain(
    model: str = typer.Argument(..., help="A model as code names it: Hub id, API id, alias."),
    role: RoleChoice = typer.Option(
        None, "--role", help="Your role towards the model (default: integrator)."
    ),
    eu_established: bool = typer.Option(
        None,
        "--eu-established/--not-eu-established",
        help="Whether you are established in the EU (default: yes).",
    ),
    modification_flop: float = typer.Option(None, "--modification-flop", help="FLOP of your modification."),
    placed: str = typer.Option(None, "--placed", help="Date of your first EU placement, YYYY-MM-DD."),
    commercial: bool = typer.Option(
        None, "--commercial/--non-commercial", help="Commercial activity (default)."
    ),
    eu_business_users: int = typer.Option(None, "--eu-business-users", help="Registered EU business users."),
    turnover: float = typer.Option(None, "--turnover", help="Worldwide annual turnover in EUR."),
    channel: ChannelChoice = typer.Option(None, "--channel", help="How the model reaches the EU market."),
    fmt: TableOrJson = typer.Option(TableOrJson.TABLE, "--format"),
    catalog_dirs: list[Path] = CatalogOption,
) -> None:
    """Explain the EU AI Act (GPAI) position for a model: each rule, its outcome and its citation."""
    placed_date = _parse_date(placed)
    _nonnegative(modification_flop, "--modification-flop")
    _nonnegative(turnover, "--turnover")
    if eu_business_users is not None and eu_business_users < 0:
        fail("--eu-business-users must not be negative", 2)
    catalog = open_catalog(catalog_dirs)
    resolution = Resolver(catalog).resolve(model)
    found = catalog.models.get(resolution.model_id) if resolution.model_id else None
    if found is None:
        why = f" ({resolution.note})" if resolution.note else ""
        fail(f"{model!r} names no catalog model{why}; `openwatch models QUERY` searches the catalog")
    settings = make_settings(
        role=role.value if role is not None else None,
        eu_established=eu_established,
        commercial=commercial,
        placed=placed_date,
        modification_flop=modification_flop,
        eu_business_users=eu_business_users,
        annual_turnover_eur=turnover,
        placement_channel=cast(Channel, channel.value) if channel is not None else None,
    )
    found = effective_model(found, catalog)
    lab = catalog.lab_of(found)
    assessment = assess_eu_ai_act(found, lab, catalog.licence_of(found), settings)
    data = explain_data(assessment, found.name)
    data["resolution"] = {
        "text": resolution.text,
        "matched": resolution.matched,
        "method": resolution.method,
        "note": resolution.note,
    }
    if fmt is TableOrJson.JSON:
        print_json(data)
        return
    _print_table(data)


def _cites(step: dict[str, Any]) -> str:
    return "; ".join(f"[{c['tag']}] {c['ref']}" for c in step["citations"])


def _print_table(data: dict[str, Any]) -> None:
    """The decision path as a Rich table, then obligations, deadlines, review items and settings."""
    head = Text()
    head.append(f"{data['model_name']} ({data['model']})", style="bold")
    resolution = data["resolution"]
    if resolution["method"] != "alias" or resolution["note"]:
        head.append(f"\nresolved from {resolution['text']!r} via {resolution['method']}")
        head.append(f": {resolution['note']}" if resolution["note"] else "")
    head.append(
        f"\nGPAI: {data['gpai']}   systemic risk: {data['systemic_risk']}   "
        f"open-source exemption: {data['foss_exemption']} ({data['foss_exemption_of']})\n"
        f"provider: {data['provider']['who']}"
    )
    console.print(head)
    path = Table(title="Decision path", show_lines=True)
    for column in ("rule", "outcome", "why", "citations"):
        path.add_column(column)
    for step in data["steps"]:
        path.add_row(Text(step["label"]), Text(step["outcome"]), Text(step["message"]), Text(_cites(step)))
    console.print(path)
    if data["obligations"]:
        duties = Table(title="Your obligations")
        for column in ("id", "article", "obligation", "scope / condition"):
            duties.add_column(column)
        for o in data["obligations"]:
            note = "; ".join(part for part in (o["scope"], o["condition"]) if part)
            duties.add_row(Text(o["id"]), Text(o["article"]), Text(o["obligation"]), Text(note))
        console.print(duties)
    else:
        console.print(Text("Your obligations under Chapter V: none"))
    if data["upstream"] is not None:
        ids = ", ".join(o["id"] for o in data["upstream"]["obligations"]) or "none"
        console.print(Text(f"Upstream {data['upstream']['provider']} owes: {ids}"))
    for d in data["deadlines"]:
        console.print(Text(f"Deadline: {d['what']}: {d['date'] or d['note']}"))
    for reason in data["review"]:
        console.print(Text(f"Review: {reason}"))
    for flag in data["flags"]:
        console.print(Text(f"Note: {flag}"))
    settings = data["settings"]
    assumed = ", ".join(settings["assumed"]) or "nothing"
    console.print(
        Text(
            f"Settings: role={settings['role']}, EU-established={settings['eu_established']}, "
            f"commercial={settings['commercial']}; assumed: {assumed}"
        )
    )
    console.print(
        Text(
            f"Parameters {data['parameters']['version']}: {data['parameters']['text_version']}. "
            + data["disclaimer"]
        )
    )
