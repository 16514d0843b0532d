"""Claims about a lab's openness (its announcements, third parties' statements) shown beside the stance its
releases give, and the conflicts between claims. A claim never sets the stance (docs/stance-rule.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from openwatch.catalog.load import Catalog
from openwatch.catalog.releases import Release, date_text, lab_releases
from openwatch.catalog.schema import Event, EventKind, Lab, Source, Stance, Status
from openwatch.catalog.stance import WINDOW_DAYS, stance_on

CLAIM_KINDS = frozenset({EventKind.POLICY_ANNOUNCEMENT, EventKind.STATEMENT})
"""Event kinds that are claims: what a lab says it does, and what others say about it."""


@dataclass(frozen=True)
class Claim:
    """A claim in force on a date: who makes it, its sourced event, and whether the derived stance agrees."""

    lab: str
    claimant: str
    event: Event
    agrees: bool | None
    """True or False when the claim declares a stance and the derived stance is known; else None."""


@dataclass(frozen=True)
class Side:
    """One side of a conflict: who says what, when, with its sources and status."""

    claimant: str
    date: str
    summary: str
    status: Status
    sources: tuple[Source, ...]
    models: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """Two claims about one lab that cannot both be true, kept side by side with an explanation."""

    lab: str
    kind: str
    """`stance` (two claimants declare different stances) or `release` (a denial meets a recorded release)."""
    first: Side
    second: Side
    explanation: str


def is_claim(event: Event) -> bool:
    """True for events that are claims (policy announcements, statements), not releases or licence texts."""
    return event.kind in CLAIM_KINDS


def claimant_of(lab: Lab, event: Event) -> str:
    """Who makes a claim: the lab for its own policy announcements, else the first source's publisher."""
    return lab.name if event.kind is EventKind.POLICY_ANNOUNCEMENT else event.sources[0].publisher


def claims_in_force(catalog: Catalog, lab: str, as_of: dt.date, derived: Stance | None = None) -> list[Claim]:
    """Per claimant, its latest claim that declares a stance or denies releases, in the 24-month window."""
    lab_obj = catalog.labs[lab]
    start = as_of - dt.timedelta(days=WINDOW_DAYS)
    latest: dict[str, Event] = {}
    for event in sorted(lab_obj.events, key=lambda e: e.date):
        if is_claim(event) and (event.declares or event.denies) and start <= event.date <= as_of:
            latest[claimant_of(lab_obj, event)] = event
    stance = derived if derived is not None else stance_on(catalog, lab_obj, as_of).stance
    return [
        Claim(lab, who, event, _agrees(event.declares, stance))
        for who, event in sorted(latest.items(), key=lambda item: (item[1].date, item[0]))
    ]


def _agrees(declared: Stance | None, derived: Stance) -> bool | None:
    if declared is None or derived is Stance.UNKNOWN:
        return None
    return declared is derived


def _event_side(claimant: str, event: Event) -> Side:
    return Side(
        claimant,
        date_text(event.date, event.date_precision),
        event.summary,
        event.status,
        tuple(event.sources),
        tuple(event.models),
    )


def release_side(release: Release) -> Side:
    """A release as a conflict's side: its release event's words and sources, else its models' records."""
    if release.event is not None:
        publishers = ", ".join(dict.fromkeys(s.publisher for s in release.event.sources))
        return _event_side(publishers, release.event)
    first = release.models[0]
    access = "open weights" if release.open else "closed"
    return Side(
        first.sources[0].publisher,
        release.date_text,
        f"{release.label} released ({access})",
        first.status,
        tuple(first.sources),
        release.names,
    )


def _denial_conflicts(claim: Claim, releases: Sequence[Release]) -> list[Conflict]:
    denial = claim.event.denies
    if denial is None:
        return []
    wanted_open = denial.kind == EventKind.OPEN_WEIGHTS_RELEASE.value
    scope = "" if denial.tier == "all" else f"{denial.tier}-tier "
    found = []
    for release in releases:
        if release.open is not wanted_open or release.event is None:
            continue
        if not denial.since < release.date <= claim.event.date:
            continue
        explanation = (
            f"{claim.claimant} says there was no {scope}{denial.kind} after {denial.since.isoformat()}; "
            f"a recorded {release.event.kind.value} of {release.label} is dated {release.date_text}"
        )
        if denial.tier != "all" and release.tier not in (denial.tier, "all"):
            explanation += (
                f"; the catalog tags that release '{release.tier}', the claim speaks of the {denial.tier}"
                " tier, so the two differ on whether it counts"
            )
        claim_side = _event_side(claim.claimant, claim.event)
        found.append(Conflict(claim.lab, "release", claim_side, release_side(release), explanation))
    return found


def conflicts(
    catalog: Catalog, lab: str, as_of: dt.date, releases: Sequence[Release] | None = None
) -> list[Conflict]:
    """Contradicting claims about a lab in force on a date, each with both sides' sources.

    Two claimants declaring different stances conflict; a claim denying releases of a kind since a date
    conflicts with every release event of that kind between that date and the claim's own date.
    """
    lab_obj = catalog.labs[lab]
    every = lab_releases(catalog, lab_obj) if releases is None else releases
    claims = claims_in_force(catalog, lab, as_of, stance_on(catalog, lab_obj, as_of, every).stance)
    found: list[Conflict] = []
    for first, second in combinations(claims, 2):
        a, b = first.event.declares, second.event.declares
        if a is not None and b is not None and a is not b:
            one, two = _event_side(first.claimant, first.event), _event_side(second.claimant, second.event)
            explanation = f"{one.claimant} says {a} ({one.date}), {two.claimant} says {b} ({two.date})"
            found.append(Conflict(lab, "stance", one, two, explanation))
    for claim in claims:
        found.extend(_denial_conflicts(claim, every))
    return found
