"""Name normalisation, hub ids, slugs, data-folder discovery and conservative matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from openwatch.catalog.importers.common import (
    CatalogMatcher,
    ImporterInputError,
    default_data_dir,
    hub_repo_id,
    match_key,
    normalise_name,
    retrieved_date,
    size_tokens,
    slugify,
    strip_date_qualifier,
)
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Aliases, Lab, Model, Source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Llama 3.1-405B", "llama 3.1 405b"),
        ("llama-3.1-405b", "llama 3.1 405b"),
        ("Meta-Llama-3.1-405B", "meta llama 3.1 405b"),
        ("GPT-4o (May 2024)", "gpt 4o may 2024"),
        ("  Qwen2.5-72B-Instruct ", "qwen2.5 72b instruct"),
        ("v1. Model", "v1 model"),
    ],
)
def test_normalise_name(text: str, expected: str) -> None:
    assert normalise_name(text) == expected


def test_strip_date_qualifier() -> None:
    assert strip_date_qualifier("GPT-4 (Mar 2023)") == "GPT-4"
    assert strip_date_qualifier("Llama 4 Behemoth (preview)") is None
    assert strip_date_qualifier("GPT-4") is None


def test_hub_repo_id() -> None:
    assert hub_repo_id("https://huggingface.co/meta-llama/Llama-3.1-8B") == "meta-llama/Llama-3.1-8B"
    assert (
        hub_repo_id("https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main") == "meta-llama/Llama-3.1-8B"
    )
    assert hub_repo_id("https://huggingface.co/datasets/allenai/dolma") is None
    assert hub_repo_id("https://github.com/meta-llama/llama-models") is None
    assert hub_repo_id(None) is None


def test_slugify() -> None:
    assert slugify("Llama 3.1-405B") == "llama-3.1-405b"
    assert slugify("AWD-LSTM (WT2)") == "awd-lstm-wt2"


def test_default_data_dir_is_the_repositorys_vendored_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENWATCH_DATA", raising=False)
    found = default_data_dir()
    assert found == Path(__file__).resolve().parents[3] / "data" / "sources"
    assert (found / "epoch" / "notable_ai_models.csv").is_file()
    monkeypatch.setenv("OPENWATCH_DATA", "/elsewhere")
    assert default_data_dir() == Path("/elsewhere")


def test_no_data_folder_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OPENWATCH_DATA", raising=False)
    monkeypatch.setattr("openwatch.catalog.importers.common.REPOSITORY_SOURCES", tmp_path / "absent")
    with pytest.raises(ImporterInputError, match="pass --data DIR"):
        default_data_dir()


def test_retrieved_date_from_source_md(data_dir: Path, tmp_path: Path) -> None:
    assert retrieved_date(data_dir / "epoch" / "SOURCE.md").isoformat() == "2026-11-29"
    with pytest.raises(ImporterInputError):
        retrieved_date(tmp_path / "SOURCE.md")


def _catalog() -> Catalog:
    src = [Source(publisher="test")]
    meta = Lab(id="meta", name="Meta", aliases=["Meta AI", "Facebook AI Research"])
    other = Lab(id="stanford", name="Stanford University")
    models = {
        m.id: m
        for m in (
            Model(
                id="meta/llama-3.1-405b",
                name="Llama 3.1 405B",
                lab="meta",
                family="Llama 3.1",
                aliases=Aliases(hub=["meta-llama/Llama-3.1-405B"]),
                sources=src,
            ),
            Model(
                id="meta/llama-3.1-405b-instruct",
                name="Llama 3.1 405B Instruct",
                lab="meta",
                family="Llama 3.1",
                sources=src,
            ),
        )
    }
    index = {"meta-llama/llama-3.1-405b": "meta/llama-3.1-405b", "meta/llama-3.1-405b": "meta/llama-3.1-405b"}
    return Catalog(labs={"meta": meta, "stanford": other}, models=models, licences={}, alias_index=index)


def test_matcher_is_conservative() -> None:
    matcher = CatalogMatcher(_catalog())
    assert matcher.lab_for("Meta AI") == "meta"
    assert matcher.lab_for("Facebook AI Research,University of X") == "meta"
    assert matcher.lab_for("University of X,Meta AI") is None  # only the lead organisation counts
    found = matcher.by_name("Llama 3.1-405B", "meta")
    assert found is not None and found.model_id == "meta/llama-3.1-405b"
    assert matcher.by_name("Llama 3.1-405B", "stanford") is None  # wrong lab: no match
    assert matcher.by_name("Llama 3.1-405B", None) is None
    assert matcher.by_name("Llama 3.1", "meta") is None
    hub = matcher.by_hub_id(["Meta-Llama/Llama-3.1-405B"])
    assert hub is not None and hub.model_id == "meta/llama-3.1-405b"


def test_hub_match_rejected_when_sizes_disagree() -> None:
    matcher = CatalogMatcher(_catalog())
    assert matcher.by_hub_id(["meta-llama/Llama-3.1-405B"], "Llama-3.1-8B") is None
    agreed = matcher.by_hub_id(["meta-llama/Llama-3.1-405B"], "Llama 3.1 405B")
    assert agreed is not None and agreed.model_id == "meta/llama-3.1-405b"


def test_instruct_and_it_are_the_same_name() -> None:
    assert match_key("Gemma 1.1 7B IT") == match_key("Gemma 1.1 7B Instruct")
    assert size_tokens("CodeGemma-7B") == {"7b"}
