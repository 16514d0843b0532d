"""Helpers the format tests share: paths, the CLI runner, hostile texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401  (registers the commands)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "chat-assistant"
SARIF_SCHEMA = ROOT / "data" / "sources" / "schemas" / "sarif-schema-2.1.0.json"
TODAY = "2026-11-29"
HOSTILE_TEXTS = ("<img src=x onerror=alert(1)>", "](javascript:alert(1))", "evil\x1b[31mred\x1b]0;pwned\x07")
"""Model ids planted in code; the first is also a file name."""

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    """Run the CLI; (exit code, stdout)."""
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def audit_json(path: Path, *args: str) -> dict[str, Any]:
    """The JSON document `openwatch audit --format json` prints for a path."""
    code, out = run("audit", str(path), "-f", "json", "--today", TODAY, *args)
    assert code in (0, 1), out
    document: dict[str, Any] = json.loads(out)
    return document
