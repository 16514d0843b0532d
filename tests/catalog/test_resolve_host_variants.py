"""Resolver rules: host speed tiers, colon tags, stacked vendor prefixes, host paths and Bedrock regions."""

from __future__ import annotations

import pytest
from catalog_support import resolve

from openwatch.catalog.resolve_rules import name_keys


@pytest.mark.parametrize(
    "text",
    [
        "fireworks_ai/accounts/fireworks/routers/llama-v3p1-8b-instruct-fast",
        "baseten/meta-llama/Llama-3.1-8B-Instruct-Fast",
        "novita/meta-llama/llama-3.1-8b-instruct-highspeed",
        "empiriolabs/llama-3.1-8b-instruct-ultraspeed",
        "fireworks_ai/llama-v3p1-8b-instruct-fast-us",
    ],
)
def test_host_speed_tiers_and_variant_tags_are_the_same_model(text: str) -> None:
    found = resolve(text)
    assert (found.model_id, found.method) == ("meta/llama-3.1-8b-instruct", "derived: provider variant")


@pytest.mark.parametrize(
    "text", ["empiriolabs/llama-3-1-8b-instruct:variant1", "empiriolabs/llama-3-1-8b-instruct:priority"]
)
def test_host_variant_tags_after_a_colon_are_dropped(text: str) -> None:
    assert resolve(text).model_id == "meta/llama-3.1-8b-instruct"


def test_speed_tier_of_an_unknown_model_stays_unresolved() -> None:
    assert resolve("fireworks_ai/llama-v9-8b-instruct-fast").model_id is None
    assert resolve("gpt-5o-highspeed").model_id is None


def test_stacked_vendor_prefixes_are_all_removed() -> None:
    found = resolve("databricks/databricks-meta-llama-3-3-70b-instruct")
    assert found.model_id == "meta/llama-3.3-70b-instruct"
    assert "llama3370binstruct" in name_keys("databricks-meta-llama-3-3-70b-instruct")


@pytest.mark.parametrize(
    "text",
    ["openinfer/@oi/Llama-3.1-8B-Instruct", "pinstripes/ps/llama-3.1-8b-instruct"],
)
def test_host_namespace_segments_are_skipped(text: str) -> None:
    assert resolve(text).model_id == "meta/llama-3.1-8b-instruct"


def test_india_cross_region_bedrock_prefix() -> None:
    assert resolve("in.meta.llama3-1-8b-instruct-v1:0").model_id == "meta/llama-3.1-8b-instruct"
