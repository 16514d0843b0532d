"""`openwatch resolve` and `openwatch catalog unmapped` as a user runs them: JSON shape and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

runner = CliRunner()

OVERLAY_LAB = """
lab:
  id: widgetco
  name: WidgetCo
  aliases: [widgetco-ai]
  sources: [{publisher: openwatch test overlay, status: reported}]
models:
  - id: widgetco/widget-7b-instruct
    name: Widget 7B Instruct
    lab: widgetco
    family: Widget
    access: open-weights-unrestricted
    licence: apache-2.0
    aliases: {hub: [widgetco-ai/Widget-7B-Instruct], api: [widget-7b-instruct-2025-01-01]}
    sources: [{publisher: openwatch test overlay, status: reported}]
"""


@pytest.fixture(scope="module")
def _module_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One catalog cache for the module, so the bundled catalog is compiled once."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _own_cache(monkeypatch: pytest.MonkeyPatch, _module_cache: Path) -> None:
    monkeypatch.setenv("OPENWATCH_CACHE", str(_module_cache))


@pytest.fixture(scope="module")
def overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-lab overlay folder whose model the bundled catalog does not have."""
    folder = tmp_path_factory.mktemp("overlay")
    (folder / "labs").mkdir(parents=True)
    (folder / "labs" / "widgetco.yaml").write_text(OVERLAY_LAB, encoding="utf-8")
    return folder


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_resolve_json_is_a_list_of_text_and_model(overlay: Path) -> None:
    rows = _json(
        [
            "resolve",
            "TheBloke/Widget-7B-Instruct-GGUF",
            "widget-7b-instruct-2025-01-01",
            "no-such-model-anywhere",
            "--format",
            "json",
            "--catalog",
            str(overlay),
        ]
    )
    assert [(r["text"], r["model"]) for r in rows] == [
        ("TheBloke/Widget-7B-Instruct-GGUF", "widgetco/widget-7b-instruct"),
        ("widget-7b-instruct-2025-01-01", "widgetco/widget-7b-instruct"),
        ("no-such-model-anywhere", None),
    ]
    assert rows[0]["lab"] == "widgetco"
    assert rows[0]["licence"] == "apache-2.0"
    assert rows[0]["method"] == "derived: quantisation"
    assert rows[2]["method"] == "unresolved"
    assert set(rows[0]) == {"text", "model", "lab", "licence", "method", "matched", "provider", "note"}


def test_resolve_against_the_bundled_catalog() -> None:
    rows = _json(["resolve", "together_ai/meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", "--format", "json"])
    assert rows[0]["model"] == "meta/llama-3.1-8b-instruct"
    assert rows[0]["provider"] == "together_ai"
    assert rows[0]["licence"] == "llama-3.1-community"


def test_resolve_table_shows_every_text_and_exits_0_when_unresolved(overlay: Path) -> None:
    result = runner.invoke(
        app, ["resolve", "widgetco-ai/Widget-7B-Instruct", "azure/team-deployment", "--catalog", str(overlay)]
    )
    assert result.exit_code == 0, result.output
    assert "1 of 2 resolved" in result.stdout
    assert "widgetco" in result.stdout


def test_resolve_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["resolve"]).exit_code == 2
    assert runner.invoke(app, ["resolve", "gpt-4o", "--format", "xml"]).exit_code == 2


def test_resolve_with_a_missing_overlay_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["resolve", "gpt-4o", "--catalog", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "overlay folder does not exist" in " ".join(result.output.split())


def test_catalog_unmapped_lists_ids_with_a_reason(tmp_path: Path) -> None:
    data = tmp_path / "data" / "litellm"
    data.mkdir(parents=True)
    entries = {
        "sample_spec": {"mode": "chat"},
        "fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct": {
            "mode": "chat",
            "litellm_provider": "fireworks_ai",
        },
        "fireworks_ai/accounts/fireworks/routers/firerouter": {
            "mode": "chat",
            "litellm_provider": "fireworks_ai",
        },
        "zzz-provider/mystery-model-9000": {"mode": "chat", "litellm_provider": "zzz"},
        "dall-e-3": {"mode": "image_generation", "litellm_provider": "openai"},
    }
    (data / "model_prices_and_context_window.json").write_text(json.dumps(entries), encoding="utf-8")
    out = _json(["catalog", "unmapped", "--format", "json", "--data", str(tmp_path / "data")])
    assert out["total"] == 3
    assert out["resolved"] == 1
    reasons = {row["id"]: row["reason"] for row in out["unmapped"]}
    assert reasons["zzz-provider/mystery-model-9000"] == "no rule"
    assert "router" in reasons["fireworks_ai/accounts/fireworks/routers/firerouter"]


def test_catalog_unmapped_without_data_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["catalog", "unmapped", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "not found" in result.output
