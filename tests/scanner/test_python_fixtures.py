"""The Python and notebook detectors against labelled fixture repositories: exact precision and recall."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from test_run_support import settled

from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.detectors.notebook import NotebookDetector
from openwatch.scanner.detectors.python import PythonDetector

FIXTURES = Path(__file__).parent.parent / "fixtures" / "scan" / "python"
REPOS = sorted(path.name for path in FIXTURES.iterdir() if (path / "expected.yaml").is_file())
Row = tuple[str, str, int, str, str | None]


def scan_repo(root: Path) -> dict[str, Detection]:
    """Every Python file and notebook of a fixture repository through its detector, by relative path."""
    detectors: list[Detector] = [PythonDetector(), NotebookDetector()]
    context = ScanContext(root=root)
    results: dict[str, Detection] = {}
    for path in sorted(root.rglob("*")):
        relpath = path.relative_to(root).as_posix()
        for detector in detectors:
            if detector.accepts(relpath):
                results[relpath] = settled(
                    detector.detect(SourceFile(path, relpath, path.read_text("utf-8")), context)
                )
    return results


def labelled(root: Path) -> list[Row]:
    """The labelled references of a fixture repository."""
    document: dict[str, Any] = yaml.safe_load((root / "expected.yaml").read_text("utf-8"))
    return sorted(
        (item["text"], item["path"], item["line"], item["use"], item["provider"])
        for item in document["references"]
    )


def test_every_fixture_repository_is_labelled() -> None:
    """Fixtures cover local loads, hosted APIs, frameworks, values, providers, tuning, notebooks, traps."""
    assert set(REPOS) >= {
        "hf_local",
        "hosted_apis",
        "frameworks",
        "values",
        "providers",
        "finetune",
        "notebooks",
        "traps",
    }


@pytest.mark.parametrize("repo", REPOS)
def test_detected_references_equal_the_labels(repo: str) -> None:
    """Precision and recall are both 1.0: the found rows are exactly the labelled rows."""
    root = FIXTURES / repo
    found = sorted(
        (r.text, r.path, r.line, r.use.value, r.provider)
        for detection in scan_repo(root).values()
        for r in detection.references
    )
    expected = labelled(root)
    assert [row for row in found if row not in expected] == [], "reported but not labelled"
    assert [row for row in expected if row not in found] == [], "labelled but not reported"
    assert found == expected


@pytest.mark.parametrize("repo", REPOS)
def test_references_carry_detector_column_and_confidence(repo: str) -> None:
    """Every reference names its detector, a 1-based column, a confidence in (0, 1], the default context."""
    for relpath, detection in scan_repo(FIXTURES / repo).items():
        detector = "notebook" if relpath.endswith(".ipynb") else "python"
        for reference in detection.references:
            assert reference.detector == detector
            assert reference.column >= 1
            assert 0 < reference.confidence <= 1
            assert reference.context.value == "production"


def test_only_the_broken_notebook_cell_is_a_problem() -> None:
    """Fixture files parse; the notebook with a Python 2 cell reports that cell and still scans the others."""
    problems = {
        f"{repo}/{relpath}": detection.problem
        for repo in REPOS
        for relpath, detection in scan_repo(FIXTURES / repo).items()
        if detection.problem
    }
    assert list(problems) == ["notebooks/broken_cell.ipynb"]
    assert problems["notebooks/broken_cell.ipynb"].startswith(
        "cell 1: syntax error at line 1: Missing parentheses"
    )
