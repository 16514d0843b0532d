"""The Epoch AI importer on the real tables: counts, specific rows, attribution and determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from openwatch.catalog.imported import ImportedFile
from openwatch.catalog.importers.common import ImportSummary, curated_catalog
from openwatch.catalog.importers.epoch import CREDIT, compute_method, import_epoch, read_rows
from openwatch.catalog.load import merged_catalog, package_roots


def _load(path: Path) -> ImportedFile:
    return ImportedFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def run(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportSummary, Path]:
    """One import of the real tables into imported/ under a temporary root, shared by the tests below."""
    root = tmp_path_factory.mktemp("epoch")
    return import_epoch(data_dir, root / "imported"), root


def test_rows_are_deduplicated_union_of_three_tables(data_dir: Path) -> None:
    rows, read = read_rows(data_dir / "epoch")
    assert [p.name for p in read] == [
        "notable_ai_models.csv",
        "large_scale_ai_models.csv",
        "frontier_ai_models.csv",
    ]
    assert len(rows) == 1313  # 976 notable + 333 large-scale-only + 4 frontier-only names
    by_name = {r["Model"]: r for r in rows}
    assert by_name["GPT-4 (Mar 2023)"]["_table"] == "notable_ai_models.csv"
    assert by_name["GPT-4"]["_table"] == "large_scale_ai_models.csv"
    assert by_name["GPT-4"]["Training compute estimation method"] == "Hardware"  # filled from frontier
    assert by_name["Llama 3.1-405B"]["Hugging Face developer id"] == "meta-llama"  # filled from frontier


def test_compute_method() -> None:
    assert (
        compute_method({"Training compute notes": "Stated in paper.\n\nAlso, 6 * 405B * 15.6T"}) == "reported"
    )
    assert compute_method({"Training compute estimation method": "Hardware"}) == "hardware"
    assert compute_method({"Training compute estimation method": "Operation counting"}) == "6ND"
    assert compute_method({"Training compute notes": "6 FLOP/parameter/token * 5e10 * 2e13"}) == "6ND"
    assert compute_method({"Training compute estimation method": "Benchmarks"}) == "unknown"
    assert compute_method({}) == "unknown"


def test_import_epoch(run: tuple[ImportSummary, Path]) -> None:
    summary, root = run
    out = _load(root / "imported" / "epoch.yaml")
    assert summary.rows == 1313
    assert summary.matched + summary.created + sum(summary.skipped.values()) == summary.rows
    assert out.attribution == CREDIT and out.data_licence == "CC-BY-4.0"
    assert out.retrieved.isoformat() == "2026-11-29" and len(out.input_sha256) == 64
    assert len(out.models) == summary.created
    assert all(not m.curated and m.status == "reported" and m.licence is None for m in out.models)
    assert all(m.aliases.other == [m.name] for m in out.models)

    catalog, _ = curated_catalog()
    llama = [e for e in out.enrichments if e.record == "epoch:Llama 3.1-405B"]
    new_llama = [m for m in out.models if m.name == "Llama 3.1-405B"]
    compute = llama[0].training_compute if llama else new_llama[0].training_compute
    assert compute is not None and compute.value == 3.8e25
    assert compute.method == "reported" and compute.uncertainty == "Epoch confidence: Confident"

    gpt4 = [e for e in out.enrichments if e.record == "epoch:GPT-4"]
    new_gpt4 = [m for m in out.models if m.name == "GPT-4"]
    if "openai" in catalog.labs:
        facts = gpt4[0].training_compute if gpt4 else new_gpt4[0].training_compute
        assert facts is not None and facts.value == 2.1e25 and facts.method == "hardware"
    else:
        assert not gpt4 and not new_gpt4
        assert summary.unmapped_organisations["OpenAI"] > 0


def test_new_model_fields(run: tuple[ImportSummary, Path]) -> None:
    out = _load(run[1] / "imported" / "epoch.yaml")
    for model in out.models:
        assert model.id.startswith(f"{model.lab}/")
        assert model.sources[0].citation == CREDIT
        assert model.notes is None or len(model.notes) <= 200


def test_output_loads_cleanly_as_an_overlay(run: tuple[ImportSummary, Path]) -> None:
    _, problems = merged_catalog([*package_roots(), run[1]])
    assert [p for p in problems if "epoch.yaml" in p.file] == []


def test_two_runs_are_byte_identical(data_dir: Path, tmp_path: Path, run: tuple[ImportSummary, Path]) -> None:
    import_epoch(data_dir, tmp_path)
    assert (tmp_path / "epoch.yaml").read_bytes() == (run[1] / "imported" / "epoch.yaml").read_bytes()


def test_a_co_developed_model_under_another_lab_is_not_duplicated(data_dir: Path, tmp_path: Path) -> None:
    import_epoch(data_dir, tmp_path)
    out = ImportedFile.model_validate(yaml.safe_load((tmp_path / "epoch.yaml").read_text(encoding="utf-8")))
    created = {model.id for model in out.models}
    assert not {m for m in created if "starcoder" in m and not m.startswith("bigcode/")}
