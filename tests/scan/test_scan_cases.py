"""Cases met in real repositories, each a small fixture: `openwatch scan` finds just the models labelled."""

from __future__ import annotations

import json
from typing import Any

import pytest
from test_run_support import FIXTURES
from typer.testing import CliRunner

import openwatch.cli.commands  # noqa: F401  (registers the commands)
from openwatch.cli import app

runner = CliRunner()
CASES = FIXTURES / "cases"


@pytest.fixture(scope="module")
def found() -> dict[str, list[tuple[int, str]]]:
    """(line, text) of each reference by file, as `openwatch scan CASES --format json` gives; all resolved."""
    result = runner.invoke(app, ["scan", str(CASES), "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["skipped"] == [] and data["unresolved"] == []
    rows: dict[str, list[tuple[int, str]]] = {}
    for model in data["models"]:
        for ref in model["references"]:
            rows.setdefault(ref["path"], []).append((ref["line"], ref["text"]))
    return {path: sorted(found) for path, found in rows.items()}


def test_nested_provider_configs_name_their_models(found: dict[str, list[tuple[int, str]]]) -> None:
    """`{"llm": {"provider": …, "config": {"model": …}}}`; a result row with a `model` field is no config."""
    assert found["nested_configs.py"] == [
        (6, "Qwen/Qwen2.5-32B-Instruct"),
        (7, "all-MiniLM-L6-v2"),
    ]


def test_a_model_picked_from_a_table_at_run_time_is_every_entry(
    found: dict[str, list[tuple[int, str]]],
) -> None:
    assert found["team.py"] == [
        (14, "claude-3-5-sonnet-20241022"),
        (14, "gpt-4.1-nano-2025-04-14"),
    ]


def test_a_config_class_default_is_reported_where_it_is_defined(
    found: dict[str, list[tuple[int, str]]],
) -> None:
    assert found["reranker_config.py"] == [(9, "BAAI/bge-reranker-base")]


def test_a_typescript_table_of_models_by_provider(found: dict[str, list[tuple[int, str]]]) -> None:
    """`const AI_MODELS = { openai: "gpt-4o", … }`; a table of anything else is not read."""
    assert found["models.ts"] == [
        (3, "gpt-4o"),
        (4, "claude-3-haiku-20240307"),
        (5, "gemma2-9b-it"),
    ]


def test_the_model_choices_of_an_html_select(found: dict[str, list[tuple[int, str]]]) -> None:
    """A settings page's `<select>` labelled as a model offers its options; the theme select does not."""
    assert found["options.html"] == [(5, "o1-mini"), (6, "gpt-4o")]


def test_a_colab_form_field_read_only_by_shell_cells_and_its_options(
    found: dict[str, list[tuple[int, str]]],
) -> None:
    """`MODEL_ID = "…"  # @param [...]` used by a `%%bash` curl: the value and every option it offers."""
    assert found["colab_form.ipynb"] == [
        (1, "gemini-1.5-pro-002"),
        (1, "gemini-2.0-flash"),
    ]
