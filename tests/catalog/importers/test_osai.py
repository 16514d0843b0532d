"""The European Open Source AI Index importer on the real records: dimensions, attribution, determinism."""

from __future__ import annotations

from pathlib import Path

import yaml

from openwatch.catalog.imported import ImportedFile
from openwatch.catalog.importers.common import curated_catalog
from openwatch.catalog.importers.osai import dimensions, import_osai


def test_llama_3_1_dimensions(data_dir: Path) -> None:
    record = yaml.safe_load((data_dir / "osai-index" / "llama-3.1.yaml").read_text(encoding="utf-8"))
    assert dimensions(record) == {
        "datasources_basemodel": "closed",
        "datasources_endmodel": "closed",
        "weights_basemodel": "partial",
        "weights_endmodel": "closed",
        "trainingcode": "partial",
        "code": "partial",
        "hardware_architecture": "partial",
        "preprint": "open",
        "paper": "closed",
        "modelcard": "partial",
        "datasheet": "closed",
        "licenses": "closed",
    }


def test_import_osai(data_dir: Path, tmp_path: Path) -> None:
    summary = import_osai(data_dir, tmp_path)
    out = ImportedFile.model_validate(yaml.safe_load((tmp_path / "osai.yaml").read_text(encoding="utf-8")))
    assert summary.rows == 193
    assert summary.matched == len(out.enrichments)
    assert summary.matched + sum(summary.skipped.values()) == 193
    assert "10.5281/zenodo.15386042" in out.attribution and "FAccT" in out.attribution
    assert out.data_licence == "CC-BY-4.0"
    catalog, _ = curated_catalog()
    target = catalog.lookup("meta-llama/Meta-Llama-3.1-405B-Instruct")
    records = {e.record: e for e in out.enrichments}
    if target is not None:
        assert records["osai:llama-3.1.yaml"].model == target.id
        dims = records["osai:llama-3.1.yaml"].osai_dimensions
        assert dims is not None and dims["preprint"] == "open" and dims["licenses"] == "closed"
    for enrichment in out.enrichments:
        assert enrichment.osai_dimensions
        assert set(enrichment.osai_dimensions.values()) <= {"open", "partial", "closed"}


def test_two_runs_are_byte_identical(data_dir: Path, tmp_path: Path) -> None:
    import_osai(data_dir, tmp_path / "a")
    import_osai(data_dir, tmp_path / "b")
    assert (tmp_path / "a" / "osai.yaml").read_bytes() == (tmp_path / "b" / "osai.yaml").read_bytes()
