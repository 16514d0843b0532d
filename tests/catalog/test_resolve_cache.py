"""The resolver's name index cached beside the compiled catalog: same answers, rebuilt when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from openwatch.catalog.load import load_catalog
from openwatch.catalog.resolve import Resolver
from openwatch.catalog.resolve_cache import cached_index, index_from_json, index_to_json
from openwatch.catalog.resolve_index import build_index

TEXTS = (
    "gpt-4o",
    "meta-llama/Llama-3.1-8B-Instruct",
    "TheBloke/Llama-2-7B-Chat-GGUF",
    "us.anthropic.claude-3-5-sonnet-20240620-v1:0",
    "llama3.1:8b",
    "not-a-model-at-all",
)


def test_index_round_trips_through_json() -> None:
    catalog = load_catalog(use_cache=False)
    index = build_index(catalog)
    again = index_from_json(index_to_json(index))
    assert again == index


def test_cached_index_is_written_once_and_answers_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENWATCH_CACHE", str(tmp_path))
    load_catalog()  # writes the catalog cache
    catalog = load_catalog()  # read back from it, models validated lazily
    first = cached_index(catalog)
    written = list(tmp_path.glob("resolver-index-*.json"))
    assert len(written) == 1
    assert first == build_index(load_catalog(use_cache=False))
    cached = Resolver(load_catalog())
    fresh = Resolver(load_catalog(use_cache=False))
    for text in TEXTS:
        assert cached.resolve(text) == fresh.resolve(text)


def test_damaged_index_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENWATCH_CACHE", str(tmp_path))
    load_catalog()
    cached_index(load_catalog())
    (written,) = tmp_path.glob("resolver-index-*.json")
    written.write_text("{not json", encoding="utf-8")
    index = cached_index(load_catalog())
    assert index == build_index(load_catalog(use_cache=False))
    assert index_from_json(written.read_bytes()) == index
