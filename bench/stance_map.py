"""Benchmark: the policy map (every lab's stance, since when and why, claims and conflicts) on one date.

The reference, measured in the same run and process, is the warm catalog load that every map command pays
first; the ratio says what the stance rule, the change history and the claims add on top of that.
Run: .venv/bin/python bench/stance_map.py [--runs N] [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from openwatch.catalog.load import load_catalog
from openwatch.catalog.stance import policy_map
from openwatch.catalog.stance_views import map_rows


def _timed(work: object) -> float:
    start = time.perf_counter()
    assert callable(work)
    work()
    return time.perf_counter() - start


def main() -> None:
    """Time the warm catalog load, every lab's stance and the whole map; print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--as-of", default="2026-05-01")
    args = parser.parse_args()
    day = dt.date.fromisoformat(args.as_of)
    catalog = load_catalog()
    timings: dict[str, list[float]] = {"load (reference)": [], "stance of every lab": [], "map rows": []}
    for _ in range(args.runs):
        timings["load (reference)"].append(_timed(load_catalog))
        timings["stance of every lab"].append(_timed(lambda: policy_map(catalog, day)))
        timings["map rows"].append(_timed(lambda: map_rows(catalog, day)))
    rows = map_rows(catalog, day)
    ref = statistics.median(timings["load (reference)"])
    print(f"{len(rows)} labs, {len(catalog.models)} models, as of {day}; {args.runs} runs, medians")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:22} {median:.3f} s = {median / ref:.2f}x reference")


if __name__ == "__main__":
    main()
