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
    """(line, text) of each reference by file, resolved or not, as `scan CASES --format json` prints them."""
    result = runner.invoke(app, ["scan", str(CASES), "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["skipped"] == []
    references = [ref for model in data["models"] for ref in model["references"]] + data["unresolved"]
    rows: dict[str, list[tuple[int, str]]] = {}
    for ref in references:
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


def test_a_model_passed_positionally_to_a_wrapper_of_the_sdk(found: dict[str, list[tuple[int, str]]]) -> None:
    """`ask("gpt-4o-mini", …)` and `ask(model="o3-mini", …)` reach `create(model=model)` inside `ask`."""
    assert found["wrapper.py"] == [(10, "gpt-4o-mini"), (10, "o3-mini")]


def test_the_choices_and_default_of_a_gradio_dropdown(found: dict[str, list[tuple[int, str]]]) -> None:
    """The choices and the value of `gr.Dropdown(..., label="Model")`; a Tone radio offers no model."""
    assert found["gradio_app.py"] == [(6, "llama3.2"), (6, "qwen2.5:7b"), (6, "qwen2.5:7b")]


def test_models_in_curl_url_paths_and_json_bodies(found: dict[str, list[tuple[int, str]]]) -> None:
    """`…/models/gemini-2.0-flash:generateContent`, `…/models/org/name`, `-d '{"model": …}'`."""
    assert found["requests.sh"] == [
        (3, "gemini-2.0-flash"),
        (5, "meta-llama/Llama-3.1-8B-Instruct"),
        (7, "gpt-4o-mini"),
    ]


def test_configs_written_by_a_notebook_cell_or_a_heredoc(found: dict[str, list[tuple[int, str]]]) -> None:
    """`%%writefile config.yaml` and `cat > config.yaml <<YAML` are read as YAML; a printed heredoc is not."""
    assert found["writes_config.ipynb"] == [(4, "gpt-4-turbo"), (6, "text-embedding-3-large")]
    assert found["setup_agent.sh"] == [(7, "gpt-4o-mini")]


def test_models_named_by_the_keys_of_a_models_mapping(found: dict[str, list[tuple[int, str]]]) -> None:
    """`models: {"gpt-4o": {api_type: …}}` names each model by its key (MetaGPT, routers)."""
    assert found["agents_config.yaml"] == [(4, "gpt-4o-mini"), (6, "gpt-4o"), (9, "deepseek-chat")]


def test_a_model_set_on_a_config_object_and_a_dict_of_call_settings(
    found: dict[str, list[tuple[int, str]]],
) -> None:
    """`config.llm.model = "…"` configures an object; `{"model": …, "temperature": …}` is a model call's."""
    assert found["roles.py"] == [(7, "gpt-3.5-turbo"), (8, "claude-3-5-sonnet-20240620")]


def test_a_request_body_bound_to_a_payload_variable(found: dict[str, list[tuple[int, str]]]) -> None:
    assert found["speech.py"] == [(8, "speech-2.6-hd")]


def test_a_class_named_like_another_frameworks_is_still_read_by_its_keywords(
    found: dict[str, list[tuple[int, str]]],
) -> None:
    """LlamaIndex's `OpenRouter(model=…)`: agno's declared `OpenRouter` does not apply, the keyword counts."""
    assert found["openrouter_chat.py"] == [(5, "qwen/qwen3-coder:free")]


def test_an_untagged_block_of_env_lines_in_markdown(found: dict[str, list[tuple[int, str]]]) -> None:
    """A fenced block of `KEY=value` lines is read as a `.env` file; the `make run` block is not."""
    assert found["SETUP.md"] == [(7, "openrouter/anthropic/claude-sonnet-4-6")]


def test_names_that_are_no_use_of_a_model(found: dict[str, list[tuple[int, str]]]) -> None:
    """Token counting, cost look-ups, a mocked reply, `openrouter/auto` and a price table are not reported."""
    assert "not_uses.py" not in found
    assert "prices.yaml" not in found


def test_models_returned_by_functions_and_a_replicate_version(
    found: dict[str, list[tuple[int, str]]],
) -> None:
    """A list a function returns and is looped over, a default a function returns, and `owner/name:<hash>`
    (the Replicate model without its version)."""
    assert found["choices.py"] == [
        (18, "claude-3-5-haiku-20241022"),
        (18, "gpt-4o-mini"),
        (19, "gemini-2.0-flash"),
        (21, "stability-ai/sdxl"),
    ]


def test_indexify_graphs_name_their_models_in_yaml_files_and_in_strings_the_code_parses(
    found: dict[str, list[tuple[int, str]]],
) -> None:
    assert found["indexify_graph.yaml"] == [(9, "mistral-large-latest")]
    assert found["indexify_pipeline.py"] == [(12, "gpt-4o-mini")]  # the string nobody parses is not read


def test_hosted_agent_ids_are_kept_unresolved_with_a_note_and_a_run_override_is_the_model() -> None:
    result = runner.invoke(app, ["scan", str(CASES / "hosted_agents.py"), "--format", "json"])
    data: dict[str, Any] = json.loads(result.stdout)
    agents = {(r["line"], r["text"], r["provider"]) for r in data["unresolved"]}
    assert agents == {
        (6, "ag:3996db2b:20240805:french-agent:a8997aab", "mistral"),
        (9, "asst_abc123", "openai"),
        (10, "asst_abc123", "openai"),
    }
    assert all("hosted agent" in r["note"] for r in data["unresolved"])
    assert [m["id"] for m in data["models"]] == ["openai/gpt-4o"]
