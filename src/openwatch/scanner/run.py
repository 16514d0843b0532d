"""Orchestration: walk each root, read and prefilter files, run the detectors, classify context, count."""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from openwatch import providers as P
from openwatch.catalog.load import Catalog
from openwatch.domain import Context, Reference, ScanResult, Skipped, Use
from openwatch.scanner.budget import DEFAULT_BUDGET, FileBudget, within_budget
from openwatch.scanner.conditional import chain, each_reading
from openwatch.scanner.context import classify
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.pool import ForkPool, fork_available, usable_workers
from openwatch.scanner.prefilter import Prefilter, cached_prefilter
from openwatch.scanner.read import MAX_LINE, TextFile, read_text
from openwatch.scanner.roots import Roots, scan_roots
from openwatch.scanner.walk import FoundFile, FoundHubCache, WalkOptions, walk

PARALLEL_AFTER = 32
"""Files a root must have for detectors before worker processes are started (forking costs time)."""
BATCH = 16


@dataclass(frozen=True)
class ScanOptions:
    """What to scan and how: globs, ignore files, contexts kept, limits, and the detectors to run."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    contexts: frozenset[Context] = frozenset()
    """Contexts to keep references from; empty keeps all."""
    respect_ignore: bool = True
    max_bytes: int = 5_000_000
    max_line: int = MAX_LINE
    detectors: tuple[Detector, ...] | None = None
    """None runs every registered detector."""
    jobs: int = 0
    """Worker processes for large trees: 0 picks the CPU count, 1 scans in this process only."""
    budget: FileBudget | None = DEFAULT_BUDGET
    """CPU time and memory one file may cost (scanner/budget.py); None: unbounded."""


class ScanProgress(Protocol):
    """Told about each file as the scan passes it."""

    def advance(self, relpath: str, size: int) -> None:
        """One more file seen (size in bytes read, 0 if not read)."""


@dataclass
class FileOutcome:
    """What scanning one file gave: references, problems, counters, bytes read."""

    relpath: str
    references: list[Reference] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    size: int = 0


@dataclass(frozen=True)
class _Scanner:
    """What scanning a file needs: the detectors, the prefilter, what detectors may consult, the limits."""

    detectors: Sequence[Detector]
    prefilter: Prefilter
    context: ScanContext
    options: ScanOptions

    def accepting(self, relpath: str) -> list[Detector]:
        """The detectors that read files at this path."""
        return [d for d in self.detectors if d.accepts(relpath)]

    def _run(self, detector: Detector, file: SourceFile, text: str | None, out: FileOutcome) -> None:
        """Run one detector on one file, turning a crash into a reported problem, and set contexts."""
        try:
            detection = detector.detect(file, self.context)
        except Exception as exc:  # a detector bug must not end the scan; it is reported
            detection = Detection(problem=f"{detector.id} detector failed: {type(exc).__name__}: {exc}"[:300])
        if detection.problem:
            out.skipped.append(Skipped(file.relpath, detection.problem, detection.degraded))
        path_context = classify(out.relpath, text)

        def placed(ref: Reference) -> Reference:
            """The reference in its file's context (a production file keeps what the detector said)."""
            context = path_context if path_context is not Context.PRODUCTION else ref.context
            return dataclasses.replace(ref, context=context)

        out.references.extend(each_reading(ref, placed) for ref in detection.references)

    def scan_file(self, found: FoundFile) -> FileOutcome:
        """Scan one file within its CPU and memory budget; a file over it is reported as skipped."""
        budget = self.options.budget if self.accepting(found.relpath) else None
        return within_budget(lambda: self._scan_file(found), budget, lambda why: _over_budget(found, why))

    def _scan_file(self, found: FoundFile) -> FileOutcome:
        """Read one file (if a text detector wants it), prefilter it, and run the detectors that accept it."""
        out = FileOutcome(found.relpath)
        out.counts["files_seen"] += 1
        accepting = self.accepting(found.relpath)
        if not accepting:
            out.counts["files_unsupported"] += 1
            return out
        shown = found.relpath
        binary = [d for d in accepting if d.binary]
        textual = [d for d in accepting if not d.binary]
        for detector in binary:
            self._run(detector, SourceFile(found.path, shown), None, out)
        if not textual:
            out.counts["files_parsed"] += 1
            return out
        whole = all(d.reads_long_lines for d in textual)
        read = read_text(
            found.path, found.relpath, self.options.max_bytes, None if whole else self.options.max_line
        )
        if not isinstance(read, TextFile):
            out.counts["files_binary" if read.binary else "files_unread"] += 1
            out.skipped.append(Skipped(shown, read.reason))
            out.counts["files_parsed"] += 1 if binary else 0
            return out
        out.size = read.size
        out.counts["bytes"] += read.size
        if read.degraded:
            out.skipped.append(Skipped(shown, "; ".join(read.degraded), degraded=True))
        wanted = self.prefilter.wanted_by(read.text, [d.id for d in textual])
        out.counts["files_parsed" if wanted or binary else "files_prefiltered_out"] += 1
        source = SourceFile(found.path, shown, read.text)
        for detector in textual:
            if detector.id in wanted:
                self._run(detector, source, read.text, out)
        return out

    def scan_batch(self, batch: list[FoundFile]) -> list[FileOutcome]:
        """scan_file over a batch (what a worker process runs)."""
        return [self.scan_file(found) for found in batch]

    def failed_batch(self, batch: list[FoundFile], exc: BaseException) -> list[FileOutcome]:
        """Outcomes for a batch whose worker died: each file reported, none silently lost."""
        reason = f"scan worker failed: {type(exc).__name__}"
        return [FileOutcome(f.relpath, skipped=[Skipped(f.relpath, reason)]) for f in batch]

    def hub_cache(self, found: FoundHubCache) -> Reference:
        """A reference for a downloaded Hugging Face model (its folder name says which)."""
        return Reference(
            text=found.repo_id,
            path=found.relpath,
            line=1,
            column=1,
            detector="hf-cache",
            confidence=0.9,
            context=classify(found.relpath),
            use=Use.DOWNLOAD,
            provider=P.HUGGINGFACE,
            note="Hugging Face cache folder",
        )


