"""Resolver tests for API ids: dated snapshots, provider prefixes, Bedrock, Vertex and Azure forms."""

from __future__ import annotations

import pytest
from catalog_support import resolve

from openwatch.catalog.resolve import Resolver


@pytest.mark.parametrize(
    ("text", "model_id", "method"),
    [
        ("gpt-4o-2024-11-20", "openai/gpt-4o", "alias"),
        ("gpt-4o-2024-08-06", "openai/gpt-4o", "derived: snapshot"),
        ("claude-3-5-sonnet-20241022", "anthropic/claude-3.5-sonnet-v2", "alias"),
        ("claude-3-haiku-20240307", "anthropic/claude-3-haiku", "alias"),
        ("gemini-1.5-flash-002", "google/gemini-1.5-flash", "derived: snapshot"),
        ("gpt-4o-latest", "openai/gpt-4o", "derived: snapshot"),
        ("gpt-4o-mini-0718", "openai/gpt-4o-mini", "derived: snapshot"),
        ("gemini-1.5-flash-preview-05-14", "google/gemini-1.5-flash", "derived: snapshot"),
        ("mistral-large-2411", "mistral/mistral-large-2411", "alias"),
    ],
)
def test_dated_ids_strip_to_an_alias(text: str, model_id: str, method: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == (model_id, method)


def test_date_is_not_stripped_into_an_unknown_name() -> None:
    assert resolve("gpt-5o-2024-08-06").model_id is None


@pytest.mark.parametrize(
    ("text", "model_id", "provider"),
    [
        ("openai/gpt-4o", "openai/gpt-4o", "openai"),
        ("anthropic/claude-3-5-sonnet-20241022", "anthropic/claude-3.5-sonnet-v2", "anthropic"),
        ("gemini/gemini-1.5-pro", "google/gemini-1.5-pro", "gemini"),
        ("vertex_ai/gemini-1.5-pro-002", "google/gemini-1.5-pro", "vertex_ai"),
        ("openrouter/meta-llama/llama-3.1-8b-instruct", "meta/llama-3.1-8b-instruct", "openrouter"),
        ("groq/llama-3.3-70b-instruct", "meta/llama-3.3-70b-instruct", "groq"),
        (
            "together_ai/meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
            "meta/llama-3.1-8b-instruct",
            "together_ai",
        ),
        (
            "fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct",
            "meta/llama-3.1-8b-instruct",
            "fireworks_ai",
        ),
        ("deepinfra/meta-llama/Meta-Llama-3.1-8B-Instruct", "meta/llama-3.1-8b-instruct", "deepinfra"),
        ("huggingface/meta-llama/Llama-3.1-8B-Instruct", "meta/llama-3.1-8b-instruct", "huggingface"),
        ("mistral/mistral-large-latest", "mistral/mistral-large-2411", "mistral"),
        ("ollama/llama3.1", "meta/llama-3.1-8b-instruct", "ollama"),
        ("ollama_chat/llama3.1:8b", "meta/llama-3.1-8b-instruct", "ollama"),  # one name per provider
        ("bedrock/meta.llama3-1-8b-instruct-v1:0", "meta/llama-3.1-8b-instruct", "bedrock"),
        ("cloudflare/@cf/meta/llama-3.1-8b-instruct-fp8", "meta/llama-3.1-8b-instruct", "cloudflare"),
        ("groq/openai/gpt-oss-20b", "openai/gpt-oss-20b", "groq"),
    ],
)
def test_provider_prefix_sets_via_provider(text: str, model_id: str, provider: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.via_provider) == (model_id, provider)


def test_provider_argument_wins_over_the_prefix() -> None:
    found = resolve("gpt-4o", provider="azure")
    assert (found.model_id, found.via_provider) == ("openai/gpt-4o", "azure")


@pytest.mark.parametrize(
    ("text", "model_id"),
    [
        ("azure/gpt-4o", "openai/gpt-4o"),
        ("azure/eu/gpt-4o-mini-2024-07-18", "openai/gpt-4o-mini"),
        ("azure/global-standard/gpt-4o-2024-08-06", "openai/gpt-4o"),
        ("azure/my-prod-deployment", None),
        ("azure/gpt4o-team-a", None),
    ],
)
def test_azure_deployments_resolve_only_when_the_rest_is_known(text: str, model_id: str | None) -> None:
    found = resolve(text)
    assert (found.model_id, found.via_provider) == (model_id, "azure")


@pytest.mark.parametrize(
    ("text", "model_id"),
    [
        ("meta.llama3-1-8b-instruct-v1:0", "meta/llama-3.1-8b-instruct"),
        ("meta.llama3-8b-instruct-v1:0", "meta/llama-3-8b-instruct"),
        ("us.meta.llama3-1-8b-instruct-v1:0", "meta/llama-3.1-8b-instruct"),
        ("eu.meta.llama3-1-8b-instruct-v1:0", "meta/llama-3.1-8b-instruct"),
        ("apac.anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic/claude-3.5-sonnet"),
        ("us.anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic/claude-3.5-sonnet-v2"),
        ("anthropic.claude-3-haiku-20240307-v1:0", "anthropic/claude-3-haiku"),
        ("bedrock/us-east-1/anthropic.claude-3-haiku-20240307-v1:0", "anthropic/claude-3-haiku"),
        ("us-gov.openai.gpt-oss-20b-1:0", "openai/gpt-oss-20b"),
        ("oci/meta.llama-3.1-8b-instruct", "meta/llama-3.1-8b-instruct"),
        ("databricks/databricks-meta-llama-3-1-8b-instruct", "meta/llama-3.1-8b-instruct"),
    ],
)
def test_bedrock_oci_and_databricks_ids(text: str, model_id: str) -> None:
    assert resolve(text).model_id == model_id


@pytest.mark.parametrize(
    ("text", "model_id"),
    [
        ("claude-3-5-sonnet@20240620", "anthropic/claude-3.5-sonnet"),
        ("claude-3-5-sonnet-v2@20241022", "anthropic/claude-3.5-sonnet-v2"),
        ("vertex_ai/claude-3-haiku@20240307", "anthropic/claude-3-haiku"),
        ("publishers/google/models/gemini-1.5-pro-002", "google/gemini-1.5-pro"),
        (
            "projects/my-proj/locations/us-central1/publishers/google/models/gemini-1.5-pro",
            "google/gemini-1.5-pro",
        ),
        ("models/gemini-1.5-flash", "google/gemini-1.5-flash"),
    ],
)
def test_vertex_forms(text: str, model_id: str) -> None:
    assert resolve(text).model_id == model_id


def test_openai_fine_tune_ids_map_to_their_base() -> None:
    found = resolve("ft:gpt-4o-mini-2024-07-18:acme-corp::9abcDEF1")
    assert (found.model_id, found.method) == ("openai/gpt-4o-mini", "derived: fine-tune (API)")


def test_host_name_without_instruct_names_the_only_chat_model() -> None:
    found = resolve("kyma/llama-3.3-70b")
    assert found.model_id == "meta/llama-3.3-70b-instruct"
    assert found.note is not None and "instruct" in found.note


def test_host_name_without_instruct_prefers_a_base_model_of_that_name() -> None:
    assert resolve("fireworks_ai/accounts/fireworks/models/gemma2-9b").model_id == "google/gemma-2-9b"
    assert resolve("fireworks_ai/accounts/fireworks/models/gemma2-9b-it").model_id == "google/gemma-2-9b-it"


def test_provider_colon_model_forms_resolve_with_their_provider() -> None:
    from openwatch.catalog.load import load_catalog

    resolver = Resolver(load_catalog())
    for text, model, provider in [
        ("openai:gpt-4o", "openai/gpt-4o", "openai"),
        ("google-gla:gemini-2.5-pro", "google/gemini-2.5-pro", "gemini"),
        ("anthropic.claude-3-haiku-20240307-v1:0:200k", "anthropic/claude-3-haiku", None),
    ]:
        found = resolver.resolve(text)
        assert (found.model_id, found.via_provider) == (model, provider), text
    assert resolver.resolve("llama3.1:8b").model_id == "meta/llama-3.1-8b-instruct"
