"""Rendering pages with Jinja2 (autoescaping on everywhere) and JSON documents as the CLI prints them."""

from __future__ import annotations

import json
from functools import cache
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from openwatch import __version__
from openwatch.formats.charts import colour
from openwatch.formats.text import fact_text
from openwatch.web.csrf import issue_token


def web_link(url: object) -> str | None:
    """The URL when it is an http(s) link a page may point to; None for anything else (javascript:, data:)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def query_value(value: object) -> str:
    """A value quoted for a URL's query string."""
    return quote(str(value), safe="")


@cache
def environment() -> Environment:
    """The dashboard's templates, then the report templates (for their chart macros); all autoescaped."""
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("openwatch.web", "templates"), PackageLoader("openwatch.formats", "templates")]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(colour=colour, fact_text=fact_text, version=__version__)
    env.filters.update(web_link=web_link, q=query_value)
    return env


def render_page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered as an HTML response."""
    return HTMLResponse(environment().get_template(template).render(**context), status_code=status_code)


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    """A dashboard page; its forms get tokens signed with this process's secret (see csrf.py)."""
    secret: bytes = request.app.state.dashboard.secret

    def csrf_token(action: str) -> str:
        return issue_token(secret, action)

    return render_page(template, csrf_token=csrf_token, path=request.url.path, **context)


def json_document(data: Any, status: int = 200) -> Response:
    """A document as JSON, serialised as `--format json` serialises it (dates as text, UTF-8)."""
    body = json.dumps(data, ensure_ascii=False, default=str)
    return Response(body, status_code=status, media_type="application/json")
