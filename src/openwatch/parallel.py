"""Where batches of work run: in this process, in forked local workers, or on a Dask distributed cluster.

Every executor takes a module-level function, a plan (what every call needs, sent to a worker once) and
batches of items, and hands back the results of finished batches; a batch whose worker died comes back as
`on_failure`'s results, so nothing is silently lost. Dask is imported only by the Dask executor.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from typing import Any, Generic, Protocol, TypeVar

Plan = TypeVar("Plan")
Item = TypeVar("Item")
Result = TypeVar("Result")
Work = Callable[[Plan, list[Item]], list[Result]]
Failure = Callable[[list[Item], BaseException], list[Result]]

EXECUTORS = ("local", "dask")


class ExecutorError(ValueError):
    """An executor that cannot be used as asked (Dask not installed, scheduler not reachable)."""


class Executor(Protocol[Item, Result]):
    """Runs batches; submit() and finish() return the results of the batches that have finished."""

    def submit(self, batch: list[Item]) -> list[Result]:
        """Queue a batch; return results of batches finished meanwhile."""

    def finish(self) -> list[Result]:
        """Wait for every batch, release the workers, return the remaining results."""


_forked: tuple[Callable[[Any, Any], Any], Any] | None = None
"""The function and plan forked workers run; set before the workers fork, so neither is pickled."""


def _run_forked(batch: Any) -> Any:
    """What a forked worker runs for one batch."""
    if _forked is None:  # only when the pool was not forked from a ForkExecutor
        raise RuntimeError("worker started without work")
    work, plan = _forked
    return work(plan, batch)


def _quiet_worker() -> None:
    """Workers never print (fresh devnull streams, no lock inherited from parent threads) or warn, and
    Ctrl-C ends them silently (the parent reports it)."""
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115  (lives as long as the worker)
    warnings.simplefilter("ignore")
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def usable_workers(requested: int = 0) -> int:
    """How many workers to use: the request, else the CPUs this process may run on (1 means no pool)."""
    if requested > 0:
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def fork_available() -> bool:
    """True where worker processes can be forked (they then share the plan without pickling)."""
    return "fork" in multiprocessing.get_all_start_methods()


class ForkExecutor(Generic[Plan, Item, Result]):
    """Runs batches in forked processes, keeping at most two batches per worker in flight."""

    def __init__(
        self, work: Work[Plan, Item, Result], plan: Plan, on_failure: Failure[Item, Result], workers: int
    ) -> None:
        """Start the executor (workers fork at the first batch, inheriting the work and its plan)."""
        global _forked
        _forked = (work, plan)
        gc.freeze()  # inherited objects stay out of the workers' collections: no copy-on-write of their pages
        self._work = work
        self._plan = plan
        self._on_failure = on_failure
        self._depth = 2 * workers
        self._pending: dict[Future[list[Result]], list[Item]] = {}
        self._executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker
        )

    def _collect(self, finished: Sequence[Future[list[Result]]]) -> list[Result]:
        """Results of finished batches; a batch whose worker died gets on_failure's results."""
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
            self._pending[self._executor.submit(_run_forked, batch)] = batch
        except BrokenExecutor:  # a worker died earlier: the rest runs in this process
            results.extend(self._work(self._plan, batch))
        return results

    def finish(self) -> list[Result]:
        """Wait for every batch, shut the workers down, and return the remaining results."""
        try:
            finished, _ = wait(list(self._pending))
            return self._collect(list(finished))
        finally:
            self._executor.shutdown(wait=True, cancel_futures=True)
            gc.unfreeze()
            global _forked
            _forked = None  # the plan (catalog aliases, detectors) is not kept alive by the pool


class DaskExecutor(Generic[Plan, Item, Result]):
    """Runs batches as tasks on a Dask distributed cluster; the plan is sent to every worker once.

    Workers need openwatch installed (the same version: `check` compares the scanner's code digest) and
    nothing of the scanned repositories' environments.
    """

    def __init__(
        self,
        work: Work[Plan, Item, Result],
        plan: Plan,
        on_failure: Failure[Item, Result],
        scheduler: str,
        check: Callable[[], str] | None = None,
    ) -> None:
        """Connect to the scheduler, check the workers' versions, and scatter the plan to every worker."""
        try:
            from distributed import Client
        except ImportError:
            raise ExecutorError("--executor dask needs Dask: pip install 'openwatch[dask]'") from None
        try:
            self._client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        if check is not None:
            self._check_workers(check)
        self._work = work
        self._on_failure = on_failure
        self._plan = self._client.scatter(plan, broadcast=True, hash=False)
        workers = max(1, sum(self._client.nthreads().values()))
        self._depth = 2 * workers
        self._pending: dict[Any, list[Item]] = {}

    def _check_workers(self, check: Callable[[], str]) -> None:
        """Refuse workers whose openwatch differs from this one (their results could differ)."""
        ours = check()
        theirs = self._client.run(check)
        if not theirs:
            self._client.close()
            raise ExecutorError("the Dask cluster has no workers")
        wrong = sorted(address for address, version in theirs.items() if version != ours)
        if wrong:
            self._client.close()
            raise ExecutorError(
                f"Dask worker {wrong[0]} runs another openwatch scanner ({theirs[wrong[0]]}, here {ours}):"
                " install the same openwatch on every worker"
            )

    def _collect(self, finished: Sequence[Any]) -> list[Result]:
        """Results of finished tasks; a failed task's batch gets on_failure's results."""
        results: list[Result] = []
        for future in finished:
            batch = self._pending.pop(future)
            try:
                results.extend(future.result())
            except Exception as exc:  # a task that failed or whose worker died loses only its batch
                results.extend(self._on_failure(batch, exc))
            future.release()
        return results

    def submit(self, batch: list[Item]) -> list[Result]:
        """Queue a task for the batch; return the results of tasks finished while waiting for room."""
        from distributed import wait as dask_wait

        results: list[Result] = []
        while len(self._pending) >= self._depth:
            done = dask_wait(list(self._pending), return_when="FIRST_COMPLETED").done
            results.extend(self._collect(list(done)))
        future = self._client.submit(self._work, self._plan, batch, pure=False)
        self._pending[future] = batch
        return results

    def finish(self) -> list[Result]:
        """Wait for every task, disconnect (the cluster stays up), return the remaining results."""
        from distributed import wait as dask_wait

        try:
            done = dask_wait(list(self._pending)).done
            return self._collect(list(done))
        finally:
            self._client.close()
