"""The detector interface: one detector per source kind, each turning one file into references."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from openwatch.domain import Reference


@dataclass(frozen=True)
class ScanContext:
    """What every detector may consult: the folder imports are looked up in, and the size limit."""

    root: Path
    max_bytes: int = 5_000_000


@dataclass(frozen=True)
class SourceFile:
    """One file handed to a detector: text detectors get `text`, binary detectors read `path` themselves."""

    path: Path
    relpath: str
    text: str | None = None


@dataclass(frozen=True)
class Detection:
    """What a detector found in one file, and the problem if it could read it only in part or not at all."""

    references: tuple[Reference, ...] = ()
    problem: str | None = None
    degraded: bool = False
    hints: dict[str, str] = field(default_factory=dict)


class Detector(ABC):
    """Finds model references in files of one kind."""

    id: ClassVar[str]
    binary: ClassVar[bool] = False
    keywords: ClassVar[tuple[str, ...]] = ()
    """Strings of which one must occur in a text file (besides catalog aliases) for it to be parsed."""
    needs_every_file: ClassVar[bool] = False
    """True if the prefilter must not keep any accepted file from this detector (e.g. small configs)."""
    reads_long_lines: ClassVar[bool] = False
    """True if the detector cuts over-long lines itself (a notebook keeps its outputs on one JSON line):
    the reader then leaves them in the text."""

    @abstractmethod
    def accepts(self, relpath: str) -> bool:
        """True if this detector reads files at this path (by name or suffix)."""

    @abstractmethod
    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """The references in one file; never raises for bad input, reports it in Detection.problem."""