def _over_budget(found: FoundFile, reason: str) -> FileOutcome:
    """The outcome of a file whose scan used up its budget: skipped, with the reason."""
    counts = Counter(files_seen=1, files_over_budget=1)
    return FileOutcome(found.relpath, skipped=[Skipped(found.relpath, reason)], counts=counts)


class _Collector:
    """Gathers outcomes from the main process and the workers, and tells the progress bar."""

    def __init__(self, progress: ScanProgress | None) -> None:
        """Empty lists and counters; the progress bar, if any."""
        self.progress = progress
        self.references: list[Reference] = []
        self.skipped: list[Skipped] = []
        self.stats: Counter[str] = Counter()

    def add(self, outcomes: Iterable[FileOutcome]) -> None:
        """Take in the outcomes of some files."""
        for outcome in outcomes:
            self.references.extend(outcome.references)
            self.skipped.extend(outcome.skipped)
            self.stats.update(outcome.counts)
            if self.progress is not None:
                self.progress.advance(outcome.relpath, outcome.size)


def _walk_all(roots: Roots, options: ScanOptions) -> Iterator[FoundFile | FoundHubCache | Skipped]:
    """The walk items of every root, paths relative to the frame."""
    walk_options = WalkOptions(options.include, options.exclude, options.respect_ignore)
    for root in roots.roots:
        yield from walk(root.path, walk_options, root.relpath)


def _scan_all(roots: Roots, state: _Scanner, workers: int, out: _Collector) -> None:
    """Walk the roots; files go through this process until the scan proves large, then through workers."""
    pool: ForkPool[FoundFile, FileOutcome] | None = None
    batch: list[FoundFile] = []
    candidates = 0
    for item in _walk_all(roots, state.options):
        if isinstance(item, FoundHubCache):
            out.references.append(state.hub_cache(item))
        elif isinstance(item, Skipped):
            out.skipped.append(item)
        else:
            accepted = bool(state.accepting(item.relpath))
            if pool is not None and accepted:
                batch.append(item)
                if len(batch) >= BATCH:
                    out.add(pool.submit(batch))
                    batch = []
                continue
            out.add([state.scan_file(item)])
            candidates += 1 if accepted else 0
            if pool is None and workers > 1 and candidates >= PARALLEL_AFTER:
                pool = ForkPool(state.scan_batch, state.failed_batch, workers)
    if pool is not None:
        if batch:
            out.add(pool.submit(batch))
        out.add(pool.finish())


def _dedupe(references: Iterable[Reference], contexts: frozenset[Context]) -> tuple[Reference, ...]:
    """One reference per place and text (its readings chained), in the contexts asked for, sorted."""
    readings: dict[tuple[str, int, int, str], list[Reference]] = {}
    for ref in references:
        if not contexts or ref.context in contexts:
            readings.setdefault((ref.path, ref.line, ref.column, ref.text), []).append(ref)
    return tuple(chain(readings[key]) for key in sorted(readings))


def scan(
    paths: Sequence[Path],
    options: ScanOptions,
    catalog: Catalog,
    *,
    progress: ScanProgress | None = None,
) -> ScanResult:
    """Scan files and folders for model references; problems become Skipped entries, never exceptions.

    The catalog's aliases feed the prefilter; the catalog is not asked whether a text is a model: references
    that need it are `known_only`, and the inventory resolves every reference once, after the scan.
    """
    from openwatch.scanner.detectors.registry import default_detectors

    started = time.perf_counter()
    detectors = options.detectors if options.detectors is not None else default_detectors()
    prefilter = cached_prefilter(catalog.alias_index, [d for d in detectors if not d.binary])
    workers = usable_workers(options.jobs) if fork_available() else 1
    out = _Collector(progress)
    roots = scan_roots(paths)
    context = ScanContext(root=roots.frame, max_bytes=options.max_bytes)
    _scan_all(roots, _Scanner(detectors, prefilter, context, options), workers, out)
    kept = _dedupe(out.references, options.contexts)
    stats: dict[str, int | float] = {
        "files_seen": 0,
        "files_parsed": 0,
        "files_prefiltered_out": 0,
        "bytes": 0,
    }
    stats.update(out.stats)
    stats.update(references=len(kept), skipped=len(out.skipped), prefilter_patterns=prefilter.patterns)
    stats["seconds"] = round(time.perf_counter() - started, 3)
    return ScanResult(tuple(kept), tuple(sorted(out.skipped, key=lambda s: (s.path, s.reason))), stats)
