"""Import the European Open Source AI Index: open/partial/closed per openness dimension for catalog models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openwatch.catalog.importers.common import (
    CatalogMatcher,
    ImportSummary,
    Match,
    RecordSet,
    import_records,
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


def _match(matcher: CatalogMatcher, data: dict[str, Any]) -> Match | None:
    system, org = data["system"], data.get("org")
    organisation = org.get("name") if isinstance(org, dict) else None
    return matcher.by_link_or_name(system.get("link"), system.get("endmodelname"), organisation)


RECORDS = RecordSet(
    dataset=DATASET,
    attribution=ATTRIBUTION,
    data_licence=DATA_LICENCE,
    folder="osai-index",
    pattern="*.yaml",
    what="European Open Source AI Index",
    output="osai.yaml",
    prefix="osai",
    section="system",
    match=_match,
    facts=lambda data: {"osai_dimensions": dimensions(data)},
)


def import_osai(data_dir: Path, out_dir: Path) -> ImportSummary:
    """Read every index record, match it to the curated catalog and write imported/osai.yaml."""
    return import_records(RECORDS, data_dir, out_dir)
