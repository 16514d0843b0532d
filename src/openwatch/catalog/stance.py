"""A lab's openness stance on a date, derived from its releases alone by the rule in docs/stance-rule.md.

In short: take the lab's releases of the last 24 months (catalog models grouped by day and openness, plus
release events no model covers). Its **frontier** is the latest release a release event tags `frontier` (or
`all`), else the release with the most training compute, else the most parameters. The **open share** is the
recency-weighted share of open releases (weights halve every 12 months). Then:

- frontier open and open share >= 0.5 -> open-weight (open when every open model has an OSI licence and open
  data); frontier open, open share below 0.5 -> hybrid;
- frontier closed and open share >= 0.2 -> hybrid; below 0.2 -> closed, its open releases named as exceptions;
- frontier unknown -> open share >= 0.8 open-weight, below 0.2 closed, else hybrid;
- no release in the window -> the stance at the lab's last earlier release, else unknown.

Claims (policy announcements, third-party statements) never set the stance: see catalog/claims.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from openwatch.catalog.load import Catalog
from openwatch.catalog.releases import Release, ReleaseIndex, all_releases, lab_releases
from openwatch.catalog.schema import Event, Lab, Model, Stance

WINDOW_DAYS = 730
"""Releases of the last 24 months count."""
HALF_LIFE_DAYS = 365
"""A release's weight halves every 12 months of age."""
MOSTLY_OPEN = 0.5
"""With an open frontier, this open share or more is "mostly open"."""
REAL_OPEN_TIER = 0.2
"""With a closed frontier, this open share or more is a real open tier; below it, open ones are exceptions."""
OPEN_WITHOUT_FRONTIER = 0.8
"""With no frontier known, this open share or more reads as open-weight (below REAL_OPEN_TIER as closed)."""


@dataclass(frozen=True)
class Frontier:
    """The lab's most capable recent release and how it was chosen: tag, training compute or parameters."""

    release: Release
    chosen_by: str


@dataclass(frozen=True)
class StanceVerdict:
    """A lab's stance on a date, with the releases, frontier and open share it rests on."""

    lab: str
    as_of: dt.date
    stance: Stance
    basis: str
    frontier: Frontier | None
    open_share: float | None
    releases: tuple[Release, ...]
    exceptions: tuple[Release, ...]
    latest_event: Event | None
    reason: str

    @property
    def open_models(self) -> tuple[Model, ...]:
        """Open-weights models released in the window, newest first."""
        return tuple(m for r in self.releases if r.open for m in r.models)

    @property
    def closed_models(self) -> tuple[Model, ...]:
        """API-only and hosted models released in the window, newest first."""
        return tuple(m for r in self.releases if not r.open for m in r.models)


@dataclass(frozen=True)
class StanceChange:
    """A change of stance, dated by the release that entered (or left) the window and caused it."""

    date: dt.date
    before: Stance
    after: Stance
    entered: Release | None
    left: Release | None
    verdict: StanceVerdict


def in_window(releases: Iterable[Release], as_of: dt.date) -> list[Release]:
    """The releases of the 24 months up to the date, newest first."""
    start = as_of - dt.timedelta(days=WINDOW_DAYS)
    return sorted((r for r in releases if start <= r.date <= as_of), key=lambda r: r.date, reverse=True)


def open_share(releases: Sequence[Release], as_of: dt.date) -> float | None:
    """The recency-weighted share of open releases (None when there are none)."""
    weights = [(0.5 ** ((as_of - r.date).days / HALF_LIFE_DAYS), r.open) for r in releases]
    total = sum(w for w, _ in weights)
    return sum(w for w, is_open in weights if is_open) / total if total else None


def _measured(
    window: Sequence[Release], measure: Callable[[Release], float | int | None], name: str
) -> Frontier | None:
    known = [r for r in window if measure(r) is not None]
    if not known:
        return None
    top = max(known, key=lambda r: (measure(r) or 0, r.date))
    if any(measure(r) is None and r.open is not top.open for r in window):
        return None  # a release of the other kind is unmeasured, so the measure cannot rank the two kinds
    return Frontier(top, name)


def frontier_of(window: Sequence[Release]) -> Frontier | None:
    """The most capable recent release: the latest frontier-tagged one, else by compute, else parameters."""
    tagged = [r for r in window if r.frontier_tagged]
    if tagged:
        return Frontier(max(tagged, key=lambda r: (r.date, not r.open)), "tag")
    return _measured(window, lambda r: r.compute, "training compute") or _measured(
        window, lambda r: r.parameters, "parameters"
    )


def _fully_open(window: Sequence[Release], catalog: Catalog) -> bool:
    opened = [r for r in window if r.open]
    models = [m for r in opened for m in r.models]
    if not models or any(not r.models for r in opened):
        return False
    for model in models:
        licence = catalog.licence_of(model)
        if not (licence and licence.osi_approved and model.components.data == "open"):
            return False
    return True


