"""Conflicting claims for the digest: the catalog's conflicts in force at its end, new within its span."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openwatch.catalog.claims import conflicts
from openwatch.catalog.load import Catalog
from openwatch.catalog.stance_views import conflict_view


def _on_or_after(date_text: str, since: dt.date) -> bool:
    """True when a day, month or year date ("2026-04-10", "2026-04", "2026") is not wholly before `since`."""
    return date_text >= since.isoformat()[: len(date_text)]


def lab_conflicts(catalog: Catalog, since: dt.date, until: dt.date) -> list[dict[str, Any]]:
    """Conflicts in force on `until` (catalog.claims.conflicts) with a side dated on or after `since`."""
    found = []
    for lab in sorted(catalog.labs):
        for conflict in conflicts(catalog, lab, until):
            if any(_on_or_after(side.date, since) for side in (conflict.first, conflict.second)):
                found.append(conflict_view(conflict))
    return found
