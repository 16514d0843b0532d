"""What every request reads: the history database, and the catalog reloaded when an overlay file changes."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine
from starlette.requests import Request

from openwatch.catalog.cache import fingerprint
from openwatch.catalog.load import Catalog, data_files, load_catalog
from openwatch.catalog.resolve import Resolver
from openwatch.store.database import create_store_engine
from openwatch.userdata import overlay_folders, writable_overlay_folder
from openwatch.web.settings import WebSettings

T = TypeVar("T")

VIEW_CACHE_SIZE = 64
"""Most views of one catalog kept (the map on a few dates, a few timelines); the cache empties when full."""


class CatalogHolder:
    """The catalog with its overlays, loaded again when an overlay's files change (an event was added)."""

    def __init__(self, given: tuple[Path, ...] | None) -> None:
        self._given = list(given) if given is not None else None
        self._lock = threading.Lock()
        self._key: str | None = None
        self._catalog: Catalog | None = None
        self._resolver: Resolver | None = None
        self._views: dict[Hashable, Any] = {}

    def _current(self) -> tuple[Catalog, Resolver]:
        overlays = overlay_folders(self._given)
        try:
            key: str | None = fingerprint(data_files(overlays))
        except OSError:  # a file went away while we looked: load again
            key = None
        with self._lock:
            if self._catalog is None or self._resolver is None or key is None or key != self._key:
                self._catalog = load_catalog(overlays)
                self._resolver = Resolver(self._catalog)
                self._key = key
                self._views = {}
            return self._catalog, self._resolver

    def catalog(self) -> Catalog:
        """The catalog as its files are now; CatalogError when an overlay does not validate."""
        return self._current()[0]

    def resolver(self) -> Resolver:
        """A resolver over the current catalog."""
        return self._current()[1]

    def view(self, key: Hashable, compute: Callable[[Catalog], T]) -> T:
        """A view computed from the current catalog, kept until the catalog changes (views are read-only
        data: the map on a date, a lab's timeline)."""
        catalog = self.catalog()
        views = self._views
        if key in views:
            found: T = views[key]
            return found
        value = compute(catalog)
        with self._lock:
            if self._catalog is catalog:
                if len(self._views) >= VIEW_CACHE_SIZE:
                    self._views.clear()
                self._views[key] = value
        return value

    def writable_overlay(self) -> Path:
        """The overlay folder new events go to (created if missing)."""
        target = writable_overlay_folder(self._given)
        target.mkdir(parents=True, exist_ok=True)
        return target


class DashboardState:
    """The database engine, the catalog and this process's secret for form tokens."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.engine: Engine = create_store_engine(settings.db_url)
        self.catalogs = CatalogHolder(settings.overlays)
        self.secret = secrets.token_bytes(32)
        """Signs form tokens; a new one per process, so a restart invalidates every open form."""


def dashboard(request: Request) -> DashboardState:
    """The dashboard's state, for routes (a FastAPI dependency)."""
    state: DashboardState = request.app.state.dashboard
    return state