def judge(frontier: Frontier | None, share: float, fully_open: bool) -> Stance:
    """The stance from the frontier's openness and the open share (the table in docs/stance-rule.md)."""
    opened = Stance.OPEN if fully_open else Stance.OPEN_WEIGHT
    if frontier is None:
        if share >= OPEN_WITHOUT_FRONTIER:
            return opened
        return Stance.CLOSED if share < REAL_OPEN_TIER else Stance.HYBRID
    if frontier.release.open:
        return opened if share >= MOSTLY_OPEN else Stance.HYBRID
    return Stance.HYBRID if share >= REAL_OPEN_TIER else Stance.CLOSED


def stance_on(
    catalog: Catalog, lab: Lab, as_of: dt.date, releases: Sequence[Release] | None = None
) -> StanceVerdict:
    """The lab's stance on a date, following the module's documented rule (releases: from lab_releases)."""
    every = lab_releases(catalog, lab) if releases is None else releases
    events = [e for e in lab.events if e.date <= as_of]
    latest = max(events, key=lambda e: e.date) if events else None
    window = in_window(every, as_of)
    share = open_share(window, as_of)
    if share is None:
        earlier = [r.date for r in every if r.date < as_of]
        if not earlier:
            return StanceVerdict(
                lab.id, as_of, Stance.UNKNOWN, "none", None, None, (), (), latest, "no release known"
            )
        before = stance_on(catalog, lab, max(earlier), every)
        reason = f"no release in the 24 months before; the stance at the last release ({max(earlier)}) stands"
        return StanceVerdict(lab.id, as_of, before.stance, "earlier", None, None, (), (), latest, reason)
    frontier = frontier_of(window)
    stance = judge(frontier, share, _fully_open(window, catalog))
    exceptions = tuple(r for r in window if r.open) if stance is Stance.CLOSED else ()
    basis = "frontier and open share" if frontier else "open share (no frontier known)"
    reason = _reason(stance, frontier, share, window, exceptions)
    return StanceVerdict(
        lab.id, as_of, stance, basis, frontier, share, tuple(window), exceptions, latest, reason
    )


def _reason(
    stance: Stance,
    frontier: Frontier | None,
    share: float,
    window: Sequence[Release],
    exceptions: Sequence[Release],
) -> str:
    if frontier is None:
        head = "frontier unknown (no release tagged frontier; compute and parameters cannot rank them)"
    else:
        top = frontier.release
        kind = "open" if top.open else "closed"
        head = f"frontier {top.label} ({top.date_text}, {kind}, by {frontier.chosen_by})"
    text = f"{head}; open share {share:.3f} of {len(window)} releases in 24 months → {stance.value}"
    if exceptions:
        text += "; open exceptions: " + ", ".join(r.label for r in exceptions)
    return text


def _check_dates(releases: Sequence[Release], until: dt.date) -> list[dt.date]:
    """Every date the stance can change on: a release entering or leaving the window."""
    days = {r.date for r in releases} | {r.date + dt.timedelta(days=WINDOW_DAYS + 1) for r in releases}
    return sorted(d for d in days if d <= until)


def stance_changes(
    catalog: Catalog, lab: Lab, until: dt.date, releases: Sequence[Release] | None = None
) -> list[StanceChange]:
    """Every change of the lab's stance up to a date (the first from unknown), with the release causing it."""
    releases = lab_releases(catalog, lab) if releases is None else releases
    changes: list[StanceChange] = []
    previous = Stance.UNKNOWN  # before its first release a lab's stance is unknown
    for day in _check_dates(releases, until):
        verdict = stance_on(catalog, lab, day, releases)
        if verdict.stance is not previous:
            entered = [r for r in releases if r.date == day]
            left = [r for r in releases if r.date + dt.timedelta(days=WINDOW_DAYS + 1) == day]
            changes.append(
                StanceChange(
                    day,
                    previous,
                    verdict.stance,
                    _most_telling(entered),
                    None if entered else _most_telling(left),
                    verdict,
                )
            )
        previous = verdict.stance
    return changes


def _most_telling(releases: Sequence[Release]) -> Release | None:
    """Of releases on one day, the frontier-tagged one, else one with a release event, else the first."""
    ranked = sorted(releases, key=lambda r: (not r.frontier_tagged, r.event is None, r.names))
    return ranked[0] if ranked else None


def policy_map(
    catalog: Catalog, as_of: dt.date, labs: Iterable[str] | None = None, index: ReleaseIndex | None = None
) -> list[StanceVerdict]:
    """Each lab's stance on a date, labs with a known stance first, then by name (index: all_releases())."""
    chosen = [catalog.labs[lab_id] for lab_id in labs] if labs else list(catalog.labs.values())
    index = all_releases(catalog) if index is None else index
    verdicts = [stance_on(catalog, lab, as_of, index[lab.id]) for lab in chosen]
    return sorted(verdicts, key=lambda v: (v.stance is Stance.UNKNOWN, catalog.labs[v.lab].name.lower()))
