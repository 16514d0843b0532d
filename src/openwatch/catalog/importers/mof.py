"""Import the Model Openness Tool's records: each component's resolved licence for catalog models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from openwatch.assess.mof_class import components_from_record
from openwatch.catalog.imported import Enrichment, ImportedFile
from openwatch.catalog.importers.common import (
    CatalogMatcher,
    ImporterInputError,
    ImportSummary,
    curated_catalog,
    require_dir,
    retrieved_date,
    sha256_of_files,
    write_imported,
)

DATASET = "Model Openness Tool (LF AI & Data), model records"
ATTRIBUTION = (
    "Model Openness Tool, lfai/model_openness_tool models/*.yml @8b5d30e9 (https://mot.isitopen.ai), "
    "Copyright 2024 The Model Openness Tool Authors, MIT License."
)
DATA_LICENCE = "MIT"


def resolve_components(release: dict[str, Any]) -> dict[str, str | None]:
    """Each listed component's licence, resolved exactly as the MOT resolves it (see assess.mof_class)."""
    return dict(sorted(components_from_record(release).items()))


def import_mof(data_dir: Path, out_dir: Path) -> ImportSummary:
    """Read every MOT record, match it to the curated catalog and write imported/mof.yaml."""
    folder = require_dir(data_dir / "mof", "Model Openness Tool data")
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise ImporterInputError(f"no MOT records (*.yml) in {folder}")
    catalog, problems = curated_catalog()
    matcher = CatalogMatcher(catalog)
    summary = ImportSummary(dataset="mof", rows=len(files), catalog_problems=problems)
    enrichments: list[Enrichment] = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            summary.skipped["not valid YAML"] += 1
            continue
        release = data.get("release") if isinstance(data, dict) else None
        if not isinstance(release, dict):
            summary.skipped["no release section"] += 1
            continue
        found = matcher.by_link_or_name(
            release.get("huggingface"), release.get("name"), release.get("producer")
        )
        if found is None:
            summary.skipped["no catalog model matches"] += 1
            continue
        summary.matched += 1
        enrichments.append(
            Enrichment(
                model=found.model_id, record=f"mof:{path.name}", mof_components=resolve_components(release)
            )
        )
    imported = ImportedFile(
        dataset=DATASET,
        attribution=ATTRIBUTION,
        data_licence=DATA_LICENCE,
        retrieved=retrieved_date(folder / "SOURCE.md"),
        input_sha256=sha256_of_files(files, data_dir),
        enrichments=sorted(enrichments, key=lambda e: (e.model, e.record)),
    )
    summary.output = out_dir / "mof.yaml"
    write_imported(imported, summary.output)
    return summary
