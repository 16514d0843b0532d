"""Recorded audits: the overview of projects, a project's history, an audit's report, and a diff."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from starlette.responses import HTMLResponse, Response

from openwatch.formats.html_report import render_audit_html, report_content_security_policy
from openwatch.store.database import reading
from openwatch.store.diff import audit_diff
from openwatch.store.history import (
    AuditNotFound,
    audit_by_id,
    audit_pair,
    audits_of,
    find_projects,
    project_by_id,
    project_overview,
    summary,
)
from openwatch.web.render import json_document, page
from openwatch.web.state import DashboardState, dashboard

router = APIRouter()

HISTORY_LIMIT = 200
"""Most audits a history page or document lists (newest first)."""


def _overview(state: DashboardState) -> list[dict[str, Any]]:
    with reading(state.engine) as session:
        return project_overview(session)


def _project_history(state: DashboardState, project_id: int | None, limit: int) -> dict[str, Any]:
    """A project's audits as `openwatch history PROJECT --format json` lists them (every project's
    when no id is given)."""
    with reading(state.engine) as session:
        if project_id is None:
            return {
                "project": None,
                "audits": [summary(r) for r in audits_of(session, find_projects(session, None), limit)],
            }
        project = project_by_id(session, project_id)
        if project is None:
            raise HTTPException(404, f"no recorded project {project_id}")
        rows = [summary(r) for r in audits_of(session, [project], limit)]
        return {"project": {"id": project.id, "name": project.name, "path": project.path}, "audits": rows}


def _audit_result(state: DashboardState, audit_id: int) -> dict[str, Any]:
    with reading(state.engine) as session:
        record = audit_by_id(session, audit_id)
        if record is None:
            raise HTTPException(404, f"no audit {audit_id} (see the history)")
        return record.result


def _diff(state: DashboardState, first: int, second: int | None) -> dict[str, Any]:
    with reading(state.engine) as session:
        try:
            return audit_diff(*audit_pair(session, first, second, None))
        except AuditNotFound as exc:
            raise HTTPException(404, str(exc)) from None


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, state: DashboardState = Depends(dashboard)) -> Response:
    """Every recorded project with its latest audit's verdict."""
    return page(request, "overview.html.j2", projects=_overview(state))


@router.get("/api/projects")
def overview_api(state: DashboardState = Depends(dashboard)) -> Response:
    """The overview as JSON: each project's latest audit (as `openwatch history` lists it) and verdict."""
    return json_document(_overview(state))


@router.get("/projects/{project_id}", response_class=HTMLResponse)
def project_page(
    request: Request,
    project_id: int,
    limit: int = Query(HISTORY_LIMIT, ge=1, le=10_000),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """A project's recorded audits, newest first, each with its report and a diff with the one before."""
    return page(request, "project.html.j2", **_project_history(state, project_id, limit))


@router.get("/api/history")
def history_api(
    project: int | None = Query(None, description="Project id (see /api/projects); default every project."),
    limit: int = Query(HISTORY_LIMIT, ge=1, le=10_000),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """Recorded audits, newest first, as `openwatch history --format json` prints them."""
    return json_document(_project_history(state, project, limit)["audits"])


@router.get("/audits/{audit_id}", response_class=HTMLResponse)
def audit_report_page(audit_id: int, state: DashboardState = Depends(dashboard)) -> Response:
    """The recorded audit's HTML report, exactly as `openwatch report AUDIT.json -f html` renders it."""
    report = render_audit_html(_audit_result(state, audit_id))
    policy = (
        f"{report_content_security_policy()}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
    return HTMLResponse(report, headers={"content-security-policy": policy})


@router.get("/api/audits/{audit_id}")
def audit_api(audit_id: int, state: DashboardState = Depends(dashboard)) -> Response:
    """The recorded audit document, as `openwatch audit --format json` printed it."""
    return json_document(_audit_result(state, audit_id))


@router.get("/diff", response_class=HTMLResponse)
def diff_page(
    request: Request,
    first: int = Query(..., alias="from", description="Audit id to compare from."),
    second: int | None = Query(None, alias="to", description="Audit id to compare to (default: latest)."),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """What changed between two audits: models, licences, access, stance, obligations and findings."""
    return page(request, "diff.html.j2", d=_diff(state, first, second))


@router.get("/api/diff")
def diff_api(
    first: int = Query(..., alias="from"),
    second: int | None = Query(None, alias="to"),
    state: DashboardState = Depends(dashboard),
) -> Response:
    """The diff of two audits, as `openwatch diff A B --format json` prints it."""
    return json_document(_diff(state, first, second))
