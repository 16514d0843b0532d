"""Frozen types shared by the pipeline stages: references found, files skipped, resolutions, rule results."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Context(StrEnum):
    """Where a reference was found, which says how much it matters."""

    PRODUCTION = "production"
    TEST = "test"
    EXAMPLE = "example"
    DOCS = "docs"
    VENDORED = "vendored"


class Use(StrEnum):
    """What the code does with the model."""

    INFERENCE = "inference"
    EMBEDDING = "embedding"
    FINE_TUNE = "fine-tune"
    DOWNLOAD = "download"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Reference:
    """A piece of text in a file that names a model, with where and how it was found."""

    text: str
    path: str
    line: int
    column: int
    detector: str
    confidence: float
    context: Context = Context.PRODUCTION
    use: Use = Use.INFERENCE
    provider: str | None = None
    note: str | None = None
    known_only: bool = False
    """A weak clue (a `repo_id` key, a bare word): kept only if the catalog resolves its text."""
    otherwise: Reference | None = None
    """What stands in when a `known_only` reference is not resolved (another reading of the same place)."""


@dataclass(frozen=True)
class Skipped:
    """A file the scan could not read, or read only in part, and why."""

    path: str
    reason: str
    degraded: bool = False


@dataclass(frozen=True)
class ScanResult:
    """Everything a scan found: references, skipped files and counters."""

    references: tuple[Reference, ...]
    skipped: tuple[Skipped, ...]
    stats: dict[str, int | float] = field(default_factory=dict)


@dataclass(frozen=True)
class Resolution:
    """How a text was mapped to a catalog model."""

    text: str
    model_id: str | None
    matched: str | None = None
    method: str = "unresolved"
    note: str | None = None
    via_provider: str | None = None


@dataclass(frozen=True)
class Citation:
    """A pointer into the law, guidance or a licence that a rule relies on."""

    ref: str
    tag: str = "LAW"
    text: str | None = None


@dataclass(frozen=True)
class FactUsed:
    """A catalog fact a rule used, with where it came from."""

    name: str
    value: Any
    source: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one rule for one model, with its inputs, citations and open questions."""

    rule_id: str
    outcome: str
    message: str
    facts: tuple[FactUsed, ...] = ()
    citations: tuple[Citation, ...] = ()
    review: tuple[str, ...] = ()
