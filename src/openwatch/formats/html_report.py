"""Render an audit or the policy map as one self-contained HTML file (inline CSS, JS and SVG; no network)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from openwatch import __version__
from openwatch.formats.audit_markdown import SEVERITIES
from openwatch.formats.charts import colour, mix_bars, stance_lanes
from openwatch.formats.rules import rule_help
from openwatch.formats.text import fact_text


@cache
def _environment() -> Environment:
    """Jinja2 with autoescaping on for every template: text from scanned files is never markup."""
    env = Environment(
        loader=PackageLoader("openwatch.formats", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(colour=colour, fact_text=fact_text, rule_help=rule_help)
    return env


@cache
def _script() -> tuple[str, str]:
    """The inline table script and its CSP hash (only this script may run; no inline handlers)."""
    text = resources.files("openwatch.formats").joinpath("templates", "table.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return text, f"sha256-{digest}"


def table_script() -> str:
    """The reports' one script: sortable tables and filter boxes (the dashboard serves it too)."""
    return _script()[0]


def report_content_security_policy() -> str:
    """The Content-Security-Policy a report page declares: inline styles and its one script, nothing else."""
    return f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{_script()[1]}'"


def _render(template: str, **context: Any) -> str:
    page = (
        _environment()
        .get_template(template)
        .render(script=_script()[0], csp=report_content_security_policy(), version=__version__, **context)
    )
    return page if page.endswith("\n") else page + "\n"


def render_audit_html(document: dict[str, Any]) -> str:
    """The audit as one offline HTML page: verdict, charts, findings, inventory, each model's facts."""
    active = [f for f in document["findings"] if not f["suppressed_by"]]
    counts = Counter(f["severity"] for f in active)
    lanes, ticks = stance_lanes(document["labs"], document["date"])
    settings = [(k, v) for k, v in document["settings"].items() if isinstance(v, dict) and "assumed" in v]
    return _render(
        "audit.html.j2",
        d=document,
        active=active,
        suppressed=[f for f in document["findings"] if f["suppressed_by"]],
        severity_counts=[(s, counts[s]) for s in SEVERITIES if counts[s]],
        findings_by_severity=[
            (s, [f for f in active if f["severity"] == s]) for s in SEVERITIES if counts[s]
        ],
        per_model=Counter(f["model"] for f in active),
        access_bars=mix_bars(m["access"] for m in document["models"]),
        lanes=lanes,
        ticks=ticks,
        settings=settings,
    )


def render_map_html(rows: list[dict[str, Any]], as_of: dt.date) -> str:
    """The policy map as one offline HTML page with a stance chart and a sortable, filterable table."""
    return _render(
        "map.html.j2", rows=rows, as_of=as_of.isoformat(), stance_bars=mix_bars(r["stance"] for r in rows)
    )
