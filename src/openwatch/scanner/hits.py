"""A model mention found at a character offset, before it becomes a positioned Reference."""

from __future__ import annotations

from dataclasses import dataclass, replace

from openwatch.domain import Reference, Use
from openwatch.providers import from_prefix
from openwatch.scanner.conditional import chain
from openwatch.scanner.textpos import LineIndex


@dataclass(frozen=True)
class Hit:
    """One model text at an absolute offset of the scanned text, with how it is used."""

    text: str
    offset: int
    use: Use = Use.INFERENCE
    provider: str | None = None
    confidence: float = 1.0
    note: str | None = None
    known_only: bool = False
    """Kept only if the catalog resolves the text (see scan/conditional.py)."""

    def moved(self, offset: int) -> Hit:
        """The same hit at another offset."""
        return replace(self, offset=offset)


def to_references(hits: list[Hit], index: LineIndex, relpath: str, detector: str) -> list[Reference]:
    """References for hits, one per (offset, text) (several readings chained), in text order; the provider
    falls back to a prefix."""
    readings: dict[tuple[int, str], list[Reference]] = {}
    for hit in sorted(hits, key=lambda h: h.offset):
        line, column = index.position(hit.offset)
        reference = Reference(
            text=hit.text,
            path=relpath,
            line=line,
            column=column,
            detector=detector,
            confidence=hit.confidence,
            use=hit.use,
            provider=hit.provider or from_prefix(hit.text),
            note=hit.note,
            known_only=hit.known_only,
        )
        readings.setdefault((hit.offset, hit.text), []).append(reference)
    return [chain(group) for group in readings.values()]
