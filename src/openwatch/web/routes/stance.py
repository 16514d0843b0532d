"""The openness policy map on a date, the labs, and a lab's timeline with its claims and conflicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from starlette.responses import HTMLResponse, Response

from openwatch.assess.report_data import lab_timelines
from openwatch.catalog.lookup import find_lab
from openwatch.catalog.stance_views import map_rows, timeline_view
from openwatch.catalog.views import lab_rows
from openwatch.formats.charts import mix_bars, stance_lanes
from openwatch.web.render import json_document, page
from openwatch.web.state import DashboardState, dashboard

router = APIRouter()

AsOf = Query(None, description="Date (YYYY-MM-DD); default today.")


def _map(state: DashboardState, day: dt.date) -> list[dict[str, Any]]:
    """The policy map on a day, as `openwatch map --format json` prints it (kept per catalog and day)."""
    return state.catalogs.view(("map", day), lambda catalog: map_rows(catalog, day))


def _timeline(state: DashboardState, lab_text: str, day: dt.date) -> dict[str, Any]:
    """A lab's timeline, as `openwatch timeline LAB --format json` prints it (kept per catalog and day)."""
    lab = find_lab(state.catalogs.catalog(), lab_text)
    if lab is None:
        raise HTTPException(404, f"unknown lab {lab_text!r} (see the labs page)")
    return state.catalogs.view(("timeline", lab.id, day), lambda catalog: timeline_view(catalog, lab, day))


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request, as_of: dt.date | None = AsOf, state: DashboardState = Depends(dashboard)
) -> Response:
    """Each lab's stance on a date, since when and why, with its claims and conflicts."""
    day = as_of or dt.date.today()
    rows = _map(state, day)
    bars = mix_bars(row["stance"] for row in rows)
    return page(request, "policy_map.html.j2", rows=rows, as_of=day.isoformat(), stance_bars=bars)


@router.get("/api/map")
def map_api(as_of: dt.date | None = AsOf, state: DashboardState = Depends(dashboard)) -> Response:
    """The policy map, as `openwatch map --as-of DATE --format json` prints it."""
    return json_document(_map(state, as_of or dt.date.today()))


@router.get("/labs", response_class=HTMLResponse)
def labs_page(request: Request, state: DashboardState = Depends(dashboard)) -> Response:
    """Every lab with its country, model count and Code of Practice signature."""
    return page(request, "labs.html.j2", labs=lab_rows(state.catalogs.catalog()))


@router.get("/api/labs")
def labs_api(state: DashboardState = Depends(dashboard)) -> Response:
    """The labs, as `openwatch labs --format json` prints them."""
    return json_document(lab_rows(state.catalogs.catalog()))


@router.get("/labs/{lab}", response_class=HTMLResponse)
def lab_page(
    request: Request, lab: str, as_of: dt.date | None = AsOf, state: DashboardState = Depends(dashboard)
) -> Response:
    """A lab's dated events and claims, when and why its stance moved, and its conflicting claims."""
    day = as_of or dt.date.today()
    data = _timeline(state, lab, day)
    points = state.catalogs.view(("lanes", data["lab"], day), lambda c: lab_timelines([data["lab"]], c, day))
    lanes, ticks = stance_lanes(points, day.isoformat())
    return page(request, "lab.html.j2", d=data, as_of=day.isoformat(), lanes=lanes, ticks=ticks)


@router.get("/api/labs/{lab}")
def lab_api(lab: str, as_of: dt.date | None = AsOf, state: DashboardState = Depends(dashboard)) -> Response:
    """A lab's timeline, as `openwatch timeline LAB --as-of DATE --format json` prints it."""
    return json_document(_timeline(state, lab, as_of or dt.date.today()))
