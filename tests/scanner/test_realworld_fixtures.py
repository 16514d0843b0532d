"""Patterns met in real public repositories (bench/quality), as small labelled fixtures: exact results."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from test_run_support import settled

from openwatch.scanner.detectors.base import Detector, ScanContext, SourceFile
from openwatch.scanner.detectors.config import ConfigDetector
from openwatch.scanner.detectors.markdown import MarkdownDetector
from openwatch.scanner.detectors.notebook import NotebookDetector
from openwatch.scanner.detectors.python import PythonDetector
from openwatch.scanner.detectors.shell import ShellDetector

FIXTURES = Path(__file__).parent.parent / "fixtures" / "scan" / "realworld"
KNOWN = frozenset({"llama3.2", "phi3", "claude", "Claude", "gpt-4o", "gpt-4o-mini", "gpt-4.1", "voyage-3"})
"""The texts the fixture scan treats as catalog models (bare words must be known to count)."""
Row = tuple[str, str, int]


def scan(folder: str) -> tuple[list[Row], list[str]]:
    """(path, text, line) of every reference under a fixture folder, and the problems reported."""
    detectors: list[Detector] = [
        PythonDetector(),
        NotebookDetector(),
        ConfigDetector(),
        ShellDetector(),
        MarkdownDetector(),
    ]
    root = FIXTURES / folder
    context = ScanContext(root=root)
    rows: list[Row] = []
    problems: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "expected.yaml"):
        relpath = path.relative_to(root).as_posix()
        for detector in (d for d in detectors if d.accepts(relpath)):
            detection = settled(
                detector.detect(SourceFile(path, relpath, path.read_text("utf-8")), context), KNOWN
            )
            rows += [(r.path, r.text, r.line) for r in detection.references]
            problems += [f"{relpath}: {detection.problem}"] if detection.problem else []
    return sorted(set(rows)), problems


def expected(folder: str) -> list[Row]:
    """The labelled (path, text, line) rows of a fixture folder."""
    document: dict[str, Any] = yaml.safe_load((FIXTURES / "expected.yaml").read_text("utf-8"))
    return sorted((row["path"], row["text"], row["line"]) for row in document[folder])


@pytest.mark.parametrize("folder", ["notebooks", "sdk_classes", "keyed", "promptfoo", "commands"])
def test_found_references_equal_the_labels(folder: str) -> None:
    """Precision and recall are 1.0 on each fixture folder, and no file is a problem."""
    found, problems = scan(folder)
    labels = expected(folder)
    assert problems == []
    assert [row for row in found if row not in labels] == [], "reported but not labelled"
    assert [row for row in labels if row not in found] == [], "labelled but not reported"


def test_a_notebook_in_another_language_is_not_read_as_python() -> None:
    """An R notebook's `model <- "gpt-4o"` is not Python: nothing is reported for it."""
    found, _problems = scan("notebooks")
    assert [row for row in found if row[0] == "r_kernel.ipynb"] == []


def test_key_references_name_the_key_and_keep_a_lower_confidence() -> None:
    """A model found through a key says which key, and is less sure than one at a declared SDK call."""
    root = FIXTURES / "keyed"
    path = root / "payloads.py"
    detection = settled(
        PythonDetector().detect(
            SourceFile(path, "payloads.py", path.read_text("utf-8")), ScanContext(root=root)
        ),
        KNOWN,
    )
    by_text = {r.text: r for r in detection.references}
    assert by_text["o3-mini"].note == "key model-id"
    assert by_text["voyage-3"].note == "key model"
    assert all(r.confidence < 1.0 for r in detection.references)
    assert by_text["meta-llama/Llama-3.3-70B-Instruct-Turbo"].provider is None
    assert by_text["mistral/mistral-large-latest"].provider == "mistral"
