"""Our MOF classes equal the Model Openness Tool's own, computed by its PHP code, for every MOT record."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from openwatch.assess.mof import classify, components_from_record

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "data" / "sources" / "mof"
EXPECTED = ROOT / "tests" / "fixtures" / "mof" / "expected_classes.csv"


def _expected() -> dict[str, dict[str, str]]:
    """Rows of expected_classes.csv by record file name (comment lines skipped)."""
    lines = [line for line in EXPECTED.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {row["record"]: row for row in csv.DictReader(lines)}


@pytest.fixture(scope="module")
def ours() -> dict[str, tuple[int, tuple[float, float, float]]]:
    """Class and progress (III, II, I) we compute for every record file."""
    result = {}
    for path in sorted(RECORDS.glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        mof = classify(components_from_record(record))
        result[path.name] = (mof.mof_class, (mof.progress[3], mof.progress[2], mof.progress[1]))
    return result


def test_every_record_has_an_expected_class(ours: dict[str, tuple[int, tuple[float, ...]]]) -> None:
    """The fixture covers exactly the 273 record files."""
    assert len(ours) == 273
    assert sorted(_expected()) == sorted(ours)


def test_classes_equal_the_mot_classes(ours: dict[str, tuple[int, tuple[float, ...]]]) -> None:
    """classify(components_from_record(yaml)) gives the MOT's class for every record."""
    expected = {name: int(row["class"]) for name, row in _expected().items()}
    assert {name: value[0] for name, value in ours.items()} == expected


def test_progress_equals_the_mot_progress(ours: dict[str, tuple[int, tuple[float, ...]]]) -> None:
    """The per-class progress percentages match the MOT's getProgress() too."""
    expected = {
        name: tuple(round(float(row[f"progress_class_{c}"]), 9) for c in (3, 2, 1))
        for name, row in _expected().items()
    }
    assert {name: tuple(round(p, 9) for p in value[1]) for name, value in ours.items()} == expected


def test_class_distribution() -> None:
    """The MOT's classes over the 273 records: 14 Class I, 1 Class II, 16 Class III, 242 unclassified."""
    counts: dict[int, int] = {}
    for row in _expected().values():
        counts[int(row["class"])] = counts.get(int(row["class"]), 0) + 1
    assert counts == {0: 242, 1: 14, 2: 1, 3: 16}
