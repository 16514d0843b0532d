"""The openwatch CLI, paused at a chosen moment so that a test can press Ctrl-C there (test-only wrapper).

Usage: python paused_cli.py MARK WHERE openwatch-args...   WHERE is `scan` (while the first file is scanned
or taken from the cache) or `commit` (inside the history database transaction, its rows written but not
committed). On reaching the moment the wrapper creates the file MARK and sleeps; the test then sends SIGINT.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any


def _pause(mark: Path) -> None:
    """Say where we are, then wait for the signal."""
    mark.touch()
    time.sleep(120)


def main() -> None:
    """Install the pause, then run the real CLI."""
    mark, where, args = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    if where == "scan":
        from openwatch.scanner.dispatch import Dispatch

        original = Dispatch._file

        def paused_file(*a: Any, **k: Any) -> Any:
            _pause(mark)
            return original(*a, **k)

        Dispatch._file = paused_file  # type: ignore[method-assign]
    elif where == "commit":
        import openwatch.store.history as history

        add_audit = history.add_audit

        def paused_add(session: Any, audit: Any) -> Any:
            record = add_audit(session, audit)
            session.flush()  # the audit's rows are in the database, inside the open transaction
            _pause(mark)
            return record

        history.add_audit = paused_add
    sys.argv = ["openwatch", *args]
    from openwatch.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
