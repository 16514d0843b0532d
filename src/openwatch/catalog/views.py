"""Plain-data views of catalog records for JSON output: summaries, and every fact with its provenance."""

from __future__ import annotations

from typing import Any

from openwatch.catalog.effective import effective_model
from openwatch.catalog.load import Catalog
from openwatch.catalog.releases import date_text
from openwatch.catalog.schema import Event, Lab, Licence, Model, Source


def source_text(source: Source | None) -> str | None:
    """One line naming a source: publisher, then URL or citation, then date."""
    if source is None:
        return None
    parts = [
        source.publisher,
        source.url or source.citation,
        source.date.isoformat() if source.date else None,
    ]
    return ", ".join(p for p in parts if p)


def model_summary(model: Model, catalog: Catalog) -> dict[str, Any]:
    """The fields `openwatch models --format json` prints for one model."""
    return {
        "id": model.id,
        "name": model.name,
        "lab": model.lab,
        "family": model.family,
        "kind": model.kind,
        "access": model.access.value,
        "licence": model.licence,
        "released": released_text(model),
        "parameters": model.parameters.total,
        "active_parameters": model.parameters.active,
        "training_flop": effective_compute(model, catalog)[0],
        "aliases": [text for _, text in model.aliases.all()],
        "curated": model.curated,
    }


def released_text(model: Model) -> str | None:
    """The release date at the precision its sources give: 2025-08-21, 2025-08 or 2025."""
    if model.released is None:
        return None
    width = {"day": 10, "month": 7, "year": 4}[model.released_precision]
    return model.released.isoformat()[:width]


def effective_compute(model: Model, catalog: Catalog) -> tuple[float | None, str | None, str | None]:
    """Training compute as (value, source, status): the curated value, else an importer's or the base
    model's, else unknown."""
    compute = effective_model(model, catalog).training_compute
    if compute.value is None:
        return None, None, None
    source = compute.source or model.sources[0]
    return compute.value, source_text(source), source.status


def compute_view(model: Model, catalog: Catalog) -> dict[str, Any]:
    """The training compute fact as `openwatch model` prints it: figure or lower bound, how, from where."""
    compute = effective_model(model, catalog).training_compute
    source = compute.source or (model.sources[0] if compute.known else None)
    return {
        "value": compute.value,
        "lower_bound": compute.lower_bound,
        "method": compute.method,
        "uncertainty": compute.uncertainty,
        "derivation": compute.derivation,
        "inherited_from": compute.inherited_from,
        "source": source_text(source),
        "status": source.status if source else None,
    }


def _fact(value: Any, source: Source | None, fallback: Model) -> dict[str, Any]:
    chosen = source or fallback.sources[0]
    return {
        "value": value,
        "source": source_text(chosen),
        "status": chosen.status if source else fallback.status,
    }


def model_detail(model: Model, catalog: Catalog) -> dict[str, Any]:
    """Every fact about a model, each with its source and status (`openwatch model`)."""
    filled = effective_model(model, catalog)
    licence = catalog.licence_of(model)
    detail: dict[str, Any] = model_summary(model, catalog)
    detail.update(
        {
            "facts": {
                "released": {**_fact(detail["released"], None, model), "precision": model.released_precision},
                "access": _fact(model.access.value, None, model),
                "gating": _fact(model.gating, None, model),
                "licence": _fact(licence.name if licence else model.licence, None, model),
                "parameters": _fact(
                    {"total": filled.parameters.total, "active": filled.parameters.active},
                    filled.parameters.source,
                    model,
                ),
                "training_compute": compute_view(model, catalog),
                "components": _fact(
                    filled.components.model_dump(exclude={"source"}), filled.components.source, model
                ),
                "modalities": _fact(model.modalities.model_dump(), None, model),
            },
            "task_breadth": model.task_breadth,
            "base_model": model.base_model,
            "successor": model.successor,
            "snapshots": [
                {
                    "id": s.id,
                    "deprecation_date": s.deprecation_date.isoformat() if s.deprecation_date else None,
                }
                for s in model.snapshots
            ],
            "notes": model.notes,
            "sources": [{"source": source_text(s), "status": s.status} for s in model.sources],
            "status": model.status,
            "defined_in": catalog.origins.get(model.id),
            "imported_facts": [e.record for e in catalog.enrichments.get(model.id, ())],
            "merged_duplicates": [
                {"record": e.record, "why": e.match} for e in catalog.enrichments.get(model.id, ()) if e.match
            ],
        }
    )
    return detail


def event_view(event: Event, claimant: str | None = None) -> dict[str, Any]:
    """One timeline event as plain data; `claimant` names who makes it when the event is a claim."""
    return {
        "date": date_text(event.date, event.date_precision),
        "kind": event.kind.value,
        "summary": event.summary,
        "models": event.models,
        "tier": event.tier,
        "declares": event.declares.value if event.declares else None,
        "denies": event.denies.model_dump(mode="json") if event.denies else None,
        "claim_by": claimant,
        "status": event.status,
        "sources": [source_text(s) for s in event.sources],
        "notes": event.notes,
    }


def lab_view(lab: Lab, model_count: int) -> dict[str, Any]:
    """One lab as plain data (`openwatch labs`)."""
    return {
        "id": lab.id,
        "name": lab.name,
        "country": lab.country,
        "eu_established": lab.eu_established,
        "aliases": lab.aliases,
        "code_of_practice": lab.code_of_practice,
        "models": model_count,
        "events": len(lab.events),
    }


def lab_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """Every lab as plain data with its model count, by id (`openwatch labs`)."""
    counts: dict[str, int] = {}
    for model in catalog.models.values():
        counts[model.lab] = counts.get(model.lab, 0) + 1
    return [lab_view(lab, counts.get(lab.id, 0)) for lab in sorted(catalog.labs.values(), key=lambda x: x.id)]


def licence_view(licence: Licence) -> dict[str, Any]:
    """One licence as plain data (`openwatch licences`)."""
    return {
        "key": licence.key,
        "name": licence.name,
        "id": licence.expression_id,
        "kind": licence.kind,
        "osi_approved": licence.osi_approved,
        "grants": {k: v["value"] for k, v in licence.grants.model_dump().items()},
        "restrictions": [r.kind for r in licence.restrictions],
        "eu_foss_licence_test": licence.eu_foss_licence_test.verdict,
        "status": licence.status,
    }
