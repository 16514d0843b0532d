"""A progress bar on stderr for long scans: shown only on a terminal, after a short delay, never in pipes."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

SHOW_AFTER = 0.5
"""Seconds a scan runs before the bar appears (short scans print nothing)."""


class TerminalProgress:
    """Counts files and bytes on a transient Rich progress line; starts only once the scan is slow."""

    def __init__(self, stream: TextIO, show_after: float = SHOW_AFTER) -> None:
        """A transient progress line on the stream; nothing shows until `show_after` seconds have passed."""
        from rich.console import Console  # imported here: quiet and piped scans never need Rich's progress
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.fields[files]:,} files, {task.fields[mb]:.1f} MB"),
            TimeElapsedColumn(),
            TextColumn("[dim]{task.description}"),
            console=Console(file=stream),
            transient=True,
        )
        self._task = self._progress.add_task("", files=0, mb=0.0)
        self._files = 0
        self._bytes = 0
        self._started_at = time.monotonic()
        self._show_after = show_after
        self._live = False

    def advance(self, relpath: str, size: int) -> None:
        """One more file; the bar starts once the scan has run for a while."""
        self._files += 1
        self._bytes += size
        if not self._live:
            if time.monotonic() - self._started_at < self._show_after:
                return
            self._progress.start()
            self._live = True
        from rich.markup import escape

        printable = "".join(c if c.isprintable() else "?" for c in relpath)
        shown = printable if len(printable) <= 40 else "…" + printable[-39:]
        self._progress.update(
            self._task,
            description=escape(shown),
            files=self._files,
            mb=self._bytes / 1e6,
        )

    def __enter__(self) -> TerminalProgress:
        """The bar itself."""
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Remove the bar if it was shown."""
        if self._live:
            self._progress.stop()


def terminal_progress(quiet: bool, stream: TextIO | None = None) -> TerminalProgress | None:
    """A progress bar on stderr if it is a terminal and the user did not ask for quiet, else None."""
    target = stream if stream is not None else sys.stderr
    if quiet or not target.isatty():
        return None
    return TerminalProgress(target)
