"""A small forked process pool for large scans: batches in, results out, a bounded number in flight."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_work: Callable[[Any], Any] | None = None
"""The function the forked workers run; set before the workers fork, so it need not be pickled."""


def _run(batch: Any) -> Any:
    """What a worker runs for one batch: the work function inherited through fork."""
    if _work is None:  # only when the pool was not forked from a ForkPool
        raise RuntimeError("worker started without work")
    return _work(batch)


def _quiet_worker() -> None:
    """Workers never print (fresh devnull streams, no lock inherited from parent threads) or warn, and
    Ctrl-C ends them silently."""
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115  (lives as long as the worker)
    warnings.simplefilter("ignore")
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends a worker silently; the parent reports it


def usable_workers(requested: int = 0) -> int:
    """How many workers to use: the request, else the CPUs this process may run on (1 means no pool)."""
    if requested > 0:
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def fork_available() -> bool:
    """True where worker processes can be forked (they then share the scan's state without pickling)."""
    return "fork" in multiprocessing.get_all_start_methods()


class ForkPool(Generic[Item, Result]):
    """Runs `work` over batches of items in forked processes, keeping at most `depth` batches in flight."""

    def __init__(
        self,
        work: Callable[[list[Item]], list[Result]],
        on_failure: Callable[[list[Item], BaseException], list[Result]],
        workers: int,
    ) -> None:
        """Start the executor (workers fork at the first batch, inheriting `work`)."""
        global _work
        _work = work
        gc.freeze()  # inherited objects stay out of the workers' collections: no copy-on-write of their pages
        self._work = work
        self._on_failure = on_failure
        self._depth = 2 * workers
        self._pending: dict[Future[list[Result]], list[Item]] = {}
        self._executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker
        )

    def _collect(self, finished: Sequence[Future[list[Result]]]) -> list[Result]:
        """Results of finished batches; a batch whose worker died gets on_failure's outcomes."""
        results: list[Result] = []
        for future in finished:
            batch = self._pending.pop(future)
            try:
                results.extend(future.result())
            except Exception as exc:  # a worker that died (e.g. killed for memory) loses only its batch
                results.extend(self._on_failure(batch, exc))
        return results

    def submit(self, batch: list[Item]) -> list[Result]:
        """Queue a batch; return the results of batches that finished while waiting for room."""
        results: list[Result] = []
        while len(self._pending) >= self._depth:
            finished, _ = wait(list(self._pending), return_when=FIRST_COMPLETED)
            results.extend(self._collect(list(finished)))
        try:
            self._pending[self._executor.submit(_run, batch)] = batch
        except BrokenExecutor:  # a worker died earlier: the rest is scanned in this process
            results.extend(self._work(batch))
        return results

    def finish(self) -> list[Result]:
        """Wait for every batch, shut the workers down, and return the remaining results."""
        try:
            finished, _ = wait(list(self._pending))
            return self._collect(list(finished))
        finally:
            self._executor.shutdown(wait=True, cancel_futures=True)
            gc.unfreeze()
            global _work
            _work = None  # the scan's state (catalog, resolver, detectors) is not kept alive by the pool
