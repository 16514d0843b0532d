"""Resolver tests for local-runtime forms: Ollama tags, Hub repos behind Ollama, GGUF file names."""

from __future__ import annotations

import pytest
from catalog_support import resolve


@pytest.mark.parametrize(
    ("text", "model_id", "method"),
    [
        ("llama3.1", "meta/llama-3.1-8b-instruct", "alias"),
        ("llama3.1:8b", "meta/llama-3.1-8b-instruct", "alias"),
        ("llama3.1:latest", "meta/llama-3.1-8b-instruct", "alias"),
        ("llama3.3:latest", "meta/llama-3.3-70b-instruct", "alias"),
        ("llama3.1:8b-instruct-q4_K_M", "meta/llama-3.1-8b-instruct", "derived: quantisation"),
        ("llama3.1:8b-instruct-fp16", "meta/llama-3.1-8b-instruct", "derived: quantisation"),
        ("llama3.1:8b-instruct", "meta/llama-3.1-8b-instruct", "derived: ollama instruct tag"),
        ("llama2:7b-chat-q5_K_S", "meta/llama-2-7b-chat", "derived: quantisation"),
        ("llama2:7b-text-q4_0", "meta/llama-2-7b", "derived: quantisation"),
        ("qwen2.5:7b", "alibaba/qwen2.5-7b-instruct", "alias"),
        ("gpt-oss:20b-cloud", "openai/gpt-oss-20b", "derived: provider variant"),
    ],
)
def test_ollama_tags(text: str, model_id: str, method: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == (model_id, method)


def test_ollama_text_tag_is_the_base_model_of_the_plain_tag() -> None:
    found = resolve("llama3.1:8b-text-q4_0")
    assert (found.model_id, found.method) == ("meta/llama-3.1-8b", "derived: ollama text tag")


@pytest.mark.parametrize("text", ["llama3.1:70b", "llama3.1:405b-instruct-q4_0", "mystery:7b"])
def test_ollama_tag_of_another_size_is_not_guessed(text: str) -> None:
    found = resolve(text)
    assert found.model_id is None
    assert found.note is not None and "not in the catalog" in found.note


@pytest.mark.parametrize(
    "text",
    [
        "hf.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q4_K_M",
        "hf.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF",
        "huggingface.co/lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF:Q8_0",
    ],
)
def test_hub_repo_behind_ollama(text: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == ("meta/llama-3.1-8b-instruct", "derived: quantisation")


@pytest.mark.parametrize(
    ("text", "model_id"),
    [
        ("Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "meta/llama-3.1-8b-instruct"),
        ("mistral-7b-instruct-v0.2.Q5_K_M.gguf", "mistral/mistral-7b-instruct-v0.2"),
        ("qwen2.5-7b-instruct-q4_k_m-00001-of-00002.gguf", "alibaba/qwen2.5-7b-instruct"),
        ("models/llama-2-7b-chat.Q4_0.gguf", "meta/llama-2-7b-chat"),
        ("C:\\models\\Meta-Llama-3.1-8B-Instruct-IQ4_XS.gguf", "meta/llama-3.1-8b-instruct"),
    ],
)
def test_gguf_file_names(text: str, model_id: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == (model_id, "derived: quantisation (GGUF file)")


@pytest.mark.parametrize("text", ["ggml-model-q4_0.gguf", "model.gguf", "OLMo-7B-Q4_K_M.gguf"])
def test_gguf_file_without_a_known_name_stays_unresolved(text: str) -> None:
    assert resolve(text).model_id is None
