"""CI habits of `openwatch audit`: -f, --fail-on, --context/--exclude, -o checks, --quiet, exit codes."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from openwatch.cli import CRASH_EXIT, app, commands, main  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "chat-assistant"
runner = CliRunner()


def _audit(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["audit", *args, "--today", "2026-11-29"])
    return result.exit_code, result.stdout, result.stderr


def _json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = _audit(*args, "-f", "json")
    return code, json.loads(out)


def test_short_format_flag_and_fail_on_thresholds() -> None:
    code, data = _json(str(EXAMPLE))
    assert code == 0 and data["verdict"]["passed"]
    code, data = _json(str(EXAMPLE), "--fail-on", "high")
    assert code == 0 and data["verdict"] == {"passed": True, "exit_code": 0, "fail_on": "high", "blocking": 0}
    code, data = _json(str(EXAMPLE), "--fail-on", "medium")
    blocking = [f["rule"] for f in data["findings"] if f["blocking"]]
    assert code == 1 and len(blocking) == data["verdict"]["blocking"] == 6
    assert all(f["severity"] == "medium" for f in data["findings"] if f["blocking"])
    assert data["policy"]["passed"]
    code, _, err = _audit(str(EXAMPLE), "--fail-on", "severe")
    assert code == 2 and "severe" in err


def test_context_and_exclude_leave_tests_and_docs_out() -> None:
    _, everything = _json(str(EXAMPLE))
    contexts = {r["context"] for m in everything["models"] for r in m["references"]}
    assert "docs" in contexts
    _, production = _json(str(EXAMPLE), "--context", "production")
    assert {r["context"] for m in production["models"] for r in m["references"]} == {"production"}
    _, excluded = _json(str(EXAMPLE), "--exclude", "docs/**", "--exclude", "tests/**")
    paths = {r["path"] for m in excluded["models"] for r in m["references"]}
    assert not [p for p in paths if p.startswith(("docs/", "tests/"))]
    code, _, err = _audit(str(EXAMPLE), "--context", "prod")
    assert code == 2 and "unknown context 'prod'" in " ".join(err.split())


def test_output_to_a_missing_folder_is_a_clean_usage_error(tmp_path: Path) -> None:
    for command in (["audit", str(EXAMPLE)], ["scan", str(EXAMPLE)]):
        result = runner.invoke(
            app, [*command, "-f", "json", "-o", str(tmp_path / "no" / "such" / "out.json")]
        )
        assert result.exit_code == 2
        assert "does not exist" in " ".join(result.stderr.split()) and "Traceback" not in result.output
    result = runner.invoke(app, ["audit", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in " ".join(result.stderr.split())


def test_quiet_and_a_missing_policy_file() -> None:
    code, out, _ = _audit(str(EXAMPLE), "--quiet")
    assert code == 0 and "policy holds" in out
    code, _, err = _audit(str(EXAMPLE), "--policy", "/no/such/policy.toml")
    assert code == 2 and "no such file" in " ".join(err.split())


def test_a_broken_catalog_overlay_is_not_exit_1(tmp_path: Path) -> None:
    code, _, err = _audit(str(EXAMPLE), "--catalog", str(tmp_path / "missing-overlay"))
    assert code == 2 and "overlay folder does not exist" in " ".join(err.split())


def test_a_crash_exits_3_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import openwatch.cli.audit_cmds as audit_cmds

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("detector fell over")

    monkeypatch.setattr(audit_cmds, "audit_project", explode)
    monkeypatch.setattr(sys, "argv", ["openwatch", "audit", str(EXAMPLE), "-q"])
    monkeypatch.delenv("OPENWATCH_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == CRASH_EXIT == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: RuntimeError: detector fell over" in err


def test_the_audit_reports_scan_progress(tmp_path: Path) -> None:
    from openwatch.api import audit_project, project_settings, scan_options
    from openwatch.catalog.load import load_catalog

    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project)
    seen: list[str] = []

    class Counter:
        def advance(self, relpath: str, size: int) -> None:
            seen.append(relpath)

    import datetime as dt

    settings = project_settings(project)
    audit_project(
        [project], settings, load_catalog(), scan_options(), dt.date(2026, 11, 29), progress=Counter()
    )
    assert "assistant/cloud.py" in seen
