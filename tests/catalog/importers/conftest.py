"""Shared fixtures for importer tests: the real datasets in ../shared/data (provided by CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The shared datasets folder next to the repository."""
    assert SHARED_DATA.is_dir(), f"shared data missing: {SHARED_DATA}"
    return SHARED_DATA
