"""Rule R7's date arithmetic and R8's fine cap, as plain values (Art. 52(1), 54(1), 101, 111(3), 113(b))."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openwatch.assess.euaiact.obligations import Obligation
from openwatch.assess.euaiact.params import Params


@dataclass(frozen=True)
class Deadline:
    """A dated (or rule-defined) deadline, with the article it comes from."""

    what: str
    date: dt.date | None
    note: str = ""
    citation: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "what": self.what,
            "date": self.date.isoformat() if self.date else None,
            "note": self.note,
            "citation": self.citation,
        }


@dataclass(frozen=True)
class Penalty:
    """Fine exposure under Art. 101 for whoever is the provider."""

    applies_to: str
    cap_formula: str
    cap_eur: float | None
    from_date: dt.date
    note: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "applies_to": self.applies_to,
            "cap_formula": self.cap_formula,
            "cap_eur": self.cap_eur,
            "from": self.from_date.isoformat(),
            "note": self.note,
        }


def imprecise_placement(params: Params, placed: dt.date, latest: dt.date) -> str | None:
    """The review reason when a placement known only to the month or year may fall either side of
    2 Aug 2025, so that the Art. 111(3) deadline can be neither granted nor refused; else None."""
    start = params.chapter_v_applies.value
    if not placed < start <= latest:
        return None
    span = f"{placed.isoformat()} to {latest.isoformat()}"
    if (placed.year, placed.month) == (latest.year, latest.month):
        span = f"the month {placed.isoformat()[:7]}"
    elif placed.year == latest.year and (placed.month, latest.month) == (1, 12):
        span = f"the year {placed.year}"
    return (
        f"placement date known only as {span}: whether it was before "
        f"{start.isoformat()} (legacy model, due {params.legacy_deadline.value.isoformat()}, "
        f"{params.legacy_deadline.citation}) or later (due on placement) cannot be decided (R7)"
    )


def compute_deadlines(
    params: Params,
    placed: dt.date | None,
    placed_note: str,
    obligations: Sequence[Obligation],
    placed_latest: dt.date | None = None,
) -> tuple[tuple[Deadline, ...], tuple[str, ...]]:
    """Deadlines for a set of obligations, and review reasons the dates raise (R7).

    `placed_latest` is the last day an imprecise placement date (a month or a year) may stand for.
    """
    if not obligations:
        return (), ()
    ids = {o.id for o in obligations}
    start, legacy_date = params.chapter_v_applies.value, params.legacy_deadline.value
    latest = placed_latest or placed
    legacy = placed is not None and latest is not None and latest < start
    undecided = imprecise_placement(params, placed, latest) if placed and latest else None
    review: list[str] = [undecided] if undecided else []
    if placed is None:
        due, note = None, f"on placement, and not before {start.isoformat()}"
    elif undecided:
        due = None
        note = f"{legacy_date.isoformat()} if placed before {start.isoformat()}, else on placement"
    elif legacy:
        due, note = legacy_date, "placed before 2 Aug 2025: whole lifecycle covered (GL §5.3)"
    else:
        due, note = max(start, placed), "due on placement"
    if placed_note:
        note = f"{note}; {placed_note}"
    cite = params.legacy_deadline.citation if legacy else params.chapter_v_applies.citation
    if undecided:
        cite = f"{params.legacy_deadline.citation}; {params.chapter_v_applies.citation}"
    out = [Deadline("Chapter V obligations apply", due, note, cite)]
    if "O-54" in ids:
        ar_due = legacy_date if legacy else None if undecided else placed
        out.append(
            Deadline(
                "Authorised representative mandated", ar_due, "before placing on the market", "Art. 54(1)"
            )
        )
    if "O-52-1" in ids:
        days = params.notification_days.value
        out.append(
            Deadline(
                "Notify the Commission",
                None,
                f"within {days} days after the 1e25 condition is met or it becomes known it will be "
                "(possibly before training ends; GL §5.3: by 2025-08-16 for models in training then)",
                params.notification_days.citation,
            )
        )
        if legacy:
            review.append(
                "legacy SR model: whether notification was due from 2 Aug 2025 or by 2 Aug 2027 is open "
                "(R7) [UNCERTAIN]"
            )
    out.append(
        Deadline(
            "Fines enforceable",
            params.fines_from.value,
            "Commission enforcement starts",
            params.fines_from.citation,
        )
    )
    return tuple(out), tuple(review)


def compute_penalty(params: Params, applies_to: str, turnover: float | None) -> Penalty:
    """max(3 % × worldwide annual turnover, EUR 15 M), from 2 Aug 2026, no SME cap (Art. 101)."""
    share, floor = params.fine_turnover_share.value, params.fine_floor_eur.value
    cap = max(share * turnover, floor) if turnover is not None else None
    formula = f"max({share * 100:g} % × worldwide annual turnover, EUR {floor:,.0f})"
    note = "no SME cap (Art. 99(6) does not apply to Art. 101); Code adherence can mitigate (Art. 101(1))"
    if turnover is None:
        note = f"turnover not given: the cap is at least EUR {floor:,.0f}; " + note
    return Penalty(applies_to, formula, cap, params.fines_from.value, note)
