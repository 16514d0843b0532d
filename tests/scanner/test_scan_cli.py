"""`openwatch scan` as a user runs it: JSON shape, tables, filters, ignores, -o FILE, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_run_support import FIXTURES, WordDetector, gguf_bytes, write_overlay
from typer.testing import CliRunner

import openwatch.cli.commands  # noqa: F401  (registers the commands)
from openwatch.cli import app, common
from openwatch.scanner.detectors import registry
from openwatch.scanner.detectors.model_files import GgufDetector, OllamaManifestDetector, SafetensorsDetector

runner = CliRunner()


@pytest.fixture(scope="module")
def overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One catalog overlay (and catalog cache) for the module, so the catalog is compiled once."""
    return write_overlay(tmp_path_factory.mktemp("scan-cli") / "overlay")


@pytest.fixture
def repo(tmp_path: Path, overlay: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture repository copied into tmp_path, plus ignored and vendored files; fixed detectors."""
    monkeypatch.setenv("OPENWATCH_CACHE", str(overlay.parent / "cache"))
    monkeypatch.setattr(
        registry,
        "DETECTOR_CLASSES",
        (WordDetector, GgufDetector, SafetensorsDetector, OllamaManifestDetector),
    )
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo-basic", root)
    (root / ".gitignore").write_text("ignored/\n*.log.py\n", encoding="utf-8")
    (root / "ignored").mkdir()
    (root / "ignored" / "secret.py").write_text("MODEL('alpha-7b-chat')\n", encoding="utf-8")
    (root / "node_modules" / "pkg").mkdir(parents=True)
    (root / "node_modules" / "pkg" / "index.py").write_text("MODEL('alpha-7b-chat')\n", encoding="utf-8")
    (root / "weights").mkdir()
    (root / "weights" / "alpha.gguf").write_bytes(gguf_bytes({"general.name": "Alpha 7B Instruct"}))
    (root / "weights" / "broken.safetensors").write_bytes(b"\xff" * 8 + b"{}")
    return root


def _scan_json(repo: Path, overlay: Path, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["scan", str(repo), "--format", "json", "--catalog", str(overlay), *args])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_lists_models_unresolved_skipped_and_stats(repo: Path, overlay: Path) -> None:
    data = _scan_json(repo, overlay)
    assert set(data) == {"schema_version", "kind", "models", "unresolved", "skipped", "stats"}
    assert (data["schema_version"], data["kind"]) == ("1.0", "scan")
    (model,) = data["models"]
    assert {k: model[k] for k in ("id", "name", "lab", "access", "licence", "count")} == {
        "id": "testlab/alpha-7b",
        "name": "Alpha 7B",
        "lab": "testlab",
        "access": "open-weights-unrestricted",
        "licence": "apache-2.0",
        "count": 5,
    }
    first = model["references"][0]
    assert {k: first[k] for k in ("path", "line", "column", "text", "detector", "context", "use")} == {
        "path": "app/main.py",
        "line": 7,
        "column": 19,
        "text": "testlab/Alpha-7B",
        "detector": "word",
        "context": "production",
        "use": "inference",
    }
    assert {"confidence", "provider"} <= set(first)
    where = sorted((r["path"], r["context"]) for r in model["references"])
    assert where == [
        ("app/main.py", "production"),
        ("docs/guide.md", "docs"),
        ("examples/demo.py", "example"),
        ("tests/check_main.py", "test"),
        ("weights/alpha.gguf", "production"),
    ]
    unresolved = [(u["text"], u["path"], u["line"], u["detector"], u["context"]) for u in data["unresolved"]]
    assert unresolved == [
        ("mystery-model-9000", "app/main.py", 8, "word", "production"),
        ("[red]evil[/red]-model", "app/markup.py", 3, "word", "production"),
    ]
    assert data["skipped"] == [
        {
            "path": "weights/broken.safetensors",
            "reason": "safetensors: header length 18446744073709551615 is over the 100,000,000-byte limit",
            "degraded": False,
        }
    ]
    stats = data["stats"]
    assert stats["files_seen"] == 10 and stats["files_parsed"] == 7 and stats["files_prefiltered_out"] == 2
    assert stats["references"] == 7 and stats["unresolved"] == 2 and stats["bytes"] > 0
    assert "seconds" in stats


def test_gitignore_respected_and_no_ignore(repo: Path, overlay: Path) -> None:
    paths = {r["path"] for m in _scan_json(repo, overlay)["models"] for r in m["references"]}
    assert "ignored/secret.py" not in paths and "node_modules/pkg/index.py" not in paths
    data = _scan_json(repo, overlay, "--no-ignore")
    paths = {r["path"] for m in data["models"] for r in m["references"]}
    assert "ignored/secret.py" in paths and "node_modules/pkg/index.py" not in paths


def test_include_exclude_and_context_filter(repo: Path, overlay: Path) -> None:
    data = _scan_json(repo, overlay, "--include", "*.py", "--exclude", "app/", "--context", "test,example")
    refs = [(r["path"], r["context"]) for m in data["models"] for r in m["references"]]
    assert sorted(refs) == [("examples/demo.py", "example"), ("tests/check_main.py", "test")]
    assert data["unresolved"] == []


def test_output_file_is_written(repo: Path, overlay: Path, tmp_path: Path) -> None:
    out = tmp_path / "inventory.json"
    result = runner.invoke(
        app, ["scan", str(repo), "--format", "json", "-o", str(out), "--catalog", str(overlay)]
    )
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["models"][0]["id"] == "testlab/alpha-7b"
    table_out = tmp_path / "inventory.txt"
    result = runner.invoke(app, ["scan", str(repo), "-o", str(table_out), "--catalog", str(overlay)])
    assert result.exit_code == 0
    assert "Alpha 7B" in table_out.read_text(encoding="utf-8")


def test_table_shows_models_unresolved_skipped_and_escapes_markup(
    repo: Path, overlay: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common.console, "width", 200)
    result = runner.invoke(app, ["scan", str(repo), "--catalog", str(overlay), "--quiet"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Alpha 7B" in out and "testlab/alpha-7b" in out and "app/main.py:7:19" in out
    assert "mystery-model-9000" in out
    assert "[red]evil[/red]-model" in out  # shown as text, not turned into colour
    assert "weights/broken.safetensors" in out
    assert "1 models, 7 references, 2 unresolved" in out


def test_missing_path_and_bad_context_are_errors(repo: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such file or folder" in " ".join(result.stderr.split())
    result = runner.invoke(app, ["scan", str(repo), "--context", "prod"])
    assert result.exit_code == 2 and "unknown context 'prod'" in " ".join(result.stderr.split())


def test_control_characters_from_files_do_not_reach_the_terminal(
    repo: Path, overlay: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common.console, "width", 200)
    (tmp_path / "ansi").mkdir()
    (tmp_path / "ansi" / "a.py").write_text("MODEL('\x1b[2Jevil')\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path / "ansi"), "--catalog", str(overlay)])
    assert result.exit_code == 0
    assert "\x1b[2J" not in result.stdout and "\\x1b[2Jevil" in result.stdout
