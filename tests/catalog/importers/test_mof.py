"""The Model Openness Tool importer on the real records: licence resolution, matching, attribution."""

from __future__ import annotations

from pathlib import Path

import yaml

from openwatch.catalog.imported import ImportedFile
from openwatch.catalog.importers.common import curated_catalog
from openwatch.catalog.importers.mof import import_mof, resolve_components


def test_llama_3_1_8b_components_resolve_to_the_distribution_licence(data_dir: Path) -> None:
    record = yaml.safe_load((data_dir / "mof" / "Llama-3.1-8B.yml").read_text(encoding="utf-8"))
    resolved = resolve_components(record["release"])
    assert resolved["Model parameters (Final)"] == "Llama 3.1 Community License Agreement"
    assert resolved["Technical report"] is None  # 'unlicensed' means no licence
    assert resolved["Research paper"] == "arXiv.org perpetual, non-exclusive license 1.0"
    assert "Training code" not in resolved  # not listed, so not included


def test_global_licence_of_the_components_one_content_type_wins_over_distribution() -> None:
    release = {
        "license": {"distribution": {"name": "Apache-2.0"}, "data": {"name": "CC-BY-4.0"}},
        "components": [
            {"name": "Datasets"},
            {"name": "Training code"},
            {"name": "Model card", "license": "MIT"},
            {"name": "Model parameters (Final)"},
            {"name": "Evaluation results"},
        ],
    }
    assert resolve_components(release) == {
        "Datasets": "CC-BY-4.0",
        "Evaluation results": "Apache-2.0",  # its one content type is document: no global, so distribution
        "Model card": "MIT",
        "Model parameters (Final)": "CC-BY-4.0",  # data
        "Training code": "Apache-2.0",
    }


def test_import_mof(data_dir: Path, tmp_path: Path) -> None:
    summary = import_mof(data_dir, tmp_path)
    out = ImportedFile.model_validate(yaml.safe_load((tmp_path / "mof.yaml").read_text(encoding="utf-8")))
    assert summary.rows == 273
    assert summary.matched + sum(summary.skipped.values()) == 273
    assert summary.created == 0 and out.models == []
    assert "MIT" in out.attribution and out.data_licence == "MIT"
    catalog, _ = curated_catalog()
    target = catalog.lookup("meta-llama/Llama-3.1-8B")
    records = {e.record: e for e in out.enrichments}
    if target is not None:
        llama = records["mof:Llama-3.1-8B.yml"]
        assert llama.model == target.id
        assert llama.mof_components is not None
        assert llama.mof_components["Model parameters (Final)"] == "Llama 3.1 Community License Agreement"
    else:
        assert "mof:Llama-3.1-8B.yml" not in records


def test_two_runs_are_byte_identical(data_dir: Path, tmp_path: Path) -> None:
    import_mof(data_dir, tmp_path / "a")
    import_mof(data_dir, tmp_path / "b")
    assert (tmp_path / "a" / "mof.yaml").read_bytes() == (tmp_path / "b" / "mof.yaml").read_bytes()
