"""A lab's releases as the stance rule counts them: its dated models, grouped by day and openness, and the
release events that no catalog model covers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from openwatch.catalog.effective import effective_model
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Access, Event, EventKind, Lab, Model

GENERAL_PURPOSE_KINDS = frozenset({"llm", "multimodal"})
"""Model kinds whose releases speak for a lab's stance; other kinds count only for labs with none of these."""

CLOSED_ACCESS = frozenset({Access.API_ONLY, Access.HOSTED_NO_API})
RELEASE_EVENT_KINDS = {EventKind.OPEN_WEIGHTS_RELEASE: True, EventKind.CLOSED_RELEASE: False}
"""Release event kinds and whether each is an open release."""

_TIER_RANK = {"frontier": 2, "all": 1, "smaller": 0}


@dataclass(frozen=True)
class Release:
    """Models a lab released on one day with the same openness (largest first), or a lone release event."""

    date: dt.date
    open: bool
    models: tuple[Model, ...]
    event: Event | None
    compute: float | None
    parameters: int | None

    @property
    def frontier_tagged(self) -> bool:
        """True when a release event tags it as the frontier tier (or as every tier, the top included)."""
        return self.event is not None and self.event.tier in ("frontier", "all")

    @property
    def tier(self) -> str | None:
        """The tier its release event gives it, if an event covers it."""
        return self.event.tier if self.event else None

    @property
    def names(self) -> tuple[str, ...]:
        """The catalog model ids, else the names the release event gives."""
        if self.models:
            return tuple(m.id for m in self.models)
        return tuple(self.event.models) if self.event else ()

    @property
    def label(self) -> str:
        """A short name: the largest model its release event names, else its largest, and how many more."""
        names = self.names
        if not names:
            return self.event.summary if self.event else "a release"
        named = {_plain(n) for n in self.event.models} if self.event else set()
        first = next((m.id for m in self.models if _plain(m.name) in named), names[0])
        return first + (f" (+{len(names) - 1})" if len(names) > 1 else "")

    @property
    def date_text(self) -> str:
        """The date as precisely as it is known: YYYY-MM for an event known only to the month."""
        return date_text(self.date, self.event.date_precision if self.event and not self.models else "day")


def date_text(day: dt.date, precision: str) -> str:
    """An ISO date cut to its precision (day, month or year)."""
    text = day.isoformat()
    return {"month": text[:7], "year": text[:4]}.get(precision, text)


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", name.lower())


def _openness(model: Model) -> bool | None:
    if model.access.is_open_weights:
        return True
    return False if model.access in CLOSED_ACCESS else None


def _covers(event: Event, day: dt.date) -> bool:
    if event.date_precision == "year":
        return event.date.year == day.year
    if event.date_precision == "month":
        return (event.date.year, event.date.month) == (day.year, day.month)
    return event.date == day


def _largest(values: Iterable[float | int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


ReleaseIndex = dict[str, tuple[Release, ...]]
"""Each lab's releases by lab id, from all_releases()."""


def all_releases(catalog: Catalog) -> ReleaseIndex:
    """Every lab's releases, reading the catalog's models once."""
    by_lab: dict[str, list[Model]] = {lab_id: [] for lab_id in catalog.labs}
    for model in catalog.models.values():
        by_lab.setdefault(model.lab, []).append(model)
    return {lab.id: _lab_releases(catalog, lab, by_lab[lab.id]) for lab in catalog.labs.values()}


def lab_releases(catalog: Catalog, lab: Lab) -> tuple[Release, ...]:
    """Every release of the lab the stance rule counts, oldest first (see docs/stance-rule.md, Releases).

    Computed once per catalog and lab (the catalog's models are grouped by lab once)."""
    from openwatch.catalog.memo import per_catalog

    def build() -> tuple[Release, ...]:
        by_lab = per_catalog(catalog, ("models-by-lab",), lambda: _models_by_lab(catalog))
        return _lab_releases(catalog, lab, by_lab.get(lab.id, []))

    return per_catalog(catalog, ("releases", lab.id, id(lab)), build)


def _models_by_lab(catalog: Catalog) -> dict[str, list[Model]]:
    """The catalog's models grouped by lab, in catalog order."""
    by_lab: dict[str, list[Model]] = {}
    for model in catalog.models.values():
        by_lab.setdefault(model.lab, []).append(model)
    return by_lab


def _lab_releases(catalog: Catalog, lab: Lab, models: list[Model]) -> tuple[Release, ...]:
    groups: dict[tuple[dt.date, bool], list[Model]] = {}
    for model in models:
        is_open = _openness(model)
        if is_open is not None and model.released is not None:
            groups.setdefault((model.released, is_open), []).append(model)
    release_events = [e for e in lab.events if e.kind in RELEASE_EVENT_KINDS]
    covering: dict[tuple[dt.date, bool], Event] = {}
    standalone: list[Event] = []
    for event in release_events:
        keys = [k for k in groups if k[1] is RELEASE_EVENT_KINDS[event.kind] and _covers(event, k[0])]
        for key in keys:
            held = covering.get(key)
            if held is None or _TIER_RANK[event.tier] > _TIER_RANK[held.tier]:
                covering[key] = event
        if not keys:
            standalone.append(event)
    any_general = any(m.kind in GENERAL_PURPOSE_KINDS for ms in groups.values() for m in ms)
    releases = [
        _release(catalog, day, is_open, models, covering.get((day, is_open)))
        for (day, is_open), models in groups.items()
        if not any_general or any(m.kind in GENERAL_PURPOSE_KINDS for m in models)
    ]
    releases += [Release(e.date, RELEASE_EVENT_KINDS[e.kind], (), e, None, None) for e in standalone]
    return tuple(sorted(releases, key=lambda r: (r.date, r.open, r.names)))


def _release(
    catalog: Catalog, day: dt.date, is_open: bool, models: list[Model], event: Event | None
) -> Release:
    filled = sorted(
        (effective_model(m, catalog) for m in models),
        key=lambda m: (-(m.training_compute.value or 0), -(m.parameters.total or 0), m.id),
    )
    return Release(
        date=day,
        open=is_open,
        models=tuple(catalog.models[m.id] for m in filled),
        event=event,
        compute=_largest(m.training_compute.value for m in filled),
        parameters=int(p) if (p := _largest(m.parameters.total for m in filled)) else None,
    )
