"""Deterministic cost of scanning one text: function calls made (Python and C) and peak traced memory.

Call counts do not depend on the machine's load, so the linear-growth tests can compare them across input
sizes; wall-time ratios are printed by `bench/linear_growth.py` instead (no timed tests).
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openwatch.scanner.detectors.base import ScanContext, SourceFile
from openwatch.scanner.detectors.registry import default_detectors


@dataclass(frozen=True)
class Cost:
    """What one run cost: calls made and the peak of memory allocated meanwhile (bytes)."""

    calls: int
    peak_bytes: int


def count_calls(work: Callable[[], object]) -> int:
    """How many Python and C function calls `work` makes."""
    calls = 0

    def profile(_frame: Any, event: str, _arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profile)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls


def peak_memory(work: Callable[[], object]) -> int:
    """The peak of memory allocated (bytes, tracemalloc) while `work` runs, above what was held before."""
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return max(0, peak - before)


def detect_all(relpath: str, text: str, root: Path) -> Callable[[], object]:
    """A function that runs every detector accepting `relpath` on `text`, as a scan would."""
    context = ScanContext(root=root)
    detectors = [d for d in default_detectors() if d.accepts(relpath)]
    source = SourceFile(root / relpath, relpath, text)
    return lambda: [d.detect(source, context) for d in detectors]


def cost_of(relpath: str, text: str, root: Path) -> Cost:
    """Calls and peak memory of detecting one text (run once for each measure, after a warm-up run)."""
    work = detect_all(relpath, text, root)
    work()
    return Cost(count_calls(work), peak_memory(work))
