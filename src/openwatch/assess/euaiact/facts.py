"""Build FactUsed records from catalog records and settings, each naming its source and status."""

from __future__ import annotations

from typing import Any

from openwatch.assess.euaiact.settings import Settings
from openwatch.catalog.schema import Lab, Licence, Model, Source
from openwatch.domain import FactUsed


def source_text(source: Source | None) -> str | None:
    """A one-line rendering of a catalog source."""
    if source is None:
        return None
    detail = source.citation or source.url
    return f"{source.publisher}: {detail}" if detail else source.publisher


def model_fact(model: Model, name: str, value: Any, source: Source | None = None) -> FactUsed:
    """A fact about a model; the fact's own source when it has one, else the model's first source."""
    chosen = source or (model.sources[0] if model.sources else None)
    status = source.status if source is not None else model.status
    return FactUsed(name=f"model.{name}", value=value, source=source_text(chosen), status=status)


def compute_fact(model: Model) -> FactUsed:
    """The model's training compute: figure or lower bound, method, basis, and the base model it came from."""
    compute = model.training_compute
    value: dict[str, object] = {"flop": compute.value, "method": compute.method, "basis": compute.basis}
    extra = {
        "lower_bound_flop": compute.lower_bound,
        "uncertainty": compute.uncertainty,
        "derivation": compute.derivation,
        "inherited_from": compute.inherited_from,
    }
    value.update({key: item for key, item in extra.items() if item is not None})
    return model_fact(model, "training_compute", value, compute.source)


def lab_fact(lab: Lab, name: str, value: Any) -> FactUsed:
    """A fact about the model's lab."""
    source = lab.sources[0] if lab.sources else None
    status = source.status if source is not None else None
    return FactUsed(name=f"lab.{name}", value=value, source=source_text(source), status=status)


def licence_fact(licence: Licence, name: str, value: Any) -> FactUsed:
    """A fact about the model's licence."""
    source = licence.sources[0] if licence.sources else None
    return FactUsed(name=f"licence.{name}", value=value, source=source_text(source), status=licence.status)


def setting_fact(settings: Settings, name: str) -> FactUsed:
    """One of the user's settings, marked 'given' or 'assumed'."""
    value = getattr(settings, name)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return FactUsed(
        name=f"settings.{name}", value=value, source="user settings", status=settings.status(name)
    )
