"""Resolver tests for Hugging Face forms: exact ids, URLs, revisions, re-uploads, quantisations, ambiguity."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from openwatch.catalog.load import Catalog, validate_catalog
from openwatch.catalog.resolve import Resolver
from openwatch.domain import Resolution

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "catalog-mini"


@cache
def mini_catalog() -> Catalog:
    """The small overlay catalog written for these tests (independent of the bundled data)."""
    catalog, problems = validate_catalog([MINI])
    assert catalog is not None, problems
    return catalog


def resolve(text: str, provider: str | None = None) -> Resolution:
    """Resolve against the mini catalog."""
    return Resolver(mini_catalog()).resolve(text, provider)


@pytest.mark.parametrize(
    "text",
    [
        "meta-llama/Llama-3.1-8B-Instruct",
        "META-LLAMA/llama-3.1-8b-instruct",
        "meta-llama/Meta-Llama-3.1-8B-Instruct",
        "meta/llama-3.1-8b-instruct",
        "  'meta-llama/Llama-3.1-8B-Instruct'  ",
    ],
)
def test_exact_alias_and_id_case_insensitive(text: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == ("meta/llama-3.1-8b-instruct", "alias")
    assert found.text == text


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("meta-llama/Llama-3.1-8B-Instruct@main", "alias (revision)"),
        ("meta-llama/Llama-3.1-8B-Instruct@0e9e39f249a16976918f6564b8830bc894c89659", "alias (revision)"),
        ("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct", "alias"),
        ("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/tree/main", "alias"),
        ("https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json", "alias"),
        ("hf.co/meta-llama/Llama-3.1-8B-Instruct", "alias"),
    ],
)
def test_hub_urls_and_revisions(text: str, method: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == ("meta/llama-3.1-8b-instruct", method)


@pytest.mark.parametrize(
    ("text", "model_id", "method"),
    [
        ("TheBloke/Llama-2-7B-Chat-GGUF", "meta/llama-2-7b-chat", "derived: quantisation"),
        ("TheBloke/Llama-2-7B-Chat-AWQ", "meta/llama-2-7b-chat", "derived: quantisation"),
        ("TheBloke/Llama-2-7B-Chat-GPTQ", "meta/llama-2-7b-chat", "derived: quantisation"),
        (
            "unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit",
            "meta/llama-3.1-8b-instruct",
            "derived: quantisation",
        ),
        ("unsloth/llama-3-8b-Instruct", "meta/llama-3-8b-instruct", "derived: re-upload"),
        (
            "mlx-community/Meta-Llama-3.1-8B-Instruct-4bit",
            "meta/llama-3.1-8b-instruct",
            "derived: quantisation",
        ),
        ("mlx-community/Qwen2.5-7B-Instruct-MLX", "alibaba/qwen2.5-7b-instruct", "derived: quantisation"),
        ("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", "meta/llama-3.1-8b-instruct", "derived: quantisation"),
        (
            "lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF",
            "meta/llama-3.1-8b-instruct",
            "derived: quantisation",
        ),
        (
            "neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8-Dynamic",
            "meta/llama-3.1-8b-instruct",
            "derived: quantisation",
        ),
        ("turboderp/Llama-3.1-8B-Instruct-exl2", "meta/llama-3.1-8b-instruct", "derived: quantisation"),
        ("Qwen/Qwen2.5-7B-Instruct-AWQ", "alibaba/qwen2.5-7b-instruct", "derived: quantisation"),
        ("Qwen/Qwen2.5-7B-Instruct-GPTQ-Int4", "alibaba/qwen2.5-7b-instruct", "derived: quantisation"),
        ("someone/Meta-Llama-3.1-8B-Instruct-GGUF", "meta/llama-3.1-8b-instruct", "derived: quantisation"),
        (
            "someone/Mistral-7B-Instruct-v0.2-8bit",
            "mistral/mistral-7b-instruct-v0.2",
            "derived: quantisation",
        ),
        ("someone/Qwen2.5-7B-Instruct-fp8", "alibaba/qwen2.5-7b-instruct", "derived: quantisation"),
    ],
)
def test_reuploads_and_quantisations_map_to_the_base_model(text: str, model_id: str, method: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == (model_id, method)


def test_quantisation_inherits_the_base_licence() -> None:
    found = resolve("TheBloke/Llama-2-7B-Chat-GGUF")
    assert found.model_id is not None
    assert mini_catalog().models[found.model_id].licence == "llama-2-community"


def test_hf_suffix_is_a_conversion_of_the_same_model() -> None:
    found = resolve("meta-llama/Llama-2-7b-chat")
    assert found.model_id == "meta/llama-2-7b-chat"


def test_stripped_name_matching_two_models_is_ambiguous() -> None:
    found = resolve("TheBloke/OLMo-7B-GGUF")
    assert found.model_id is None
    assert found.note is not None and "ambiguous" in found.note
    assert "ai2/olmo-7b" in found.note and "ai2/olmo-7b-hf" in found.note


@pytest.mark.parametrize(
    "text",
    [
        "acme/SuperModel-13B-GGUF",
        "TheBloke/Totally-Unknown-7B-GGUF",
        "gpt-99",
        "",
        "   ",
        "llama",
        "config.json",
    ],
)
def test_unknown_text_stays_unresolved(text: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == (None, "unresolved")


def test_stranger_org_with_a_base_model_name_is_not_guessed() -> None:
    found = resolve("someone/Llama-3.1-8B-Instruct")
    assert found.model_id is None
    assert found.note is not None and "meta/llama-3.1-8b-instruct" in found.note and "--online" in found.note


def test_resolver_memoises_and_keeps_the_input_text() -> None:
    resolver = Resolver(mini_catalog())
    first = resolver.resolve("TheBloke/Llama-2-7B-Chat-GGUF")
    assert resolver.resolve("TheBloke/Llama-2-7B-Chat-GGUF") is first
    assert first.text == "TheBloke/Llama-2-7B-Chat-GGUF"
