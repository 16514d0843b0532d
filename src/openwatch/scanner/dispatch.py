"""Orchestration: walk each repository, reuse cached outcomes, send the other files to an executor, gather.

Files go through this process until a scan proves large (forking costs time), then through forked workers,
or from the start through a Dask cluster. Outcomes come back in any order and are routed to their
repository; each repository's result is sorted, so it is the same however and wherever its files ran.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from openwatch.catalog.load import Catalog
from openwatch.domain import Context, Reference, ScanResult, Skipped
from openwatch.parallel import (
    DaskExecutor,
    Executor,
    ExecutorError,
    ForkExecutor,
    fork_available,
    usable_workers,
)
from openwatch.scanner.cache import ScanCache, scan_fingerprint, scanner_version
from openwatch.scanner.conditional import chain
from openwatch.scanner.prefilter import MIN_ALIAS_LENGTH, cached_prefilter
from openwatch.scanner.python.modules import content_digest
from openwatch.scanner.read import read_limited
from openwatch.scanner.reuse import Reuse
from openwatch.scanner.roots import Roots, scan_roots
from openwatch.scanner.run import (
    FileOutcome,
    FileTask,
    ScanOptions,
    ScanPlan,
    ScanProgress,
    scan_batch,
    scanner_for,
)
from openwatch.scanner.walk import FoundFile, FoundHubCache, WalkOptions, walk

PARALLEL_AFTER = 32
"""Files for detectors a scan must have before local worker processes are started (forking costs time)."""
BATCH = 16
"""Files per batch sent to a worker."""
log = logging.getLogger("openwatch.scan")


class _Collector:
    """Gathers one repository's outcomes, from this process and the workers, and tells the progress bar."""

    def __init__(self, progress: ScanProgress | None) -> None:
        """Empty lists and counters; the progress bar, if any."""
        self.progress = progress
        self.references: list[Reference] = []
        self.skipped: list[Skipped] = []
        self.stats: Counter[str] = Counter()
        self.started = self.finished = time.perf_counter()

    def add(self, outcome: FileOutcome) -> None:
        """Take in the outcome of one file."""
        self.references.extend(outcome.references)
        self.skipped.extend(outcome.skipped)
        self.stats.update(outcome.counts)
        self.finished = time.perf_counter()
        if self.progress is not None:
            self.progress.advance(outcome.relpath, outcome.size)

    def result(self, contexts: frozenset[Context], patterns: int) -> ScanResult:
        """The repository's result: references deduplicated and sorted, skipped files sorted, counters."""
        kept = _dedupe(self.references, contexts)
        stats: dict[str, int | float] = {
            "files_seen": 0,
            "files_parsed": 0,
            "files_prefiltered_out": 0,
            "bytes": 0,
        }
        stats.update(self.stats)
        stats.update(references=len(kept), skipped=len(self.skipped), prefilter_patterns=patterns)
        stats["seconds"] = round(time.perf_counter() - self.started, 3)
        return ScanResult(tuple(kept), tuple(sorted(self.skipped, key=lambda s: (s.path, s.reason))), stats)


def _dedupe(references: Iterable[Reference], contexts: frozenset[Context]) -> tuple[Reference, ...]:
    """One reference per place and text (its readings chained), in the contexts asked for, sorted."""
    readings: dict[tuple[str, int, int, str], list[Reference]] = {}
    for ref in references:
        if not contexts or ref.context in contexts:
            readings.setdefault((ref.path, ref.line, ref.column, ref.text), []).append(ref)
    return tuple(chain(readings[key]) for key in sorted(readings))


def _walk_all(roots: Roots, options: ScanOptions) -> Iterator[FoundFile | FoundHubCache | Skipped]:
    """The walk items of every root, paths relative to the frame."""
    walk_options = WalkOptions(options.include, options.exclude, options.respect_ignore)
    for root in roots.roots:
        yield from walk(root.path, walk_options, root.relpath)


