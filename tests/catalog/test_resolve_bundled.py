"""The resolver on the real bundled catalog: a few known forms, LiteLLM coverage, and resolving speed."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path
from typing import Any

from openwatch.catalog.importers.litellm import CHAT_MODES, read_model_map
from openwatch.catalog.litellm_coverage import coverage, load_unmapped, unmapped_reason
from openwatch.catalog.load import package_roots, validate_catalog
from openwatch.catalog.resolve import Resolver

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"


@cache
def bundled() -> Resolver:
    """One resolver over the bundled catalog (validated without the cache)."""
    catalog, problems = validate_catalog(package_roots())
    assert catalog is not None, "\n".join(map(str, problems))
    return Resolver(catalog)


@cache
def litellm() -> dict[str, dict[str, Any]]:
    """LiteLLM's model map from the vendored data folder."""
    return read_model_map(SOURCES)


def test_bundled_catalog_resolves_hub_and_quantised_llama() -> None:
    resolver = bundled()
    assert resolver.resolve("meta-llama/Llama-3.1-8B-Instruct").model_id == "meta/llama-3.1-8b-instruct"
    found = resolver.resolve("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF")
    assert (found.model_id, found.method) == ("meta/llama-3.1-8b-instruct", "derived: quantisation")


def test_every_unmapped_entry_has_a_reason_and_resolves_to_nothing() -> None:
    rules = load_unmapped()
    assert rules, "litellm-unmapped.yaml lists no patterns"
    assert all(rule.reason.strip() for rule in rules)
    stale = [k for k in litellm() if unmapped_reason(k, rules) and bundled().resolve(k).model_id is not None]
    assert stale == [], f"listed as unmapped but the resolver maps them: {stale[:10]}"


def test_litellm_coverage_is_at_least_90_percent() -> None:
    result = coverage(litellm(), bundled(), load_unmapped(), CHAT_MODES)
    assert result.total > 3000
    no_rule = [key for key, _, reason in result.unresolved if reason == "no rule"]
    assert result.share >= 0.90, (
        f"{result.resolved}/{result.total} = {result.share:.1%} resolved; "
        f"{result.explained} explained as unmapped; first ids with no rule: {no_rule[:15]}"
    )


def test_resolving_every_litellm_key_is_fast() -> None:
    catalog = bundled().catalog
    keys = list(litellm())
    start = time.perf_counter()
    resolver = Resolver(catalog)
    for key in keys:
        resolver.resolve(key)
    elapsed = time.perf_counter() - start
    assert elapsed < 3.0, f"{len(keys)} keys took {elapsed:.2f}s"
