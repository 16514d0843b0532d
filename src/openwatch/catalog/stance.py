"""A lab's openness stance on a date, derived from its dated events and models by one documented rule.

The rule (also in docs/stance-rule.md):

1. Only facts dated on or before the as-of date count. An event known only to the month counts from the
   first day of that month.
2. Releases in the trailing window (24 months up to the as-of date) are the lab's catalog models with a
   release date in the window, plus the window's open-weights-release and closed-release events.
   Open-weights models and events are "open" releases; API-only, hosted and closed-release ones are "closed".
3. The derived stance: open and closed releases both present -> hybrid; only open -> open-weight, or
   open when every open model in the window has an OSI-approved licence and open training data; only closed ->
   closed; none -> the stance derived at the lab's latest earlier release, else unknown.
4. A policy announcement that declares a stance overrides the derived stance from its date on, until a later
   declaration. When releases disagree with the declaration, the verdict keeps both (``derived`` is shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Access, Event, EventKind, Lab, Model, Stance

WINDOW_DAYS = 730
_CLOSED_ACCESS = {Access.API_ONLY, Access.HOSTED_NO_API}


@dataclass(frozen=True)
class StanceVerdict:
    """A lab's stance on a date, with what it rests on."""

    lab: str
    as_of: dt.date
    stance: Stance
    derived: Stance
    declared_by: Event | None
    open_models: tuple[Model, ...]
    closed_models: tuple[Model, ...]
    latest_event: Event | None
    reason: str


@dataclass(frozen=True)
class StanceChange:
    """A change of stance, dated by the event or release that caused it."""

    date: dt.date
    before: Stance
    after: Stance
    event: Event | None


def _released_in(models: Iterable[Model], start: dt.date, end: dt.date) -> list[Model]:
    return sorted(
        (m for m in models if m.released is not None and start <= m.released <= end),
        key=lambda m: (m.released or dt.date.min, m.id),
        reverse=True,
    )


def _is_open_source(model: Model, catalog: Catalog) -> bool:
    licence = catalog.licence_of(model)
    return bool(licence and licence.osi_approved and model.components.data == "open")


def _derive(
    open_models: list[Model], closed_models: list[Model], events: list[Event], catalog: Catalog
) -> Stance:
    has_open = bool(open_models) or any(e.kind is EventKind.OPEN_WEIGHTS_RELEASE for e in events)
    has_closed = bool(closed_models) or any(e.kind is EventKind.CLOSED_RELEASE for e in events)
    if has_open and has_closed:
        return Stance.HYBRID
    if has_open:
        if open_models and all(_is_open_source(m, catalog) for m in open_models):
            return Stance.OPEN
        return Stance.OPEN_WEIGHT
    if has_closed:
        return Stance.CLOSED
    return Stance.UNKNOWN


def lab_models(catalog: Catalog, lab_id: str) -> list[Model]:
    """Every catalog model of a lab."""
    return [m for m in catalog.models.values() if m.lab == lab_id]


def stance_on(catalog: Catalog, lab: Lab, as_of: dt.date) -> StanceVerdict:
    """The lab's stance on a date, following the module's documented rule."""
    events = sorted((e for e in lab.events if e.date <= as_of), key=lambda e: e.date)
    models = lab_models(catalog, lab.id)
    derived, open_models, closed_models, window_events = _window(catalog, models, events, as_of)
    if derived is Stance.UNKNOWN:
        earlier = [
            m.released for m in models if m.released and m.released < as_of - dt.timedelta(WINDOW_DAYS)
        ]
        if earlier:
            derived = _window(catalog, models, events, max(earlier))[0]
    declarations = [e for e in events if e.kind is EventKind.POLICY_ANNOUNCEMENT and e.declares is not None]
    declared = declarations[-1] if declarations else None
    stance = declared.declares if declared and declared.declares else derived
    reason = _reason(stance, derived, declared, open_models, closed_models, window_events)
    return StanceVerdict(
        lab=lab.id,
        as_of=as_of,
        stance=stance,
        derived=derived,
        declared_by=declared,
        open_models=tuple(open_models),
        closed_models=tuple(closed_models),
        latest_event=events[-1] if events else None,
        reason=reason,
    )


def _window(
    catalog: Catalog, models: list[Model], events: list[Event], as_of: dt.date
) -> tuple[Stance, list[Model], list[Model], list[Event]]:
    start = as_of - dt.timedelta(days=WINDOW_DAYS)
    window_models = _released_in(models, start, as_of)
    open_models = [m for m in window_models if m.access.is_open_weights]
    closed_models = [m for m in window_models if m.access in _CLOSED_ACCESS]
    window_events = [e for e in events if start <= e.date <= as_of]
    return (
        _derive(open_models, closed_models, window_events, catalog),
        open_models,
        closed_models,
        window_events,
    )


def _reason(
    stance: Stance,
    derived: Stance,
    declared: Event | None,
    open_models: list[Model],
    closed_models: list[Model],
    events: list[Event],
) -> str:
    counts = f"{len(open_models)} open-weights and {len(closed_models)} closed models released in the window"
    if declared is not None:
        text = f"declared {stance.value} on {declared.date.isoformat()} ({declared.status})"
        if derived not in (stance, Stance.UNKNOWN):
            text += f"; releases alone suggest {derived.value} ({counts})"
        return text
    return f"derived from releases: {counts}, {len(events)} events"


def stance_changes(catalog: Catalog, lab: Lab, until: dt.date) -> list[StanceChange]:
    """Every change of the lab's stance up to a date, evaluated at each event and release date."""
    dates = sorted(
        {e.date for e in lab.events if e.date <= until}
        | {m.released for m in lab_models(catalog, lab.id) if m.released and m.released <= until}
    )
    changes: list[StanceChange] = []
    previous: Stance | None = None
    for day in dates:
        verdict = stance_on(catalog, lab, day)
        if previous is not None and verdict.stance is not previous:
            on_day = [e for e in lab.events if e.date == day]
            changes.append(StanceChange(day, previous, verdict.stance, on_day[-1] if on_day else None))
        previous = verdict.stance
    return changes


def policy_map(catalog: Catalog, as_of: dt.date, labs: Iterable[str] | None = None) -> list[StanceVerdict]:
    """Each lab's stance on a date, labs with a known stance first, then by name."""
    chosen = [catalog.labs[lab_id] for lab_id in labs] if labs else list(catalog.labs.values())
    verdicts = [stance_on(catalog, lab, as_of) for lab in chosen]
    return sorted(verdicts, key=lambda v: (v.stance is Stance.UNKNOWN, catalog.labs[v.lab].name.lower()))
