"""Reusing cached outcomes: only when the file's bytes and every import it looked up are unchanged."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from openwatch.scanner.cache import (
    ScanCache,
    decode_entry,
    lookups_data,
    reference_data,
    reference_from,
    skipped_data,
    skipped_from,
)
from openwatch.scanner.python.env import module_file
from openwatch.scanner.python.modules import Lookup, content_digest
from openwatch.scanner.read import read_limited
from openwatch.scanner.run import FileOutcome


def outcome_data(outcome: FileOutcome) -> dict[str, Any]:
    """A file's outcome as the JSON-ready data a cache entry keeps."""
    return {
        "references": [reference_data(ref) for ref in outcome.references],
        "skipped": skipped_data(outcome.skipped),
        "counts": dict(outcome.counts),
        "size": outcome.size,
        "lookups": lookups_data(outcome.lookups),
    }


def outcome_from(relpath: str, repository: int, data: dict[str, Any]) -> FileOutcome:
    """An outcome read back from outcome_data; KeyError, TypeError or ValueError if it is not one."""
    return FileOutcome(
        relpath,
        references=[reference_from(ref) for ref in data["references"]],
        skipped=skipped_from(data["skipped"]),
        counts=Counter({str(k): int(v) for k, v in data["counts"].items()}),
        size=int(data["size"]),
        repository=repository,
        lookups=[_lookup(item) for item in data["lookups"]],
    )


def _lookup(item: Any) -> Lookup:
    """One stored import lookup, checked for shape."""
    from_relpath, module, level, found, digest = item
    return (
        str(from_relpath),
        str(module),
        int(level),
        None if found is None else str(found),
        None if digest is None else str(digest),
    )


class Reuse:
    """One scanned folder's cache entries, and the checks that say whether an entry still holds."""

    def __init__(self, cache: ScanCache, frame: Path, repository: int, max_bytes: int) -> None:
        """Load the folder's entries once."""
        self.cache = cache
        self.frame = frame
        self.repository = repository
        self.max_bytes = max_bytes
        self.entries = cache.entries(frame)
        self._digests: dict[str, str | None] = {}
        self._modules: dict[tuple[str, str, int], str | None] = {}

    def outcome(self, relpath: str, digest: str) -> FileOutcome | None:
        """The cached outcome of a file with these bytes, if its entry is sound and still fresh."""
        entry = self.entries.get(relpath)
        if entry is None or entry[0] != digest:
            return None
        data = decode_entry(entry[1], entry[2])
        if data is None:
            return None
        try:
            outcome = outcome_from(relpath, self.repository, data)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return outcome if all(self._holds(lookup) for lookup in outcome.lookups) else None

    def release(self) -> None:
        """Forget the loaded entries and checks (a large organisation's would otherwise add up)."""
        self.entries = {}
        self._digests.clear()
        self._modules.clear()

    def store(self, outcome: FileOutcome) -> None:
        """Keep a freshly scanned outcome (only those scanned from bytes this process hashed)."""
        if outcome.digest is not None:
            self.cache.put(self.frame, outcome.relpath, outcome.digest, outcome_data(outcome))

    def _holds(self, lookup: Lookup) -> bool:
        """True if an import still finds the same module file, with the same bytes."""
        from_relpath, module, level, found, digest = lookup
        key = (from_relpath.rpartition("/")[0], module, level)
        if key not in self._modules:
            path = module_file(self.frame, from_relpath, module, level)
            self._modules[key] = path.relative_to(self.frame).as_posix() if path is not None else None
        if self._modules[key] != found:
            return False
        return found is None or digest == "" or self.digest_of(found) == digest

    def digest_of(self, relpath: str) -> str | None:
        """The digest of a module file as the Python detector reads it (None: too large or unreadable)."""
        if relpath not in self._digests:
            data = read_limited(self.frame / relpath, self.max_bytes)
            self._digests[relpath] = (
                content_digest(data) if isinstance(data, bytes) and len(data) <= self.max_bytes else None
            )
        return self._digests[relpath]
