"""Import the Model Openness Tool's records: each component's resolved licence for catalog models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openwatch.assess.mof_class import components_from_record
from openwatch.catalog.importers.common import (
    CatalogMatcher,
    ImportSummary,
    Match,
    RecordSet,
    import_records,
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


def _match(matcher: CatalogMatcher, data: dict[str, Any]) -> Match | None:
    release = data["release"]
    return matcher.by_link_or_name(release.get("huggingface"), release.get("name"), release.get("producer"))


RECORDS = RecordSet(
    dataset=DATASET,
    attribution=ATTRIBUTION,
    data_licence=DATA_LICENCE,
    folder="mof",
    pattern="*.yml",
    what="Model Openness Tool",
    output="mof.yaml",
    prefix="mof",
    section="release",
    match=_match,
    facts=lambda data: {"mof_components": resolve_components(data["release"])},
)


def import_mof(data_dir: Path, out_dir: Path) -> ImportSummary:
    """Read every MOT record, match it to the curated catalog and write imported/mof.yaml."""
    return import_records(RECORDS, data_dir, out_dir)
