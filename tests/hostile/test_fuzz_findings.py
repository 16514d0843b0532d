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


def test_python_lines_are_numbered_as_python_numbers_them_even_after_a_lone_carriage_return() -> None:
    # Found by bench/fuzz_long.py (2,000 inputs a property): the property's own line count ignored a lone
    # \r, which Python's tokenizer (and ast) take as a line break; the detector was right, the oracle wrong.
    text = "\r].get('model', "
    detection = detect_python_source(text, "a.py", CONTEXT)
    assert detection.degraded
    assert [(r.text, r.line, r.column) for r in detection.references] == [("model", 2, 7)]
    parsed = detect_python_source("x = 1\rclient.create(model='gpt-4o')\n", "b.py", CONTEXT)
    assert [(r.text, r.line) for r in parsed.references] == [("gpt-4o", 2)]
