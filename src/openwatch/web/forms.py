"""The dashboard's state-changing forms: the token check every POST passes, and reading form values."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TypeVar

from fastapi import Depends, Form, HTTPException, Request

from openwatch.web.csrf import token_is_valid
from openwatch.web.state import DashboardState, dashboard

E = TypeVar("E", bound=StrEnum)


def checked_form(
    request: Request,
    csrf_token: str = Form("", max_length=200),
    state: DashboardState = Depends(dashboard),
) -> None:
    """Refuse (403) a form whose token this process did not issue for this action (a FastAPI dependency)."""
    if not token_is_valid(state.secret, request.url.path, csrf_token):
        raise HTTPException(
            403, "this form has expired or did not come from this dashboard: reload the page and try again"
        )


def choice(kind: type[E], text: str, field: str) -> E | None:
    """An enum value from a form's select (None when left empty); 400 for a value the enum lacks."""
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        allowed = ", ".join(e.value for e in kind)
        raise HTTPException(400, f"{field} must be one of {allowed}") from None


def form_date(text: str, field: str) -> dt.date | None:
    """A YYYY-MM-DD form value (None when empty); 400 otherwise."""
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise HTTPException(400, f"{field} takes a date as YYYY-MM-DD") from None
