"""Baselines suppress accepted findings until they expire, and every entry needs a reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from openwatch.assess.baseline import BaselineError, apply_baseline, load_baseline, render_baseline
from openwatch.assess.findings import Finding, Severity

TODAY = dt.date(2026, 11, 29)


def _finding(rule: str, path: str = "app.py", line: int = 3) -> Finding:
    return Finding(
        rule=rule, severity=Severity.MEDIUM, model="meta/llama-3.1-8b", message=rule, path=path, line=line
    )


def test_baseline_round_trip_suppresses_known_findings(tmp_path: Path) -> None:
    known = [_finding("licence.attribution")]
    path = tmp_path / "baseline.yaml"
    path.write_text(render_baseline(known, "accepted by legal, ticket 42", None, TODAY))
    entries = load_baseline(path)
    moved = _finding("licence.attribution", line=90)  # the same finding after code moved
    new = _finding("stance.no-open-successor")
    result = apply_baseline([moved, new], entries, TODAY)
    assert result.suppressed == 1
    assert [f.suppressed_by for f in result.findings] == ["accepted by legal, ticket 42", None]


def test_expired_entries_stop_suppressing_and_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "baseline.yaml"
    path.write_text(render_baseline([_finding("x.rule")], "temporary", dt.date(2026, 11, 1), TODAY))
    result = apply_baseline([_finding("x.rule")], load_baseline(path), TODAY)
    assert result.suppressed == 0
    assert [e.rule for e in result.expired] == ["x.rule"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("version: 1\nentries:\n  - {fingerprint: a, rule: r, reason: ''}\n", "needs a reason"),
        ("version: 1\nentries:\n  - {fingerprint: a, rule: r}\n", "misses reason"),
        ("version: 2\n", "not an openwatch baseline"),
        (
            "version: 1\nentries:\n  - {fingerprint: a, rule: r, reason: x, expires: someday}\n",
            "expires must be a date",
        ),
        ("[unclosed\n", "cannot read baseline"),
    ],
)
def test_malformed_baselines_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(text)
    with pytest.raises(BaselineError, match=message):
        load_baseline(path)
