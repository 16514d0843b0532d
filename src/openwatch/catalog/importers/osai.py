"""Import the European Open Source AI Index: open/partial/closed per openness dimension for catalog models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

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

DATASET = "European Open Source AI Index (osai-index.eu), main database"
ATTRIBUTION = (
    "European Open Source AI Index, https://osai-index.eu/ (Language-Technology-Assessment/main-database "
    "@376230f1), index files at Zenodo doi:10.5281/zenodo.15386042. Liesenfeld, A. and Dingemanse, M., 2024. "
    "Rethinking open source generative AI: open-washing and the EU AI Act. In Proceedings of the 2024 ACM "
    "Conference on Fairness, Accountability, and Transparency (FAccT '24), pp. 1774-1787."
)
DATA_LICENCE = "CC-BY-4.0"
DIMENSIONS = (
    "datasources_basemodel",
    "datasources_endmodel",
    "weights_basemodel",
    "weights_endmodel",
    "trainingcode",
    "code",
    "hardware_architecture",
    "preprint",
    "paper",
    "modelcard",
    "datasheet",
    "licenses",
)
CLASSES = {"open", "partial", "closed"}


def dimensions(data: dict[str, Any]) -> dict[str, str]:
    """The index's class for each of the 12 dimensions the record states (missing ones are left out)."""
    out: dict[str, str] = {}
    for name in DIMENSIONS:
        entry = data.get(name)
        value = entry.get("class") if isinstance(entry, dict) else None
        if isinstance(value, str) and value.strip().lower() in CLASSES:
            out[name] = value.strip().lower()
    return out


def import_osai(data_dir: Path, out_dir: Path) -> ImportSummary:
    """Read every index record, match it to the curated catalog and write imported/osai.yaml."""
    folder = require_dir(data_dir / "osai-index", "European Open Source AI Index data")
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ImporterInputError(f"no index records (*.yaml) in {folder}")
    catalog, problems = curated_catalog()
    matcher = CatalogMatcher(catalog)
    summary = ImportSummary(dataset="osai", rows=len(files), catalog_problems=problems)
    enrichments: list[Enrichment] = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            summary.skipped["not valid YAML"] += 1
            continue
        if not isinstance(data, dict) or not isinstance(data.get("system"), dict):
            summary.skipped["no system section"] += 1
            continue
        system, org = data["system"], data.get("org")
        organisation = org.get("name") if isinstance(org, dict) else None
        found = matcher.by_link_or_name(system.get("link"), system.get("endmodelname"), organisation)
        if found is None:
            summary.skipped["no catalog model matches"] += 1
            continue
        summary.matched += 1
        enrichments.append(
            Enrichment(model=found.model_id, record=f"osai:{path.name}", osai_dimensions=dimensions(data))
        )
    imported = ImportedFile(
        dataset=DATASET,
        attribution=ATTRIBUTION,
        data_licence=DATA_LICENCE,
        retrieved=retrieved_date(folder / "SOURCE.md"),
        input_sha256=sha256_of_files(files, data_dir),
        enrichments=sorted(enrichments, key=lambda e: (e.model, e.record)),
    )
    summary.output = out_dir / "osai.yaml"
    write_imported(imported, summary.output)
    return summary
