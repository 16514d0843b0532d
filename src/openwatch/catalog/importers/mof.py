"""Import the Model Openness Tool's records: each component's resolved licence for catalog models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from openwatch.catalog.imported import Enrichment, ImportedFile
from openwatch.catalog.importers.common import (
    CatalogMatcher,
    ImporterInputError,
    ImportSummary,
    Match,
    curated_catalog,
    hub_repo_id,
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

CONTENT_TYPES: dict[str, tuple[str, ...]] = {
    "Datasets": ("data", "code", "document"),
    "Data preprocessing code": ("code",),
    "Model architecture": ("code",),
    "Model parameters (Final)": ("data", "code"),
    "Model metadata": ("data",),
    "Model parameters (Intermediate)": ("data",),
    "Training code": ("code",),
    "Inference code": ("code",),
    "Evaluation code": ("code",),
    "Evaluation data": ("data",),
    "Evaluation results": ("document", "code"),
    "Supporting libraries and tools": ("code",),
    "Model card": ("document", "code"),
    "Data card": ("document", "code"),
    "Technical report": ("document", "code"),
    "Research paper": ("document",),
    "Sample model outputs": ("data", "code", "document"),
}
"""Content types of the 17 MOF components, in MOT order (web/modules/mof/config/install/mof.settings.yml)."""


def _licence_name(value: Any) -> str | None:
    """The licence string of a {name, path} entry or a bare string; 'unlicensed' and blanks are None."""
    name = value.get("name") if isinstance(value, dict) else value
    if not isinstance(name, str) or not name.strip() or name.strip().lower() == "unlicensed":
        return None
    return name.strip()


def resolve_components(release: dict[str, Any]) -> dict[str, str | None]:
    """Each component's licence by the MOT rule: own, else global by content type, else distribution."""
    global_licences = release.get("license") or {}
    if not isinstance(global_licences, dict):
        global_licences = {}
    resolved: dict[str, str | None] = {}
    for component in release.get("components") or []:
        if not isinstance(component, dict) or not isinstance(component.get("name"), str):
            continue
        name = component["name"]
        if "license" in component:
            resolved[name] = _licence_name(component["license"])
            continue
        licence = None
        for content_type in CONTENT_TYPES.get(name, ()):
            licence = _licence_name(global_licences.get(content_type))
            if licence:
                break
        resolved[name] = licence or _licence_name(global_licences.get("distribution"))
    return dict(sorted(resolved.items()))


def _match(matcher: CatalogMatcher, release: dict[str, Any]) -> Match | None:
    repo = hub_repo_id(release.get("huggingface"))
    name = release.get("name") if isinstance(release.get("name"), str) else None
    found = matcher.by_hub_id([repo], name) if repo else None
    if found is None and isinstance(release.get("name"), str):
        producer = release.get("producer")
        lab = matcher.lab_for(producer) if isinstance(producer, str) and producer else None
        found = matcher.by_name(release["name"], lab)
    return found


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
        found = _match(matcher, release)
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
