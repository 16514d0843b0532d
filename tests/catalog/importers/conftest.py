"""Shared fixtures for importer tests: the real datasets vendored in the repository's data/sources."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
SOURCES = REPO_ROOT / "data" / "sources"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The vendored datasets folder of the repository."""
    assert SOURCES.is_dir(), f"vendored data missing: {SOURCES}"
    return SOURCES
