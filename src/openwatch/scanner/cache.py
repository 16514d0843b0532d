"""The scan cache: a file's outcome, keyed by its content, the scanner's code and the catalog's aliases.

One SQLite file, `scan-cache.sqlite3` in the cache folder ($OPENWATCH_CACHE, else $XDG_CACHE_HOME/openwatch,
else ~/.cache/openwatch). An entry belongs to a scope (the scan's fingerprint and the folder scanned) and a
file's path in it, and holds the digest of the bytes scanned, the imports the Python detector looked up
(with the digests of the modules it read), and the outcome. It is used only when the file's bytes and every
one of those lookups are still the same. Each entry carries a checksum: one that does not match, or that does
not decode, is ignored and overwritten, never trusted. Several runs may share the file (WAL, busy timeout);
a cache that cannot be opened or written leaves the scan as it would be without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from openwatch.catalog.cache import cache_dir
from openwatch.domain import Context, Reference, Skipped, Use
from openwatch.scanner.python.modules import Lookup

CACHE_FORMAT = "1"
"""Bump when the stored layout changes."""
KEEP_DAYS = 30
"""A scope not used for this long is removed."""
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS scopes (scope TEXT PRIMARY KEY, frame TEXT NOT NULL, used REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS entries (scope TEXT NOT NULL, relpath TEXT NOT NULL, digest TEXT NOT NULL,"
    " payload BLOB NOT NULL, checksum TEXT NOT NULL, PRIMARY KEY (scope, relpath)) WITHOUT ROWID",
)


def cache_file() -> Path:
    """Where the scan cache lives."""
    return cache_dir() / "scan-cache.sqlite3"


@cache
def scanner_version() -> str:
    """A digest of the scanner's own code (every module of openwatch.scanner, the domain types, providers)."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    package = resources.files("openwatch")
    with contextlib.suppress(metadata.PackageNotFoundError):
        digest.update(metadata.version("openwatch").encode())
    sources = [Path(str(package / "domain.py")), Path(str(package / "providers.py"))]
    sources += sorted(Path(str(package / "scanner")).rglob("*.py"))
    for path in sources:
        digest.update(path.relative_to(Path(str(package))).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def scan_fingerprint(detectors: Iterable[str], aliases: Iterable[str], limits: Iterable[int]) -> str:
    """What every cached outcome of one scan depends on besides the file: code, detectors, aliases, limits.

    The catalog reaches a file's outcome only through the prefilter's aliases, so their digest is the
    catalog's version here.
    """
    digest = hashlib.sha256(scanner_version().encode())
    for part in (sorted(detectors), sorted(aliases), [str(n) for n in limits]):
        digest.update("\0".join(part).encode() + b"\1")
    return digest.hexdigest()[:32]


def reference_data(ref: Reference) -> dict[str, Any]:
    """A reference (and the reading it falls back to) as JSON-ready data."""
    data = {
        "text": ref.text, "path": ref.path, "line": ref.line, "column": ref.column, "detector": ref.detector,
        "confidence": ref.confidence, "context": ref.context.value, "use": ref.use.value,
        "provider": ref.provider, "note": ref.note, "known_only": ref.known_only,
    }  # fmt: skip
    if ref.otherwise is not None:
        data["otherwise"] = reference_data(ref.otherwise)
    return data


def reference_from(data: Mapping[str, Any]) -> Reference:
    """A reference read back from reference_data; KeyError, TypeError or ValueError if it is not one."""
    otherwise = data.get("otherwise")
    return Reference(
        text=str(data["text"]),
        path=str(data["path"]),
        line=int(data["line"]),
        column=int(data["column"]),
        detector=str(data["detector"]),
        confidence=float(data["confidence"]),
        context=Context(data["context"]),
        use=Use(data["use"]),
        provider=None if data["provider"] is None else str(data["provider"]),
        note=None if data["note"] is None else str(data["note"]),
        known_only=bool(data["known_only"]),
        otherwise=reference_from(otherwise) if otherwise is not None else None,
    )


class ScanCache:
    """The cache file opened for one scan fingerprint; every failure makes it a cache that has nothing."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        """Open (or create) the cache file; a file that is not a database is replaced."""
        self.path = path
        self.fingerprint = fingerprint
        self.problem: str | None = None
        self._pending: list[tuple[str, str, str, bytes, str]] = []
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            self.problem = f"scan cache not used: {exc}"

    def _open(self) -> sqlite3.Connection:
        """Connect (WAL, busy timeout) and create the tables; a file that is not a database is recreated."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for attempt in (1, 2):
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                for statement in _SCHEMA:
                    db.execute(statement)
                return db
            except sqlite3.DatabaseError:
                db.close()
                if attempt == 2:
                    raise
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        raise AssertionError("unreachable")

    def scope(self, frame: Path) -> str:
        """The scope of one scanned folder under this fingerprint."""
        return hashlib.sha256(f"{self.fingerprint}\0{frame}".encode()).hexdigest()[:32]

    def entries(self, frame: Path) -> dict[str, tuple[str, bytes, str]]:
        """Every entry of a folder's scope: relpath -> (digest, payload, checksum); marks the scope used."""
        if self._db is None:
            return {}
        scope = self.scope(frame)
        try:
            rows = self._db.execute(
                "SELECT relpath, digest, payload, checksum FROM entries WHERE scope = ?", (scope,)
            ).fetchall()
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute(
                    "DELETE FROM entries WHERE scope IN"
                    " (SELECT scope FROM scopes WHERE frame = ? AND scope != ?)",
                    (str(frame), scope),
                )
                self._db.execute("DELETE FROM scopes WHERE frame = ? AND scope != ?", (str(frame), scope))
                self._db.execute(
                    "INSERT OR REPLACE INTO scopes VALUES (?, ?, ?)", (scope, str(frame), time.time())
                )
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}
        return {
            str(relpath): (str(digest), bytes(payload), str(checksum))
            for relpath, digest, payload, checksum in rows
        }

    def put(self, frame: Path, relpath: str, digest: str, data: dict[str, Any]) -> None:
        """Keep an outcome (written in batches, and by close())."""
        if self._db is None:
            return
        payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
        self._pending.append((self.scope(frame), relpath, digest, payload, checksum(payload)))
        if len(self._pending) >= 2000:
            self.flush()

    def flush(self) -> None:
        """Write the pending entries in one transaction."""
        if self._db is None or not self._pending:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", self._pending)
        except sqlite3.Error as exc:
            self._fail(exc)
        self._pending.clear()

    def close(self) -> None:
        """Write what is pending, drop scopes unused for KEEP_DAYS, and close."""
        self.flush()
        if self._db is None:
            return
        try:
            cutoff = time.time() - KEEP_DAYS * 86400
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute(
                    "DELETE FROM entries WHERE scope IN (SELECT scope FROM scopes WHERE used < ?)", (cutoff,)
                )
                self._db.execute("DELETE FROM scopes WHERE used < ?", (cutoff,))
        except sqlite3.Error as exc:
            self._fail(exc)
        if self._db is not None:
            self._db.close()
            self._db = None

    def _fail(self, exc: sqlite3.Error) -> None:
        """Stop using a cache that failed (locked past the timeout, disk full, read-only, damaged)."""
        self.problem = f"scan cache not used: {exc}"
        if self._db is not None:
            self._db.close()
            self._db = None


def checksum(payload: bytes) -> str:
    """The checksum an entry's payload is stored with."""
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def decode_entry(payload: bytes, stored_checksum: str) -> dict[str, Any] | None:
    """An entry's data, or None when its checksum does not match or it is not JSON of the expected shape."""
    if checksum(payload) != stored_checksum:
        return None
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def lookups_data(lookups: Iterable[Lookup]) -> list[list[Any]]:
    """Import lookups as JSON-ready data."""
    return [list(lookup) for lookup in lookups]


def skipped_data(skipped: Iterable[Skipped]) -> list[list[Any]]:
    """Skipped entries as JSON-ready data."""
    return [[s.path, s.reason, s.degraded] for s in skipped]


def skipped_from(data: Iterable[Any]) -> list[Skipped]:
    """Skipped entries read back from skipped_data."""
    return [Skipped(str(path), str(reason), bool(degraded)) for path, reason, degraded in data]
