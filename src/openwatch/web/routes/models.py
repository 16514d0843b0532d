"""Catalog models: a search over ids, names, families and aliases, and one model's facts with sources."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from starlette.responses import HTMLResponse, Response

from openwatch.catalog.lookup import search_models
from openwatch.catalog.schema import Access
from openwatch.catalog.stance_views import model_document
from openwatch.catalog.views import model_summary
from openwatch.web.render import json_document, page
from openwatch.web.state import DashboardState, dashboard

router = APIRouter()

PAGE_ROWS = 300
"""Most models a search page shows (the JSON lists them all)."""

SearchQuery = Query(None, max_length=200, description="Text to look for in id, name, family or aliases.")
LabQuery = Query(None, max_length=200, description="Only this lab (id).")
AccessQuery = Query(None, description="Only this access tier.")
ModelQuery = Query(..., min_length=1, max_length=500, description="A model id or any alias.")


def _search(
    state: DashboardState, q: str | None, lab: str | None, access: Access | None
) -> list[dict[str, Any]]:
    """Models as `openwatch models QUERY --format json` lists them (kept per catalog and search)."""
    if lab and lab not in state.catalogs.catalog().labs:
        raise HTTPException(404, f"unknown lab {lab!r} (see the labs page)")
    return state.catalogs.view(
        ("models", q, lab, access),
        lambda catalog: [model_summary(m, catalog) for m in search_models(catalog, q, lab or None, access)],
    )


def _model(state: DashboardState, text: str) -> dict[str, Any]:
    """A model's facts, as `openwatch model ID --format json` prints them."""
    resolution = state.catalogs.resolver().resolve(text)
    if resolution.model_id is None:
        raise HTTPException(404, f"{text!r} names no catalog model (search the models page)")
    catalog = state.catalogs.catalog()
    return model_document(catalog, catalog.models[resolution.model_id], dt.date.today())


@router.get("/models", response_class=HTMLResponse)
def models_page(
    request: Request,
    q: str | None = SearchQuery,
    lab: str | None = LabQuery,
    access: Access | None = AccessQuery,
    state: DashboardState = Depends(dashboard),
) -> Response:
    """Catalog models matching a search, with access, licence, release date and size."""
    rows = _search(state, q, lab, access)
    return page(
        request,
        "models.html.j2",
        rows=rows[:PAGE_ROWS],
        total=len(rows),
        q=q or "",
        lab=lab or "",
        access=access.value if access else "",
        tiers=[a.value for a in Access],
    )


@router.get("/api/models")
def models_api(
    q: str | None = SearchQuery,
    lab: str | None = LabQuery,
    access: Access | None = AccessQuery,
    state: DashboardState = Depends(dashboard),
) -> Response:
    """Catalog models, as `openwatch models QUERY --format json` prints them."""
    return json_document(_search(state, q, lab, access))


@router.get("/model", response_class=HTMLResponse)
def model_page(
    request: Request, id: str = ModelQuery, state: DashboardState = Depends(dashboard)
) -> Response:
    """Every fact about one model with its source and status, and its lab's stance."""
    return page(request, "model.html.j2", d=_model(state, id))


@router.get("/api/model")
def model_api(id: str = ModelQuery, state: DashboardState = Depends(dashboard)) -> Response:
    """One model, as `openwatch model ID --format json` prints it."""
    return json_document(_model(state, id))
