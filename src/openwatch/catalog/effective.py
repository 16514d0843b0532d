"""A model's facts as assessments use them: curated first, imported facts where curated ones are unknown,
and a base model's training compute for a fine-tune or instruct variant that has none of its own."""

from __future__ import annotations

from typing import Any

from openwatch.catalog.core import Catalog
from openwatch.catalog.schema import Compute, Model

_MAX_BASE_DEPTH = 4
"""How far up a chain of base models compute is inherited (fine-tune of a fine-tune of a base …)."""


def _components_unknown(model: Model) -> bool:
    parts = model.components.model_dump(exclude={"source"})
    return all(value == "unknown" for value in parts.values())


def imported_compute(model: Model, catalog: Catalog) -> Compute | None:
    """An importer's compute for the model: a figure if any record has one, else a lower bound."""
    found = [e.training_compute for e in catalog.enrichments.get(model.id, ()) if e.training_compute]
    return next((c for c in found if c.value is not None), None) or next(
        (c for c in found if c.lower_bound is not None), None
    )


def _own_compute(model: Model, catalog: Catalog) -> Compute | None:
    """The model's own compute (curated, else imported); None when neither knows it."""
    if model.training_compute.known:
        return model.training_compute
    return imported_compute(model, catalog)


def inherited_compute(model: Model, catalog: Catalog) -> Compute | None:
    """The nearest base model's own compute, marked as inherited from that model; None if no base has any."""
    seen = {model.id}
    current = model
    for _ in range(_MAX_BASE_DEPTH):
        base = catalog.models.get(current.base_model) if current.base_model else None
        if base is None or base.id in seen:
            return None
        compute = _own_compute(base, catalog)
        if compute is not None:
            note = f"pre-training compute of the base model {base.id}; the compute spent deriving {model.id} "
            note += "from it is not included"
            return compute.model_copy(
                update={
                    "inherited_from": base.id,
                    "uncertainty": "; ".join(filter(None, (note, compute.uncertainty))),
                }
            )
        seen.add(base.id)
        current = base
    return None


def effective_model(model: Model, catalog: Catalog) -> Model:
    """The model with unknown compute, parameters and components filled from imported data and, for compute,
    from its base model; every filled fact keeps its own source."""
    updates: dict[str, Any] = {}
    if not model.training_compute.known:
        compute = imported_compute(model, catalog) or inherited_compute(model, catalog)
        if compute is not None:
            updates["training_compute"] = compute
    for enrichment in catalog.enrichments.get(model.id, ()):
        params = enrichment.parameters
        if model.parameters.total is None and params and params.total and "parameters" not in updates:
            updates["parameters"] = params
        if _components_unknown(model) and enrichment.components and "components" not in updates:
            updates["components"] = enrichment.components
    return model.model_copy(update=updates) if updates else model
