"""The dashboard application: routes, static files, guards and error pages, for one set of settings."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from openwatch import __version__
from openwatch.formats.html_report import table_script
from openwatch.web.errors import install_error_handlers
from openwatch.web.routes import history, intel, models, stance
from openwatch.web.security import GuardMiddleware
from openwatch.web.settings import WebSettings
from openwatch.web.state import DashboardState

STATIC_FOLDER = Path(__file__).parent / "static"
"""The only folder the dashboard serves files from."""


def create_app(settings: WebSettings) -> FastAPI:
    """The dashboard for these settings; opens the history database (StoreError when it cannot)."""
    app = FastAPI(
        title="openwatch dashboard",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.dashboard = DashboardState(settings)
    install_error_handlers(app)
    app.add_middleware(GuardMiddleware, settings=settings)
    for area in (history, stance, models, intel):
        app.include_router(area.router)

    @app.get("/assets/table.js", include_in_schema=False)
    def table_js() -> Response:
        """The reports' table script (sorting, filtering), served from the package."""
        return Response(table_script(), media_type="text/javascript")

    app.mount("/static", StaticFiles(directory=STATIC_FOLDER, follow_symlink=False), name="static")
    return app
