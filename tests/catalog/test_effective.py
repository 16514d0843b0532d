"""Imported facts fill only what curated records leave unknown, and keep their sources."""

from __future__ import annotations

import shutil
from pathlib import Path

from openwatch.catalog.effective import effective_model
from openwatch.catalog.load import validate_catalog
from openwatch.catalog.views import model_detail

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-risk"
IMPORTED = """\
dataset: epoch
attribution: "Epoch AI, 'Data on AI Models' (test copy)"
data_licence: CC-BY-4.0
retrieved: 2026-11-29
input_sha256: test
enrichments:
  - model: bigco/bolt-max
    record: "epoch:Bolt Max"
    training_compute:
      value: 3.0e+25
      method: hardware
      uncertainty: "Epoch confidence: Likely"
      source: {publisher: "Epoch AI", url: "https://epoch.ai/data/ai-models", status: reported}
    parameters: {total: 400000000000, source: {publisher: "Epoch AI", status: reported}}
  - model: bigco/bolt-8b
    record: "epoch:Bolt 8B"
    parameters: {total: 7900000000, source: {publisher: "Epoch AI", status: reported}}
"""


def test_imported_facts_fill_gaps_and_curated_facts_win(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    shutil.copytree(FIXTURE, root)
    (root / "imported").mkdir()
    (root / "imported" / "epoch.yaml").write_text(IMPORTED)
    catalog, problems = validate_catalog([root])
    assert problems == [] and catalog is not None
    bolt_max = effective_model(catalog.models["bigco/bolt-max"], catalog)
    assert bolt_max.training_compute.value == 3.0e25
    assert bolt_max.training_compute.source is not None
    assert bolt_max.training_compute.source.publisher == "Epoch AI"
    assert bolt_max.parameters.total == 400_000_000_000
    bolt_8b = effective_model(catalog.models["bigco/bolt-8b"], catalog)
    assert bolt_8b.parameters.total == 8_000_000_000  # the curated figure wins
    detail = model_detail(catalog.models["bigco/bolt-max"], catalog)
    assert detail["facts"]["training_compute"]["source"] == "Epoch AI, https://epoch.ai/data/ai-models"
    assert detail["facts"]["training_compute"]["status"] == "reported"
    assert detail["facts"]["parameters"] == {
        "value": {"total": 400_000_000_000, "active": None},
        "source": "Epoch AI",
        "status": "reported",
    }
    assert detail["imported_facts"] == ["epoch:Bolt Max"]
