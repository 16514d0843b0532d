"""Modules of the scanned repository, found and parsed once (imports are followed into them, never run)."""

from __future__ import annotations

import ast
import threading
from collections import OrderedDict
from pathlib import Path

from openwatch.scanner.python.env import ModuleEnv, build_env, module_file

_CACHE: OrderedDict[tuple[str, int, int], ModuleEnv | None] = OrderedDict()
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
            self._local[key] = level > 0 or module_file(self.root, from_relpath, module, 0) is not None
        return self._local[key]

    def load(self, from_relpath: str, module: str, level: int) -> ModuleEnv | None:
        """The parsed module an import names, or None if it is not in the repository or does not parse."""
        path = module_file(self.root, from_relpath, module, level)
        if path is None:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with _CACHE_LOCK:
            if key in _CACHE:
                _CACHE.move_to_end(key)
                return _CACHE[key]
        env: ModuleEnv | None = None
        if stat.st_size <= self.max_bytes:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
                env = build_env(ast.parse(text), path.relative_to(self.root).as_posix(), text)
            except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
                env = None
        with _CACHE_LOCK:
            _CACHE[key] = env
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
        return env
