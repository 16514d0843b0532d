"""Shared helpers for the text-detector label tests: run a detector over a fixture folder, load its labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from test_run_support import settled

from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "scan"
KNOWN_MODELS = frozenset({"gpt-4o", "gpt-4", "nomic-embed-text", "mistral", "text-embedding-3-small"})
Row = tuple[str, str, int, int, str, str | None]


def context_for(root: Path) -> ScanContext:
    """A scan context rooted at a folder (`settled` then keeps what needs the catalog for KNOWN_MODELS)."""
    return ScanContext(root=root)


def detect_text(detector: Detector, relpath: str, text: str) -> Detection:
    """Run a detector on an in-memory text."""
    return settled(
        detector.detect(SourceFile(Path(relpath), relpath, text), context_for(Path("."))), KNOWN_MODELS
    )


def detect_folder(detector: Detector, folder: Path) -> tuple[list[Row], dict[str, Detection]]:
    """Rows (text, path, line, column, use, provider) for every accepted file under a folder."""
    rows: list[Row] = []
    detections: dict[str, Detection] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "expected.yaml"):
        relpath = path.relative_to(folder).as_posix()
        if not detector.accepts(relpath):
            continue
        text = path.read_text(encoding="utf-8")
        detection = settled(
            detector.detect(SourceFile(path, relpath, text), context_for(folder)), KNOWN_MODELS
        )
        detections[relpath] = detection
        for ref in detection.references:
            assert ref.detector == detector.id
            rows.append((ref.text, ref.path, ref.line, ref.column, ref.use.value, ref.provider))
    return sorted(rows, key=_order), detections


def expected_rows(folder: Path) -> list[Row]:
    """The labelled references of a fixture folder, from its expected.yaml."""
    data: dict[str, Any] = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    rows = [
        (e["text"], e["path"], e["line"], e["column"], e["use"], e.get("provider"))
        for e in data["references"]
    ]
    return sorted(rows, key=_order)


def _order(row: Row) -> tuple[str, int, int, str]:
    """Sort rows by path, line, column and text."""
    return (row[1], row[2], row[3], row[0])
