"""Conflicting claims: declarations of one lab, close in time, that disagree about its stance.

This is the digest's own simple check; the catalog's stance module may offer richer conflict detection.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from openwatch.catalog.event_ids import event_id
from openwatch.catalog.load import Catalog

WINDOW_DAYS = 90
"""Declarations further apart than this are a change of stance, not a conflict."""


def declared_conflicts(catalog: Catalog, since: dt.date) -> list[dict[str, Any]]:
    """Pairs of a lab's declarations within WINDOW_DAYS that declare different stances (one on or after
    `since`), each with both claims' ids, dates, stances and statuses."""
    found = []
    for lab in catalog.labs.values():
        declared = sorted((e for e in lab.events if e.declares is not None), key=lambda e: e.date)
        for i, first in enumerate(declared):
            for second in declared[i + 1 :]:
                if (second.date - first.date).days > WINDOW_DAYS:
                    break
                if second.declares == first.declares or max(first.date, second.date) < since:
                    continue
                found.append(
                    {
                        "lab": lab.id,
                        "claims": [
                            {
                                "event": event_id(lab.id, e),
                                "date": e.date.isoformat(),
                                "declares": e.declares.value if e.declares else None,
                                "status": e.status,
                                "summary": e.summary,
                            }
                            for e in (first, second)
                        ],
                    }
                )
    return found
