"""The LiteLLM importer: resolved keys become snapshots with retirement dates, deterministic, attributed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from openwatch.catalog.imported import ImportedFile
from openwatch.catalog.importers.common import ImporterInputError
from openwatch.catalog.importers.litellm import build_enrichments, import_litellm
from openwatch.catalog.load import validate_catalog
from openwatch.catalog.resolve import Resolver

MINI = Path(__file__).resolve().parents[2] / "fixtures" / "catalog-mini"

ENTRIES = {
    "gpt-4o-2024-05-13": {"mode": "chat", "litellm_provider": "openai", "deprecation_date": "2026-03-31"},
    "azure/gpt-4o": {"mode": "chat", "litellm_provider": "azure"},
    "fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct": {
        "mode": "chat",
        "litellm_provider": "fireworks_ai",
    },
    "zzz/mystery-model": {"mode": "chat", "litellm_provider": "zzz"},
}


def _data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "litellm"
    folder.mkdir(parents=True)
    (folder / "model_prices_and_context_window.json").write_text(
        json.dumps({"sample_spec": {"mode": "chat"}, **ENTRIES}), encoding="utf-8"
    )
    (folder / "SOURCE.md").write_text("# LiteLLM model map\nCopied 2026-11-29. MIT.\n", encoding="utf-8")
    return tmp_path / "data"


def test_keys_group_into_one_enrichment_per_model() -> None:
    catalog, problems = validate_catalog([MINI])
    assert catalog is not None, problems
    enrichments, matched = build_enrichments(ENTRIES, Resolver(catalog))
    assert matched == 3
    by_model = {e.model: e for e in enrichments}
    assert sorted(by_model) == ["meta/llama-3.1-8b-instruct", "openai/gpt-4o"]
    gpt = by_model["openai/gpt-4o"]
    assert gpt.record == "litellm:openai/gpt-4o"
    assert [s.id for s in gpt.snapshots] == ["azure/gpt-4o", "gpt-4o-2024-05-13"]
    assert gpt.snapshots[1].deprecation_date == dt.date(2026, 3, 31)
    assert gpt.snapshots[0].deprecation_date is None
    assert gpt.snapshots[0].source is None
    source = gpt.snapshots[1].source
    assert source is not None and "1.110.2" in source.publisher and "MIT" in source.publisher


def test_import_writes_attributed_deterministic_yaml(tmp_path: Path) -> None:
    data = _data_dir(tmp_path)
    summary = import_litellm(data, tmp_path / "out")
    out = tmp_path / "out" / "litellm.yaml"
    first = out.read_bytes()
    imported = ImportedFile.model_validate(yaml.safe_load(first))
    assert imported.data_licence == "MIT"
    assert "1.110.2" in imported.attribution and "Berri" in imported.attribution
    assert imported.retrieved == dt.date(2026, 11, 29)
    models = {e.model for e in imported.enrichments}
    assert "meta/llama-3.1-8b-instruct" in models
    assert summary.rows == 4
    assert summary.output == out
    import_litellm(data, tmp_path / "out")
    assert out.read_bytes() == first


def test_missing_model_map_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / "litellm").mkdir()
    with pytest.raises(ImporterInputError, match="not found"):
        import_litellm(tmp_path, tmp_path / "out")
