"""The Epoch AI importer on the real tables: counts, specific rows, attribution and determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from openwatch.catalog.imported import ImportedFile
from openwatch.catalog.importers.common import ImportSummary, curated_catalog
from openwatch.catalog.importers.epoch import CREDIT, SOURCE, import_epoch, read_rows
from openwatch.catalog.importers.epoch_compute import compute_method, training_compute
from openwatch.catalog.load import merged_catalog, package_roots
from openwatch.catalog.schema import Compute


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
    assert summary.matched + summary.merged + summary.created + sum(summary.skipped.values()) == summary.rows
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


def test_rows_that_copy_a_catalog_model_under_another_name_are_merged_into_it(
    run: tuple[ImportSummary, Path],
) -> None:
    summary, root = run
    out = _load(root / "imported" / "epoch.yaml")
    assert summary.merged >= 69
    created = {model.name for model in out.models}
    assert {
        "Llama 3.3 70B",
        "Llama 4 Scout",
        "Mixtral 8x7B",
        "OLMo 2 Furious 7B",
        "GPT-4.5",
    } & created == set()
    scout = [e for e in out.enrichments if e.record == "epoch:Llama 4 Scout"]
    assert [e.model for e in scout] == ["meta/llama-4-scout-17b-16e"]
    assert scout[0].match and scout[0].match.startswith("probable duplicate of meta/llama-4-scout-17b-16e")
    assert any("merged" in line and "probable duplicates" in line for line in summary.lines())


def test_compute_figures_and_bounds_are_read_from_epochs_notes() -> None:
    def notes(text: str) -> Compute | None:
        return training_compute({"Training compute notes": text}, SOURCE)

    estimate = notes("Training compute estimated to be 3.8e25 FLOP from benchmark scores. https://colab…")
    assert estimate is not None and estimate.value == 3.8e25 and estimate.method == "estimated"
    assert estimate.uncertainty == "Epoch's notes: estimated from benchmark scores"
    interval = notes(
        "Training compute estimated to be 7.36001e+24 from benchmark scores. 90% CI [3.23e+24, 2.05e+25]"
    )
    assert (
        interval is not None
        and interval.uncertainty is not None
        and "90% CI [3.23e+24, 2.05e+25]" in interval.uncertainty
    )
    bound = notes("Flagship model from a leading developer in mid-2025; very likely it used >1e25 FLOP.")
    assert bound is not None and bound.value is None and bound.lower_bound == 1e25
    assert bound.uncertainty == "Epoch's notes: very likely more than 1e+25 FLOP (no figure)"
    after = notes(
        "Unlikely to use >1e25 FLOP (lightweight embedding model). Meanwhile, >1e23 FLOP is likely given"
    )
    assert after is not None and after.lower_bound == 1e23
    for vague in (
        "Unlikely to be >1e25 FLOP given ERNIE 4.5 was <1e25 FLOP.",
        "Plausibly over 1e25 FLOP. Performs similarly to Veo-2/3.",
        "Benchmark performance better than Nova Pro. Hence could be >1e25 FLOP, but it's uncertain.",
    ):
        assert notes(vague) is None, vague
    figure = training_compute({"Training compute (FLOP)": "2.1e25", "Confidence": "Likely"}, SOURCE)
    assert figure is not None and figure.value == 2.1e25 and figure.lower_bound is None
