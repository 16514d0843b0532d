"""Errors as pages or JSON (never a traceback): HTTP errors, bad parameters, database and catalog trouble."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from openwatch.catalog.load import CatalogError
from openwatch.store.database import StoreError
from openwatch.web.headers import SECURITY_HEADERS
from openwatch.web.render import json_document, render_page


def error_response(path: str, status: int, message: str) -> Response:
    """An error as JSON under /api/ and as a page elsewhere."""
    if path == "/api" or path.startswith("/api/"):
        response = json_document({"error": message, "status": status}, status)
    else:
        response = render_page("error.html.j2", status, code=status, message=message, path=path)
    if status in (408, 413):
        response.headers["connection"] = "close"
    return response


def _validation_message(exc: RequestValidationError) -> str:
    """One line naming each bad parameter and what was wrong with it."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "bad request: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every error into an error page or JSON error."""

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return error_response(request.url.path, exc.status_code, str(exc.detail))

    async def bad_parameters(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request.url.path, 400, _validation_message(exc))

    async def store_error(request: Request, exc: Exception) -> Response:
        return error_response(request.url.path, 503, str(exc))

    async def catalog_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, CatalogError)
        first = str(exc.problems[0]) if exc.problems else "no detail"
        return error_response(request.url.path, 500, f"the catalog did not validate: {first}")

    async def internal_error(request: Request, exc: Exception) -> Response:
        response = error_response(request.url.path, 500, "internal error (a bug; the server log says more)")
        response.headers.update(SECURITY_HEADERS)
        return response

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, bad_parameters)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(CatalogError, catalog_error)
    app.add_exception_handler(Exception, internal_error)
