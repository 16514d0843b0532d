"""API retirements apply to the provider the code uses: a host's retirement is not the Hub model's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hosted-deprecation"
runner = CliRunner()


def _audit(project: Path) -> dict[str, Any]:
    """`openwatch audit PROJECT --format json` with the fixture's catalog overlay, as printed."""
    args = [
        "audit",
        str(project),
        "--format",
        "json",
        "--catalog",
        str(FIXTURE / "catalog"),
        "--today",
        "2026-11-29",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _retirement_findings(report: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(f["rule"], f["model"]) for f in report["findings"] if f["rule"].startswith("stance.api-")]


def test_a_hub_model_is_not_flagged_with_a_hosts_retirement(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(FIXTURE / "project" / "hub_agent.py", project)
    report = _audit(project)
    (model,) = [m for m in report["models"] if m["id"] == "swiftlab/swift-70b-instruct"]
    assert model["assessment"]["stance"]["retirements"] == []
    assert _retirement_findings(report) == []


def test_the_same_model_through_the_host_is_flagged() -> None:
    report = _audit(FIXTURE / "project")
    (model,) = [m for m in report["models"] if m["id"] == "swiftlab/swift-70b-instruct"]
    assert [r["snapshot"] for r in model["assessment"]["stance"]["retirements"]] == [
        "together_ai/swiftlab/Swift-70B-Instruct"
    ]
    assert _retirement_findings(report) == [("stance.api-retired", "swiftlab/swift-70b-instruct")]
