"""The progress bar: only on a terminal, not when quiet, and it counts files."""

from __future__ import annotations

import io

from openwatch.scanner.progress import TerminalProgress, terminal_progress


class _Tty(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_no_bar_in_pipes_or_when_quiet() -> None:
    assert terminal_progress(False, io.StringIO()) is None
    assert terminal_progress(True, _Tty()) is None
    assert isinstance(terminal_progress(False, _Tty()), TerminalProgress)


def test_bar_counts_files_and_escapes_paths() -> None:
    stream = _Tty()
    with TerminalProgress(stream, show_after=0) as bar:
        bar.advance("a.py", 1_000_000)
        bar.advance("[red]b\x1b.py", 500_000)
    shown = stream.getvalue()
    assert "2 files, 1.5 MB" in shown
    assert "[red]b?.py" in shown and "\x1b.py" not in shown
