"""Regression tests for what fuzzing found (tests/hostile/test_fuzz_*.py, bench/fuzz_long.py): each input as
Hypothesis reported it, shrunk, with the behaviour now expected."""

from __future__ import annotations

from pathlib import Path

from openwatch.scanner.detectors.base import ScanContext
from openwatch.scanner.detectors.javascript import detect_js_text
from openwatch.scanner.detectors.python import detect_python_source

CONTEXT = ScanContext(root=Path("/nonexistent-openwatch-fuzz-root"))


def test_unparsable_python_never_reads_the_gap_between_two_literals_as_one() -> None:
    detection = detect_python_source(
        "client.chat.completions.create(os.getenv('M', 'gpt-4o')", "a.py", CONTEXT
    )
    assert detection.degraded
    assert [(r.text, r.column) for r in detection.references] == [
        ("gpt-4o", 47)
    ]  # the quote's column, as before


def test_a_javascript_assignment_cut_off_at_the_end_is_read_without_failing() -> None:
    for text in ("this.model = ", "const model =", "class A { f() { this.llm ="):
        detection = detect_js_text(text, "web/app.ts", CONTEXT)
        assert detection.problem is None and detection.references == ()
