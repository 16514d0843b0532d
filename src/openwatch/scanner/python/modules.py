"""Modules of the scanned repository, found and parsed once (imports are followed into them, never run)."""

from __future__ import annotations

import ast
import hashlib
import threading
from collections import OrderedDict
from contextvars import ContextVar
from pathlib import Path

from openwatch.scanner.python.env import ModuleEnv, build_env, module_file

Lookup = tuple[str, str, int, str | None, str | None]
"""An import looked up while scanning a file: (from relpath, module, level, file found or None, the digest of
the bytes read from it: None when it was too large or unreadable, "" when only its presence mattered)."""
LOOKUPS: ContextVar[list[Lookup] | None] = ContextVar("openwatch_module_lookups", default=None)
"""Where the lookups of the file being scanned are recorded (None: not recorded); the scan cache keeps them
so that a cached file is scanned again when a module it imports changes, appears or goes."""

_CACHE: OrderedDict[tuple[str, int, int], tuple[ModuleEnv | None, str | None]] = OrderedDict()
_CACHE_SIZE = 256
_CACHE_LOCK = threading.RLock()
"""Re-entrant: a file stopped by its budget (scanner/budget.py) inside the lock cannot leave it held against
the next file of the same thread."""


class ModuleLoader:
    """Finds and parses modules of the scanned repository; parsed modules are cached across files."""

    def __init__(self, root: Path, max_bytes: int) -> None:
        """Load modules under `root`, none larger than `max_bytes`."""
        self.root = root
        self.max_bytes = max_bytes
        self._local: dict[tuple[str, str, int], bool] = {}

    def is_local(self, from_relpath: str, module: str, level: int) -> bool:
        """True if an import names a module of the scanned repository (relative imports always do)."""
        key = (from_relpath.rpartition("/")[0], module, level)
        if key not in self._local:
            self._local[key] = level > 0 or self._find(from_relpath, module, 0) is not None
        return self._local[key]

    def _find(self, from_relpath: str, module: str, level: int, digest: str | None = "") -> Path | None:
        """module_file, recorded for the scan cache when a recording is on (with the digest if read)."""
        path = module_file(self.root, from_relpath, module, level)
        record = LOOKUPS.get()
        if record is not None:
            found = path.relative_to(self.root).as_posix() if path is not None else None
            record.append((from_relpath, module, level, found, digest))
        return path

    def load(self, from_relpath: str, module: str, level: int) -> ModuleEnv | None:
        """The parsed module an import names, or None if it is not in the repository or does not parse."""
        path = module_file(self.root, from_relpath, module, level)
        if path is None:
            self._find(from_relpath, module, level)
            return None
        env, digest = self._parsed(path)
        if LOOKUPS.get() is not None:
            self._find(from_relpath, module, level, digest)
        return env

    def _parsed(self, path: Path) -> tuple[ModuleEnv | None, str | None]:
        """A module file's names (None if it does not parse) and the digest of its bytes (None: unread)."""
        try:
            stat = path.stat()
        except OSError:
            return None, None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with _CACHE_LOCK:
            if key in _CACHE:
                _CACHE.move_to_end(key)
                return _CACHE[key]
        env: ModuleEnv | None = None
        digest: str | None = None
        if stat.st_size <= self.max_bytes:
            try:
                data = path.read_bytes()
                digest = content_digest(data)
                text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
                env = build_env(ast.parse(text), path.relative_to(self.root).as_posix(), text)
            except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
                env = None
        with _CACHE_LOCK:
            _CACHE[key] = (env, digest)
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
        return env, digest


def content_digest(data: bytes) -> str:
    """The digest the scan cache keys file contents by."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()
