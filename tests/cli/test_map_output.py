"""`openwatch map -f FORMAT -o FILE`: the map written to a file in every format, as a user saves it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

runner = CliRunner()


def _map(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["map", "--as-of", "2026-05-01", "--lab", "meta", "--lab", "openai", *args])
    return result.exit_code, result.stdout + result.stderr


def test_map_writes_each_format_to_a_file(tmp_path: Path) -> None:
    for fmt, check in (
        ("json", lambda t: [r["stance"] for r in json.loads(t)] == ["hybrid", "closed"]),
        ("markdown", lambda t: "| Meta |" in t and "hybrid" in t),
        ("html", lambda t: t.startswith("<!DOCTYPE html>") and "Meta" in t),
        ("table", lambda t: "Openness policy map as of 2026-05-01" in t and "\x1b" not in t),
    ):
        target = tmp_path / f"map.{fmt}"
        code, out = _map("-f", fmt, "-o", str(target))
        assert (code, out) == (0, "")
        assert check(target.read_text(encoding="utf-8")), fmt


def test_map_to_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, out = _map("-o", str(tmp_path / "no" / "map.html"))
    assert code == 2 and "does not exist" in out


def test_html_map_shows_since_claims_and_conflicts(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    assert _map("-f", "html", "-o", str(target))[0] == 0
    page = target.read_text(encoding="utf-8")
    assert "since 2026-04 (was open-weight)" in page  # Meta's shift, dated by the Muse Spark release
    assert "TJS AI News Hub, 2026-04-10: hybrid (reported; agrees)" in page
    assert "says there was no frontier-tier open-weights-release after 2019-11-01" in page  # OpenAI
