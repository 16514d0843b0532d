"""Probable duplicates: imported copies of curated models are merged, never listed, and flagged if seen."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from openwatch.catalog.duplicates import probable_duplicates, twin_of
from openwatch.catalog.load import load_catalog
from openwatch.catalog.schema import Model, Parameters, Source
from openwatch.cli import app, commands  # noqa: F401

runner = CliRunner()
SOURCE = Source(publisher="test")


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _model(
    model_id: str, name: str, *, curated: bool = True, params: int | None = None, day: str = ""
) -> Model:
    return Model(
        id=model_id,
        name=name,
        lab=model_id.split("/")[0],
        family=name,
        parameters=Parameters(total=params),
        released=dt.date.fromisoformat(day) if day else None,
        curated=curated,
        sources=[SOURCE],
    )


def test_a_hosted_id_reaches_the_curated_model_and_its_licence() -> None:
    rows = _json(["resolve", "groq/llama-3.3-70b", "--format", "json"])
    assert rows[0]["model"] == "meta/llama-3.3-70b-instruct"
    assert rows[0]["licence"] == "llama-3.3-community"


def test_the_bundled_catalog_lists_no_copy_of_a_curated_model() -> None:
    ids = {row["id"] for row in _json(["models", "--format", "json"])}
    copies = {
        "meta/llama-3.3-70b",
        "meta/llama-4-scout",
        "anthropic/claude-3.5-sonnet",
        "mistral/mixtral-8x7b",
    }
    copies |= {"openai/gpt-4.5", "ai2/olmo-2-furious-7b"}
    assert ids & copies == set()
    assert {"meta/llama-4-scout-17b-16e", "mistral/mixtral-8x7b-v0.1", "ai2/olmo-2-1124-7b"} <= ids
    assert probable_duplicates(load_catalog().models.values()) == []


def test_the_merged_record_is_shown_on_the_curated_model_with_the_evidence() -> None:
    detail = _json(["model", "ai2/olmo-2-1124-7b", "--format", "json"])
    merged = detail["merged_duplicates"]
    assert [m["record"] for m in merged] == ["epoch:OLMo 2 Furious 7B"]
    assert "the same parameter count" in merged[0]["why"] and "the same release date" in merged[0]["why"]


def test_validate_flags_an_imported_copy_of_a_curated_model(tmp_path: Path) -> None:
    copy = _model("mistral/mixtral-8x7b", "Mixtral 8x7B", curated=False, params=46_700_000_000)
    imported = {
        "dataset": "test",
        "attribution": "test",
        "data_licence": "CC0-1.0",
        "retrieved": "2026-12-01",
        "input_sha256": "0" * 64,
        "models": [copy.model_dump(mode="json", exclude_defaults=True)],
    }
    (tmp_path / "imported").mkdir()
    (tmp_path / "imported" / "copy.yaml").write_text(yaml.safe_dump(imported), encoding="utf-8")
    result = runner.invoke(app, ["catalog", "validate", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        "models[mistral/mixtral-8x7b] id: probable duplicate of curated mistral/mixtral-8x7b-v0.1"
        in result.stdout
    )


def test_twins_prefer_the_base_build_and_the_nearest_date() -> None:
    base = _model("acme/bolt-7b", "Bolt 7B", params=7_000_000_000, day="2024-01-10")
    chat = _model("acme/bolt-7b-instruct", "Bolt 7B Instruct", params=7_000_000_000, day="2024-01-10")
    row = _model("acme/bolt", "Bolt", curated=False, params=7_000_000_000, day="2024-01-12")
    twin = twin_of(row, [chat, base])
    assert twin is not None and twin.model_id == "acme/bolt-7b"
    june = _model("acme/sonnet-0624", "Sonnet (June 2024)", day="2024-06-20")
    october = _model("acme/sonnet-1024", "Sonnet (October 2024)", day="2024-10-22")
    found = twin_of(_model("acme/sonnet", "Sonnet", curated=False, day="2024-06-20"), [october, june])
    assert found is not None and found.model_id == "acme/sonnet-0624"


def test_distinct_models_are_not_twins() -> None:
    v3 = _model("openai/whisper-large-v3", "Whisper large-v3", params=1_550_000_000, day="2023-11-06")
    assert twin_of(_model("openai/w2", "Whisper v2", curated=False, params=1_550_000_000), [v3]) is None
    video = _model("nvidia/c-v", "Cosmos-Predict2-2B-Video2World", params=2_000_000_000, day="2025-06-11")
    image = _model(
        "nvidia/c-i", "Cosmos-Predict2-2B-Text2Image", curated=False, params=2_000_000_000, day="2025-06-11"
    )
    assert twin_of(image, [video]) is None
    clip = _model("openai/clip", "CLIP ViT-L/14", params=370_000_000, day="2021-01-05")
    hires = _model(
        "openai/clip-336", "CLIP (ViT L/14@336px)", curated=False, params=370_000_000, day="2021-01-05"
    )
    assert twin_of(hires, [clip]) is None
    embed_v4 = _model("cohere/embed-v4.0", "Cohere Embed v4.0")
    assert twin_of(_model("cohere/cohere-embed", "Cohere Embed", curated=False), [embed_v4]) is None
    big = _model("acme/bolt-70b", "Bolt 70B", params=70_000_000_000)
    assert twin_of(_model("acme/bolt-7b", "Bolt 7B", curated=False, params=7_000_000_000), [big]) is None
