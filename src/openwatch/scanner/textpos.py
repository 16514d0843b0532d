"""Offsets in a text mapped to 1-based line and column numbers."""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Converts character offsets of one text into (line, column), both 1-based."""

    def __init__(self, text: str, line_offset: int = 0) -> None:
        starts = [0]
        index = text.find("\n")
        while index != -1:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        self._starts = starts
        self._line_offset = line_offset

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset, shifted by the index's line offset."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1 + self._line_offset, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """The offset where a 1-based line (before the line offset) begins."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]
