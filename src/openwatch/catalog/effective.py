"""A model's facts as assessments use them: curated first, imported facts where curated ones are unknown."""

from __future__ import annotations

from typing import Any

from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Model


def _components_unknown(model: Model) -> bool:
    parts = model.components.model_dump(exclude={"source"})
    return all(value == "unknown" for value in parts.values())


def effective_model(model: Model, catalog: Catalog) -> Model:
    """The model with unknown compute, parameters and components filled from imported data, sources kept."""
    updates: dict[str, Any] = {}
    for enrichment in catalog.enrichments.get(model.id, ()):
        compute = enrichment.training_compute
        if (
            model.training_compute.value is None
            and compute
            and compute.value
            and "training_compute" not in updates
        ):
            updates["training_compute"] = compute
        params = enrichment.parameters
        if model.parameters.total is None and params and params.total and "parameters" not in updates:
            updates["parameters"] = params
        if _components_unknown(model) and enrichment.components and "components" not in updates:
            updates["components"] = enrichment.components
    return model.model_copy(update=updates) if updates else model
