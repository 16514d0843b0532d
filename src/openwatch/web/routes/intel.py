"""The triage queue (accept, dismiss) and the catalog's events (verify): the only state-changing pages."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from openwatch.catalog.schema import EventKind, Stance
from openwatch.intel.events import (
    STATUS_RANK,
    EventError,
    event_dict,
    evidence_source,
    lab_events,
    verify_event,
)
from openwatch.intel.triage import Acceptance, TriageError, item_labs
from openwatch.intel.triage_actions import accept_item, dismiss_item
from openwatch.store.database import reading, writing
from openwatch.store.feed_queue import triage_rows
from openwatch.web.forms import checked_form, choice, form_date
from openwatch.web.render import json_document, page, web_link
from openwatch.web.state import DashboardState, dashboard

router = APIRouter()

Text = Form("", max_length=2000)


def _status(text: str) -> str:
    if text not in STATUS_RANK:
        raise HTTPException(400, f"status must be one of {', '.join(STATUS_RANK)}")
    return text


def _queue(state: DashboardState, show_all: bool) -> list[dict[str, Any]]:
    with reading(state.engine) as session:
        return triage_rows(session, show_all)


def _events(
    state: DashboardState, lab: str | None, since: dt.date | None, status: str | None
) -> list[dict[str, Any]]:
    """Events as `openwatch events list --format json` lists them."""
    catalog = state.catalogs.catalog()
    if lab and lab not in catalog.labs:
        raise HTTPException(404, f"unknown lab {lab!r} (see the labs page)")
    return [
        event_dict(lab_id, e)
        for lab_id, e in lab_events(catalog, lab, since, _status(status) if status else None)
    ]


@router.get("/triage", response_class=HTMLResponse)
def triage_page(
    request: Request,
    show_all: bool = Query(False, alias="all"),
    done: int | None = Query(None, description="Item just accepted or dismissed."),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """The items waiting for triage with the catalog words each matched, and a form to accept or dismiss."""
    rows = _queue(state, True)
    shown = rows if show_all else [r for r in rows if r["state"] == "queued"]
    return page(
        request,
        "triage.html.j2",
        rows=shown,
        show_all=show_all,
        done=next((r for r in rows if r["id"] == done), None),
        labs_of={r["id"]: item_labs(r["matched"]) for r in shown},
        kinds=[k.value for k in EventKind],
        stances=[s.value for s in Stance],
        statuses=list(STATUS_RANK),
    )


@router.get("/api/triage")
def triage_api(
    show_all: bool = Query(False, alias="all"), state: DashboardState = Depends(dashboard)
) -> Response:
    """The triage queue, as `openwatch triage [--all] --format json` prints it."""
    return json_document(_queue(state, show_all))


@router.post("/triage/{item_id}/accept", dependencies=[Depends(checked_form)])
def accept(
    item_id: int,
    kind: str = Form(..., max_length=40),
    stance: str = Form("", max_length=40),
    lab: str = Form("", max_length=200),
    date: str = Form("", max_length=40),
    summary: str = Text,
    status: str = Form("reported", max_length=40),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """Turn a queued item into an event in the overlay, with the item as its source (`triage accept`)."""
    event_kind = choice(EventKind, kind, "kind")
    if event_kind is None:
        raise HTTPException(400, "say what kind of event the item reports")
    acceptance = Acceptance(
        kind=event_kind,
        stance=choice(Stance, stance, "stance"),
        lab=lab or None,
        date=form_date(date, "date"),
        summary=" ".join(summary.split()) or None,
        status=_status(status),  # type: ignore[arg-type]
    )
    catalog = state.catalogs.catalog()
    overlay = state.catalogs.writable_overlay()
    try:
        with writing(state.engine) as session:
            accept_item(session, catalog, overlay, item_id, acceptance)
    except (TriageError, EventError) as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/triage?done={item_id}", status_code=303)


@router.post("/triage/{item_id}/dismiss", dependencies=[Depends(checked_form)])
def dismiss(item_id: int, state: DashboardState = Depends(dashboard)) -> Response:
    """Dismiss a queued item: it leaves the queue and is never queued again (`triage dismiss`)."""
    try:
        with writing(state.engine) as session:
            dismiss_item(session, item_id)
    except TriageError as exc:
        raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/triage?done={item_id}", status_code=303)


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    lab: str | None = Query(None, max_length=200),
    since: dt.date | None = Query(None),
    status: str | None = Query(None, max_length=40),
    verified: str | None = Query(None, max_length=200, description="Event just verified."),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """Events of the catalog and the overlays, oldest first, each unverified one with a form to verify it."""
    rows = _events(state, lab or None, since, status or None)
    return page(
        request,
        "events.html.j2",
        rows=rows,
        lab=lab or "",
        since=since.isoformat() if since else "",
        status=status or "",
        verified=next((r for r in rows if r["id"] == verified), None),
        statuses=list(STATUS_RANK),
    )


@router.get("/api/events")
def events_api(
    lab: str | None = Query(None, max_length=200),
    since: dt.date | None = Query(None),
    status: str | None = Query(None, max_length=40),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """Events, as `openwatch events list --format json` prints them."""
    return json_document(_events(state, lab or None, since, status or None))


@router.post("/events/verify", dependencies=[Depends(checked_form)])
def verify(
    event: str = Form(..., min_length=1, max_length=200),
    source: str = Form(..., max_length=2000),
    publisher: str = Form("", max_length=300),
    source_date: str = Form("", max_length=40),
    status: str = Form("verified", max_length=40),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """Raise an event's status with the evidence; the raised event goes to the overlay (`events verify`)."""
    url = web_link(source)
    if url is None:
        raise HTTPException(400, "the evidence must be an http:// or https:// URL")
    catalog = state.catalogs.catalog()
    overlay = state.catalogs.writable_overlay()
    try:
        evidence = evidence_source(
            url, publisher.strip() or None, form_date(source_date, "source date"), status
        )
        lab_id, raised = verify_event(catalog, overlay, event, evidence, _status(status))  # type: ignore[arg-type]
    except EventError as exc:
        raise HTTPException(400, str(exc)) from None
    target = f"/events?lab={quote(lab_id, safe='')}&verified={quote(raised.id or '', safe='')}"
    return RedirectResponse(target, status_code=303)
