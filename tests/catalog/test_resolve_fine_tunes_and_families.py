"""Resolution added for issue 7: fine-tune endings fall back to the base, encoder families, OpenAI speech."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

runner = CliRunner()


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _resolve(*texts: str) -> dict[str, dict[str, Any]]:
    return {row["text"]: row for row in _json(["resolve", *texts, "--format", "json"])}


def test_a_fine_tune_ending_falls_back_to_the_base_and_says_so() -> None:
    rows = _resolve(
        "HuggingFaceM4/idefics2-8b-chatty", "facebook/bart-large-cnn", "bert-base-uncased-finetuned-sst2"
    )
    assert {text: row["model"] for text, row in rows.items()} == {
        "HuggingFaceM4/idefics2-8b-chatty": "huggingface/idefics2-8b",
        "facebook/bart-large-cnn": "meta/bart-large",
        "bert-base-uncased-finetuned-sst2": "google/bert-base-uncased",
    }
    chatty = rows["HuggingFaceM4/idefics2-8b-chatty"]
    assert chatty["method"] == "derived: fine-tune"
    assert chatty["note"].startswith("'idefics2-8b-chatty' is a fine-tune of 'idefics2-8b'")


def test_no_fallback_without_the_base_in_the_catalog_or_from_a_stranger_org() -> None:
    rows = _resolve("acme/zzyzx-9b-chatty", "someuser/bart-large-cnn")
    assert rows["acme/zzyzx-9b-chatty"]["model"] is None
    assert rows["someuser/bart-large-cnn"]["model"] is None
    assert "not its publisher" in rows["someuser/bart-large-cnn"]["note"]


def test_encoder_families_resolve_with_their_licence() -> None:
    rows = _resolve(
        "bert-base-uncased",
        "google-bert/bert-large-cased",
        "t5-small",
        "google/flan-t5-xl",
        "cross-encoder/ms-marco-MiniLM-L-6-v2",
        "cross-encoder/ms-marco-MiniLM-L6-v2",
    )
    assert all(row["licence"] == "apache-2.0" and row["method"] == "alias" for row in rows.values()), rows
    assert (
        rows["cross-encoder/ms-marco-MiniLM-L-6-v2"]["model"]
        == rows["cross-encoder/ms-marco-MiniLM-L6-v2"]["model"]
    )
    detail = _json(["model", "google/bert-base-uncased", "--format", "json"])
    assert (
        detail["released"] == "2018-11" and "European Open Source AI Index" in detail["sources"][0]["source"]
    )


def test_openai_speech_and_realtime_models_resolve() -> None:
    rows = _resolve(
        "gpt-4o-realtime-preview", "gpt-4o-audio-preview", "gpt-4o-mini-tts", "gpt-4o-transcribe", "tts-1"
    )
    assert {text: row["model"] for text, row in rows.items()} == {
        "gpt-4o-realtime-preview": "openai/gpt-4o-realtime-preview",
        "gpt-4o-audio-preview": "openai/gpt-4o-audio",
        "gpt-4o-mini-tts": "openai/gpt-4o-mini-tts",
        "gpt-4o-transcribe": "openai/gpt-4o-transcribe",
        "tts-1": "openai/tts-1",
    }
    assert all(row["licence"] == "proprietary-openai" for row in rows.values())


def test_litellm_speech_coverage_counts_openai_audio_ids() -> None:
    data = _json(["catalog", "unmapped", "--audio", "--format", "json"])
    assert data["resolved"] >= 76
    unmapped = {row["id"] for row in data["unmapped"]}
    assert (
        not {
            "gpt-4o-mini-tts",
            "gpt-4o-transcribe",
            "gpt-realtime",
            "gpt-4o-mini-realtime-preview-2024-12-17",
        }
        & unmapped
    )
