"""Import Epoch AI's model tables: compute/parameters for catalog models, and new models of catalog labs."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from openwatch.catalog.duplicates import TwinFinder
from openwatch.catalog.imported import Enrichment, ImportedFile
from openwatch.catalog.importers.common import (
    CatalogMatcher,
    ImporterInputError,
    ImportSummary,
    Match,
    curated_catalog,
    normalise_name,
    require_dir,
    retrieved_date,
    sha256_of_files,
    slugify,
    strip_date_qualifier,
    write_imported,
)
from openwatch.catalog.importers.epoch_compute import positive_number
from openwatch.catalog.importers.epoch_compute import training_compute as compute_from_row
from openwatch.catalog.schema import (
    Access,
    Aliases,
    Components,
    Compute,
    Modalities,
    Model,
    Openness,
    Parameters,
    Source,
)

DATASET = "Epoch AI, 'Data on AI Models'"
CREDIT = (
    "Epoch AI, 'Data on AI Models'. Published online at epoch.ai. "
    "Retrieved from 'https://epoch.ai/data/ai-models' [online resource]."
)
DATA_LICENCE = "CC-BY-4.0"
TABLES = ("notable_ai_models.csv", "large_scale_ai_models.csv", "frontier_ai_models.csv")
SOURCE = Source(publisher=DATASET, url="https://epoch.ai/data/ai-models", citation=CREDIT, status="reported")

ACCESS = {
    "Open weights (unrestricted)": Access.OPEN_UNRESTRICTED,
    "Open weights (restricted use)": Access.OPEN_RESTRICTED,
    "Open weights (non-commercial)": Access.OPEN_NON_COMMERCIAL,
    "API access": Access.API_ONLY,
    "Hosted access (no API)": Access.HOSTED_NO_API,
    "Unreleased": Access.UNRELEASED,
    "": Access.UNKNOWN,
}
CODE_OPENNESS: dict[str, Openness] = {
    "Open source": "open",
    "Open (non-commercial)": "partial",
    "Open (restricted use)": "partial",
    "Open access (non-commercial)": "partial",
    "Open access (restricted use)": "partial",
    "Unreleased": "closed",
}
Row = dict[str, str]


def read_rows(folder: Path) -> tuple[list[Row], list[Path]]:
    """Notable models first, then large-scale and frontier rows not already present; extras fill blanks."""
    rows: dict[str, Row] = {}
    read: list[Path] = []
    for table in TABLES:
        path = folder / table
        if not path.is_file():
            raise ImporterInputError(f"Epoch table not found: {path}")
        read.append(path)
        with path.open(encoding="utf-8", newline="") as handle:
            for raw in csv.DictReader(handle):
                row = {k: (v or "").strip() for k, v in raw.items() if k}
                key = normalise_name(row.get("Model", ""))
                if not key:
                    continue
                if key in rows:
                    for name, value in row.items():
                        if value and not rows[key].get(name):
                            rows[key][name] = value
                else:
                    rows[key] = row | {"_table": table}
    return list(rows.values()), read


def training_compute(row: Row) -> Compute | None:
    """The row's training compute (figure, or a lower bound from the notes) with its source; None if none."""
    return compute_from_row(row, SOURCE)


def parameters(row: Row) -> Parameters | None:
    """The row's parameter count (Epoch gives the total) with source; None when blank."""
    value = positive_number(row.get("Parameters", ""))
    return Parameters(total=round(value), source=SOURCE) if value is not None and value >= 1 else None


def components(row: Row) -> Components | None:
    """Training and inference code openness from Epoch's accessibility columns; None when both are blank."""
    training = CODE_OPENNESS.get(row.get("Training code accessibility", ""), "unknown")
    inference = CODE_OPENNESS.get(row.get("Inference code accessibility", ""), "unknown")
    if training == inference == "unknown":
        return None
    return Components(training_code=training, inference_code=inference, source=SOURCE)


def _kind_and_modalities(domain: str) -> tuple[str, Modalities]:
    parts = {p.strip() for p in domain.split(",")}
    if "Multimodal" in parts:
        return "multimodal", Modalities(input=["text", "image"], output=["text"])
    if "Language" in parts:
        return "llm", Modalities()
    if "Image generation" in parts:
        return "image", Modalities(input=["text"], output=["image"])
    if "Video" in parts:
        return "other", Modalities(input=["other"], output=["video"])
    if "Speech" in parts or "Audio" in parts:
        return "speech", Modalities(input=["other"], output=["other"])
    if "Vision" in parts:
        return "vision", Modalities(input=["image"], output=["other"])
    return "other", Modalities(input=["other"], output=["other"])


