"""Per-file budgets: the CPU time and memory one file may cost before it is reported as skipped.

Time: a CPU-time interval timer (`ITIMER_PROF`, so a loaded machine does not make files fail) ticks every
TICK_SECONDS of CPU while a file is scanned, and past the budget raises `OverBudget` in the scanning code.
Memory: the address-space limit (RLIMIT_AS) is lowered to what the process has plus the budget while the file
is scanned, so an allocation past it fails with MemoryError inside the parser instead of growing the process
(a parser that turns it into a problem reports the file as too large; elsewhere it is reported as over the
memory budget). Either way the file is reported as skipped with the reason and the scan goes on. Timers work
only on a process's main thread (where the CLI and the forked workers scan); elsewhere the size limits
(bytes per file, nodes per config, values per expression) are what bound a file.
"""

from __future__ import annotations

import gc
import os
import resource
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import TypeVar

DEFAULT_CPU_SECONDS = 30.0
"""CPU seconds one file may take. The slowest legitimate files (5 MB of dense code or config, the size
limit) take 2–10 s on a busy laptop (bench/linear_growth.py); anything past 30 s is a pathological input."""
DEFAULT_MEMORY_MB = 1_000
"""Megabytes of address space one file may add: Python's syntax tree takes up to about 180 bytes per byte of
dense source, so every file under the 5 MB size limit fits."""
TICK_SECONDS = 0.05
"""CPU seconds between two checks of a file's time."""

Result = TypeVar("Result")


@dataclass(frozen=True)
class FileBudget:
    """What scanning one file may cost: CPU seconds, and megabytes of address space it may add."""

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
_statm: tuple[int, int] | None = None
"""(process id, open /proc/self/statm) of this process: read once per file without opening it again."""


def address_space() -> int | None:
    """The address space this process uses now (Linux /proc), None where it cannot be read."""
    global _statm
    try:
        if _statm is None or _statm[0] != os.getpid():  # a forked worker opens its own
            _statm = (os.getpid(), os.open("/proc/self/statm", os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)))
        return int(os.pread(_statm[1], 128, 0).split()[0]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def enforceable() -> bool:
    """True where a per-file timer can run: a CPU-time timer exists and this is the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _Watch:
    """One file's budget being spent: CPU ticks counted by the SIGPROF handler, the address space bound."""

    def __init__(self, budget: FileBudget) -> None:
        """Nothing spent yet."""
        self.budget = budget
        self.used = 0.0

    def tick(self, _signum: int, _frame: FrameType | None) -> None:
        """The SIGPROF handler: one more tick of CPU; past the budget, stop the file."""
        self.used += TICK_SECONDS
        if self.used > self.budget.cpu_seconds:
            raise OverBudget(f"over the time budget ({self.budget.cpu_seconds:g} s of CPU for one file)")

    def lower_memory_limit(self) -> tuple[int, int] | None:
        """Lower RLIMIT_AS to the address space now plus the budget; the limits to restore, if lowered."""
        size = address_space()
        if size is None:
            return None
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = size + self.budget.memory_mb * 1_000_000
        wanted = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        if soft != resource.RLIM_INFINITY and wanted >= soft:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
        return soft, hard

    def run(self, work: Callable[[], Result]) -> Result:
        """Run `work` with the timer armed and the address space bounded; both undone afterwards."""
        previous = signal.signal(signal.SIGPROF, self.tick)
        restore = None
        try:
            restore = self.lower_memory_limit()
            signal.setitimer(signal.ITIMER_PROF, TICK_SECONDS, TICK_SECONDS)
            return work()
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0, 0)
            if restore is not None:
                resource.setrlimit(resource.RLIMIT_AS, restore)
            signal.signal(signal.SIGPROF, previous if previous is not None else signal.SIG_DFL)


def within_budget(
    work: Callable[[], Result], budget: FileBudget | None, over: Callable[[str], Result]
) -> Result:
    """`work()`, or `over(reason)` if it used up the budget; without a budget or a usable timer, `work()`.

    A nested call runs inside the outer budget. Whatever the work left half done is dropped: the garbage
    collector is switched back on if the work had switched it off.
    """
    if budget is None or not enforceable() or getattr(_active, "watching", False):
        return work()
    collecting = gc.isenabled()
    _active.watching = True
    try:
        return _Watch(budget).run(work)
    except OverBudget as exc:
        reason = exc.reason
    except MemoryError:
        reason = f"over the memory budget ({budget.memory_mb:,} MB for one file)"
    finally:
        _active.watching = False
    if collecting:
        gc.enable()
    return over(reason)
