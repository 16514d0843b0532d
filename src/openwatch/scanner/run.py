"""Scanning files: the unit of work (one file: read, prefilter, detectors, context) and the entry points."""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from openwatch import providers as P
from openwatch.catalog.load import Catalog
from openwatch.domain import Context, Reference, ScanResult, Skipped, Use
from openwatch.scanner.budget import DEFAULT_BUDGET, FileBudget, within_budget
from openwatch.scanner.conditional import each_reading
from openwatch.scanner.context import classify
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.prefilter import Prefilter, build_prefilter
from openwatch.scanner.python.modules import LOOKUPS, Lookup
from openwatch.scanner.read import MAX_LINE, TextFile, read_text, text_of
from openwatch.scanner.walk import FoundFile, FoundHubCache


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
    cache: Path | None = None
    """The scan cache file (see scanner/cache.py); None scans every file afresh."""
    executor: str = "local"
    """Where files are scanned: "local" (this process and forked workers) or "dask" (a Dask cluster)."""
    scheduler: str | None = None
    """The Dask scheduler's address, with executor "dask"."""
    budget: FileBudget | None = DEFAULT_BUDGET
    """CPU time and memory one file may cost (scanner/budget.py); None: unbounded."""


class ScanProgress(Protocol):
    """Told about each file as the scan passes it."""

    def advance(self, relpath: str, size: int) -> None:
        """One more file seen (size in bytes read, 0 if not read)."""


@dataclass(frozen=True)
class FileTask:
    """One file to scan: which repository it belongs to, the folder its imports are looked up in, and
    its bytes when the scanning process read them already (for the cache; else the worker reads the file)."""

    repository: int
    frame: Path
    found: FoundFile
    data: bytes | None = None
    digest: str | None = None


@dataclass
class FileOutcome:
    """What scanning one file gave: references, problems, counters, bytes read, imports looked up."""

    relpath: str
    references: list[Reference] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    size: int = 0
    repository: int = 0
    lookups: list[Lookup] = field(default_factory=list)
    digest: str | None = None
    """The digest of the bytes scanned, when the outcome may be cached."""
    cacheable: bool = True
    """False when the outcome depends on this run (a file over its budget), so it must not be cached."""


@dataclass(frozen=True)
class ScanPlan:
    """What every worker needs to scan files, sent once: detectors, the catalog's aliases, the limits."""

    key: str
    detectors: tuple[Detector, ...]
    aliases: tuple[str, ...]
    max_bytes: int
    max_line: int
    budget: FileBudget | None = DEFAULT_BUDGET


_scanners: dict[str, _Scanner] = {}
_scanners_lock = threading.Lock()


def scanner_for(plan: ScanPlan, prefilter: Prefilter | None = None) -> _Scanner:
    """The scanner of a plan, built once per process (a forked worker inherits the parent's)."""
    with _scanners_lock:
        found = _scanners.get(plan.key)
        if found is None or found.plan.budget != plan.budget:
            textual = [d for d in plan.detectors if not d.binary]
            found = _Scanner(plan.detectors, prefilter or build_prefilter(plan.aliases, textual), plan)
            _scanners.clear()
            _scanners[plan.key] = found
        return found


def scan_batch(plan: ScanPlan, batch: list[FileTask]) -> list[FileOutcome]:
    """Scan a batch of files (what a worker runs, locally or on a Dask cluster)."""
    return scanner_for(plan).scan_batch(batch)


@dataclass(frozen=True)
class _Scanner:
    """What scanning a file needs: the detectors, the prefilter, the limits."""

    detectors: Sequence[Detector]
    prefilter: Prefilter
    plan: ScanPlan

    def accepting(self, relpath: str) -> list[Detector]:
        """The detectors that read files at this path."""
        return [d for d in self.detectors if d.accepts(relpath)]

    def _run(
        self, detector: Detector, file: SourceFile, text: str | None, context: ScanContext, out: FileOutcome
    ) -> None:
        """Run one detector on one file, turning a crash into a reported problem, and set contexts."""
        try:
            detection = detector.detect(file, context)
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

    def scan_file(self, task: FileTask) -> FileOutcome:
        """Scan one file within its CPU and memory budget; a file over it is reported as skipped."""
        budget = self.plan.budget if self.accepting(task.found.relpath) else None
        return within_budget(lambda: self._scan_file(task), budget, lambda why: _over_budget(task.found, why))

    def _scan_file(self, task: FileTask) -> FileOutcome:
        """Read one file (if a text detector wants it), prefilter it, and run the detectors that accept it."""
        found = task.found
        context = ScanContext(root=task.frame, max_bytes=self.plan.max_bytes)
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
            self._run(detector, SourceFile(found.path, shown), None, context, out)
        if not textual:
            out.counts["files_parsed"] += 1
            return out
        whole = all(d.reads_long_lines for d in textual)
        max_line = None if whole else self.plan.max_line
        read = (
            text_of(task.data, found.relpath, self.plan.max_bytes, max_line)
            if task.data is not None
            else read_text(found.path, found.relpath, self.plan.max_bytes, max_line)
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
                self._run(detector, source, read.text, context, out)
        return out

    def scan_task(self, task: FileTask) -> FileOutcome:
        """scan_file, recording the imports it looks up, the repository and the digest (for the cache)."""
        lookups: list[Lookup] = []
        token = LOOKUPS.set(lookups)
        try:
            out = self.scan_file(task)
        finally:
            LOOKUPS.reset(token)
        out.repository, out.lookups = task.repository, lookups
        out.digest = task.digest if out.cacheable else None
        return out

    def scan_batch(self, batch: list[FileTask]) -> list[FileOutcome]:
        """scan_task over a batch (what a worker process runs)."""
        return [self.scan_task(task) for task in batch]

    @staticmethod
    def failed_batch(batch: list[FileTask], exc: BaseException) -> list[FileOutcome]:
        """Outcomes for a batch whose worker died: each file reported, none silently lost (nor cached)."""
        reason = f"scan worker failed: {type(exc).__name__}"
        return [
            FileOutcome(t.found.relpath, skipped=[Skipped(t.found.relpath, reason)], repository=t.repository)
            for t in batch
        ]

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
    """The outcome of a file whose scan used up its budget: skipped, with the reason (never cached)."""
    counts = Counter(files_seen=1, files_over_budget=1)
    skipped = [Skipped(found.relpath, reason)]
    return FileOutcome(found.relpath, skipped=skipped, counts=counts, cacheable=False)


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
    return scan_repositories([paths], options, catalog, progress=progress)[0]


def scan_repositories(
    repositories: Sequence[Sequence[Path]],
    options: ScanOptions,
    catalog: Catalog,
    *,
    progress: ScanProgress | None = None,
) -> list[ScanResult]:
    """Scan several repositories (each given as its paths) in one pass: one result per repository.

    The workers, the prefilter and the cache are shared, so a repository costs only its own files; every
    result is what scanning that repository alone gives. Raises ExecutorError if the executor cannot run.
    """
    from openwatch.scanner.dispatch import Dispatch

    return Dispatch(options, catalog, progress).run(repositories)