def _released(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def new_model(row: Row, lab: str, model_id: str) -> Model:
    """A non-curated model built from one Epoch row."""
    name = row["Model"]
    kind, modalities = _kind_and_modalities(row.get("Domain", ""))
    notes = row.get("Accessibility notes", "")
    return Model(
        id=model_id,
        name=name,
        lab=lab,
        family=re.sub(r"\s*\(.*\)\s*$", "", name) or name,
        kind=kind,  # type: ignore[arg-type]
        released=_released(row.get("Publication date", "")),
        parameters=parameters(row) or Parameters(),
        training_compute=training_compute(row) or Compute(),
        modalities=modalities,
        access=ACCESS.get(row.get("Model accessibility", ""), Access.UNKNOWN),
        licence=None,
        components=components(row) or Components(),
        aliases=Aliases(other=[name]),
        notes=" ".join(notes.split())[:200] or None,
        curated=False,
        sources=[SOURCE],
        status="reported",
    )


def _enrichment(row: Row, model_id: str, match: str | None = None) -> Enrichment | None:
    """The row's compute, parameters and code openness for a catalog model; None if it has none of them."""
    enrichment = Enrichment(
        model=model_id,
        record=f"epoch:{row['Model']}",
        match=match,
        training_compute=training_compute(row),
        parameters=parameters(row),
        components=components(row),
    )
    if enrichment.training_compute or enrichment.parameters or enrichment.components:
        return enrichment
    return None  # a match without any of these facts adds nothing


def _match(matcher: CatalogMatcher, row: Row, lab: str | None) -> Match | None:
    name = row["Model"]
    developer = row.get("Hugging Face developer id", "")
    if developer:
        found = matcher.by_hub_id([f"{developer}/{name.replace(' ', '-')}"], name)
        if found:
            return found
    base = strip_date_qualifier(name)
    return matcher.by_name(name, lab) or (matcher.by_name(base, lab) if base else None)


def import_epoch(data_dir: Path, out_dir: Path) -> ImportSummary:
    """Read the Epoch tables, match them to the curated catalog and write imported/epoch.yaml."""
    folder = require_dir(data_dir / "epoch", "Epoch data")
    rows, read = read_rows(folder)
    catalog, problems = curated_catalog()
    matcher = CatalogMatcher(catalog)
    twins = TwinFinder(catalog.models.values())
    summary = ImportSummary(dataset="epoch", rows=len(rows), catalog_problems=problems)
    enrichments: list[Enrichment] = []
    models: dict[str, Model] = {}
    for row in sorted(rows, key=lambda r: (normalise_name(r["Model"]), r["Model"])):
        org = row.get("Organization", "")
        lab = matcher.lab_for(org) if org else None
        found = _match(matcher, row, lab)
        if found is not None:
            summary.matched += 1
            if (enrichment := _enrichment(row, found.model_id)) is not None:
                enrichments.append(enrichment)
            continue
        if lab is None:
            summary.skipped["organisation is not a catalog lab"] += 1
            if org:
                summary.unmapped_organisations[org] += 1
            continue
        if strip_date_qualifier(row["Model"]):
            summary.skipped["dated snapshot of a model the catalog does not have"] += 1
            continue
        if matcher.named_anywhere(row["Model"]):
            summary.skipped["name of a curated model filed under another lab"] += 1
            continue
        model_id = f"{lab}/{slugify(row['Model'])}"
        candidate = new_model(row, lab, model_id)
        twin = twins.twin(candidate)
        if twin is not None:  # the same model under another name: enrich the curated one, never copy it
            summary.merged += 1
            enrichment = _enrichment(row, twin.model_id, f"probable duplicate of {twin.reason}")
            if enrichment is not None:
                enrichments.append(enrichment)
            continue
        if model_id in catalog.models or model_id in models:
            summary.skipped["id already taken by another model"] += 1
            continue
        models[model_id] = candidate
    summary.created = len(models)
    imported = ImportedFile(
        dataset=DATASET,
        attribution=CREDIT,
        data_licence=DATA_LICENCE,
        retrieved=retrieved_date(folder / "SOURCE.md"),
        input_sha256=sha256_of_files(read, data_dir),
        models=[models[k] for k in sorted(models)],
        enrichments=sorted(enrichments, key=lambda e: (e.model, e.record)),
    )
    summary.output = out_dir / "epoch.yaml"
    write_imported(imported, summary.output)
    return summary
