"""Geometry of the inline SVG charts in HTML reports: bars of a mix, and stance timelines per lab."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

PALETTE = {
    "open-weights-unrestricted": "#1a7f37",
    "open-weights-restricted": "#9a6700",
    "open-weights-non-commercial": "#bc4c00",
    "gated": "#8250df",
    "api-only": "#cf222e",
    "unreleased": "#57606a",
    "open-weight": "#1a7f37",
    "hybrid": "#9a6700",
    "closed": "#cf222e",
    "unknown": "#8c959f",
}
"""Colour of each access tier and stance; anything else is grey."""


def colour(name: str) -> str:
    """The chart colour of an access tier or stance."""
    return PALETTE.get(name, "#8c959f")


@dataclass(frozen=True)
class Bar:
    """One bar of a mix chart: its label, count, share and geometry."""

    label: str
    count: int
    percent: float
    y: int
    width: float
    colour: str


def mix_bars(values: Iterable[str], width: int = 360, height: int = 22) -> list[Bar]:
    """One horizontal bar per distinct value, longest first, scaled to the largest count."""
    counts = Counter(values)
    total = sum(counts.values()) or 1
    top = max(counts.values(), default=1)
    return [
        Bar(label, n, 100 * n / total, i * (height + 6), width * n / top, colour(label))
        for i, (label, n) in enumerate(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    ]


@dataclass(frozen=True)
class Segment:
    """A stretch of one lab's timeline in one stance."""

    x: float
    width: float
    stance: str
    start: str
    colour: str
    event: str | None


@dataclass(frozen=True)
class Lane:
    """One lab's row in the stance timeline chart."""

    name: str
    y: int
    segments: tuple[Segment, ...]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text if len(text) > 7 else text + "-01")


def stance_lanes(
    labs: list[dict[str, Any]], until: str, width: int = 560, height: int = 22
) -> tuple[list[Lane], list[tuple[float, str]]]:
    """Lanes of stance segments from each lab's first date to `until`, and year ticks (x, label)."""
    end = _day(until)
    starts = [_day(lab["timeline"][0]["date"]) for lab in labs if lab["timeline"]]
    begin = min(starts, default=end)
    span = max((end - begin).days, 1)

    def x(day: dt.date) -> float:
        return width * (day - begin).days / span

    lanes = []
    for i, lab in enumerate(labs):
        points = lab["timeline"]
        segments = []
        for k, point in enumerate(points):
            start = _day(point["date"])
            stop = _day(points[k + 1]["date"]) if k + 1 < len(points) else end
            event = point["event"]["summary"] if point["event"] else None
            segments.append(
                Segment(
                    x(start),
                    max(x(stop) - x(start), 1.0),
                    point["stance"],
                    point["date"],
                    colour(point["stance"]),
                    event,
                )
            )
        lanes.append(Lane(lab["name"], i * (height + 8), tuple(segments)))
    ticks = [(x(dt.date(year, 1, 1)), str(year)) for year in range(begin.year + 1, end.year + 1)]
    step = max(1, len(ticks) // 8)
    return lanes, ticks[::step]
