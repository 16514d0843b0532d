"""Per-file budgets: the CPU time and memory one file may cost before it is reported as skipped.

A CPU-time interval timer (`ITIMER_PROF`, so a loaded machine does not make files fail) ticks every
TICK_SECONDS of CPU while a file is scanned; each tick checks the CPU used and the growth of the resident
memory since the file began, and past either bound raises `OverBudget` in the scanning code. The file is
then reported as skipped with the reason, its partial results dropped, and the scan goes on. Timers only
work on a process's main thread (where the CLI and the forked workers scan): elsewhere the size limits
(bytes per file, nodes per config, values per expression) are what bound a file.
"""

from __future__ import annotations

import gc
import os
import resource
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import TypeVar

DEFAULT_CPU_SECONDS = 30.0
"""CPU seconds one file may take. The slowest legitimate files (5 MB of dense code or config, the size
limit) take 2–10 s on a busy laptop (bench/linear_growth.py); anything past 30 s is a pathological input."""
DEFAULT_MEMORY_MB = 1_000
"""Megabytes the resident memory may grow while one file is scanned (5 MB of Python needs about 250)."""
TICK_SECONDS = 0.05
"""CPU seconds between two checks of a file's budget."""
WORKER_ADDRESS_SPACE_MB = 4_000
"""Address space a scan worker process may add to what it inherited: a bound for one runaway allocation
that happens inside a single C call, between two checks."""

Result = TypeVar("Result")


@dataclass(frozen=True)
class FileBudget:
    """What scanning one file may cost: CPU seconds and growth of resident memory in megabytes."""

    cpu_seconds: float = DEFAULT_CPU_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB


DEFAULT_BUDGET = FileBudget()


class OverBudget(BaseException):
    """Raised inside the scan of a file that used up its budget (a BaseException: detectors that turn their
    own errors into reported problems must not swallow it)."""

    def __init__(self, reason: str) -> None:
        """The reason shown in the report."""
        super().__init__(reason)
        self.reason = reason


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_active = threading.local()


def resident_bytes() -> int | None:
    """The resident memory of this process now (Linux /proc), None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def enforceable() -> bool:
    """True where a per-file timer can run: a CPU-time timer exists and this is the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _Watch:
    """The checks one file's timer makes: CPU used and memory grown since the file began."""

    def __init__(self, budget: FileBudget) -> None:
        """Start counting now."""
        self.budget = budget
        self.cpu_start = time.process_time()
        self.rss_start = resident_bytes()

    def check(self, _signum: int, _frame: FrameType | None) -> None:
        """The timer's handler: raise OverBudget past either bound."""
        used = time.process_time() - self.cpu_start
        if used > self.budget.cpu_seconds:
            raise OverBudget(f"over the time budget ({self.budget.cpu_seconds:g} s of CPU for one file)")
        rss = resident_bytes()
        if rss is not None and self.rss_start is not None:
            grown = (rss - self.rss_start) // 1_000_000
            if grown > self.budget.memory_mb:
                raise OverBudget(f"over the memory budget ({self.budget.memory_mb:,} MB for one file)")


def within_budget(
    work: Callable[[], Result], budget: FileBudget | None, over: Callable[[str], Result]
) -> Result:
    """`work()`, or `over(reason)` if it used up the budget; without a budget or a usable timer, `work()`.

    A nested call runs inside the outer budget. Whatever the work left half done is dropped: the garbage
    collector is switched back on if the work had switched it off.
    """
    if budget is None or not enforceable() or getattr(_active, "watching", False):
        return work()
    watch = _Watch(budget)
    collecting = gc.isenabled()
    previous = signal.signal(signal.SIGPROF, watch.check)
    _active.watching = True
    try:
        signal.setitimer(signal.ITIMER_PROF, TICK_SECONDS, TICK_SECONDS)
        try:
            return work()
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0, 0)
    except OverBudget as exc:
        if collecting:
            gc.enable()
        return over(exc.reason)
    except MemoryError:  # the worker's address-space bound, hit inside one allocation
        if collecting:
            gc.enable()
        return over(f"over the memory budget ({budget.memory_mb:,} MB for one file)")
    finally:
        _active.watching = False
        signal.signal(signal.SIGPROF, previous if previous is not None else signal.SIG_DFL)


def limit_worker_memory(extra_mb: int = WORKER_ADDRESS_SPACE_MB) -> None:
    """In a scan worker process: cap its address space at what it has now plus `extra_mb` (best effort)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            size = int(statm.read().split()[0]) * _PAGE
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = size + extra_mb * 1_000_000
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        if soft == resource.RLIM_INFINITY or wanted < soft:
            resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (OSError, ValueError, IndexError):
        return