class Dispatch:
    """One scan of one or more repositories: the plan, the executor, the cache, a collector per repository."""

    def __init__(self, options: ScanOptions, catalog: Catalog, progress: ScanProgress | None) -> None:
        """Build the plan (detectors, prefilter, limits) and its fingerprint; open the cache if asked."""
        from openwatch.scanner.detectors.registry import default_detectors

        self.options = options
        self.progress = progress
        detectors = tuple(options.detectors if options.detectors is not None else default_detectors())
        prefilter = cached_prefilter(catalog.alias_index, [d for d in detectors if not d.binary])
        aliases = tuple(sorted(a for a in catalog.alias_index if len(a) >= MIN_ALIAS_LENGTH))
        names = [
            f"{type(d).__module__}.{type(d).__qualname__}:{d.id}:{','.join(d.keywords)}" for d in detectors
        ]
        key = scan_fingerprint(names, aliases, (options.max_bytes, options.max_line))
        self.plan = ScanPlan(key, detectors, aliases, options.max_bytes, options.max_line, options.budget)
        self.scanner = scanner_for(self.plan, prefilter)
        self.patterns = prefilter.patterns
        self.cache = ScanCache(options.cache, key) if options.cache is not None else None
        self.workers = usable_workers(options.jobs) if fork_available() else 1
        self.executor: Executor[FileTask, FileOutcome] | None = None
        self.batch: list[FileTask] = []
        self.candidates = 0
        self.collectors: list[_Collector] = []
        self.reuse: dict[int, Reuse] = {}

    def run(self, repositories: Sequence[Sequence[Path]]) -> list[ScanResult]:
        """Scan every repository; one result each, in the order given."""
        self.collectors = [_Collector(self.progress) for _ in repositories]
        try:
            for index, paths in enumerate(repositories):
                self._repository(index, scan_roots(paths))
            if self.executor is not None:
                if self.batch:
                    self._route(self.executor.submit(self.batch))
                self._route(self.executor.finish())
        finally:
            self._close_cache()
        return [c.result(self.options.contexts, self.patterns) for c in self.collectors]

    def _close_cache(self) -> None:
        """Write the cache, and say (once) if it could not be used."""
        if self.cache is None:
            return
        self.cache.close()
        if self.cache.problem:
            log.warning("%s", self.cache.problem)

    def _repository(self, index: int, roots: Roots) -> None:
        """Walk one repository's roots and scan (or reuse) each file."""
        collector = self.collectors[index]
        collector.started = time.perf_counter()
        reuse = None
        if self.cache is not None:
            reuse = self.reuse[index] = Reuse(self.cache, roots.frame, index, self.plan.max_bytes)
        for item in _walk_all(roots, self.options):
            if isinstance(item, FoundHubCache):
                collector.references.append(self.scanner.hub_cache(item))
            elif isinstance(item, Skipped):
                collector.skipped.append(item)
            else:
                self._file(FileTask(index, roots.frame, item), reuse)
        if reuse is not None:
            reuse.release()  # the walk is over: only outcomes still to store need it

    def _file(self, task: FileTask, reuse: Reuse | None) -> None:
        """Scan one file here, reuse its cached outcome, or send it to the executor."""
        accepting = self.scanner.accepting(task.found.relpath)
        if not accepting:
            self.collectors[task.repository].add(self.scanner.scan_task(task))
            return
        if reuse is not None and not any(d.binary for d in accepting):
            data = read_limited(task.found.path, self.plan.max_bytes)
            if isinstance(data, bytes):
                digest = content_digest(data)
                cached = reuse.outcome(task.found.relpath, digest)
                if cached is not None:
                    cached.counts["files_cached"] += 1
                    self.collectors[task.repository].add(cached)
                    return
                task = FileTask(task.repository, task.frame, task.found, data, digest)
        self._submit(task)

    def _submit(self, task: FileTask) -> None:
        """Scan a file that needs scanning: here while the scan is small, else in a batch for the executor."""
        self.candidates += 1
        if self.executor is None:
            self.executor = self._open_executor()
        if self.executor is None:
            self._route([self.scanner.scan_task(task)])
            return
        self.batch.append(task)
        if len(self.batch) >= BATCH:
            self._route(self.executor.submit(self.batch))
            self.batch = []

    def _open_executor(self) -> Executor[FileTask, FileOutcome] | None:
        """The executor to use from now on, or None to go on scanning in this process."""
        if self.options.executor == "dask":
            if not self.options.scheduler:
                raise ExecutorError("--executor dask needs --scheduler ADDRESS")
            return DaskExecutor(
                scan_batch, self.plan, self.scanner.failed_batch, self.options.scheduler, scanner_version
            )
        if self.options.executor != "local":
            raise ExecutorError(f"unknown executor {self.options.executor!r}: local or dask")
        if self.workers > 1 and self.candidates > PARALLEL_AFTER:
            return ForkExecutor(scan_batch, self.plan, self.scanner.failed_batch, self.workers)
        return None

    def _route(self, outcomes: Iterable[FileOutcome]) -> None:
        """Hand outcomes to their repositories, and keep the fresh ones in the cache."""
        for outcome in outcomes:
            self.collectors[outcome.repository].add(outcome)
            reuse = self.reuse.get(outcome.repository)
            if reuse is not None:
                reuse.store(outcome)
