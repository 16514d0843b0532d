"""Test-wide isolation: the user's data folder (history database, overlay) and cache folder are fresh
temporary folders."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Audits run by tests are recorded in a throwaway folder, never in the user's own history."""
    names = ("OPENWATCH_HOME", "OPENWATCH_DB", "OPENWATCH_CATALOG", "OPENWATCH_CACHE")
    saved = {k: os.environ.get(k) for k in names}
    os.environ["OPENWATCH_HOME"] = str(tmp_path_factory.mktemp("openwatch-data"))
    os.environ["OPENWATCH_CACHE"] = str(tmp_path_factory.mktemp("openwatch-cache"))  # catalog and scan caches
    os.environ.pop("OPENWATCH_DB", None)
    os.environ.pop("OPENWATCH_CATALOG", None)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
