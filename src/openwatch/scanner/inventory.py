"""The inventory: a scan's references resolved to catalog models, unresolved ones kept, as plain data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve import Resolver
from openwatch.domain import Reference, Resolution, ScanResult, Skipped
from openwatch.scanner.conditional import first_kept


@dataclass(frozen=True)
class ModelUse:
    """One catalog model and every reference that resolved to it, each with its resolution."""

    model_id: str
    references: tuple[tuple[Reference, Resolution], ...]


@dataclass(frozen=True)
class Inventory:
    """Models used, references left unresolved, files skipped, and the scan's counters."""

    models: tuple[ModelUse, ...]
    unresolved: tuple[Reference, ...]
    skipped: tuple[Skipped, ...]
    stats: Mapping[str, int | float]


def build_inventory(result: ScanResult, resolver: Resolver) -> Inventory:
    """Resolve every reference once per (text, provider), after the scan.

    A `known_only` reference the catalog does not resolve gives way to the reading it chains, or is dropped;
    every other unresolved reference is kept, never dropped. One reference per place and text remains.
    """
    memo: dict[tuple[str, str | None], Resolution] = {}

    def resolution(ref: Reference) -> Resolution:
        """The resolution of a reference's text through its provider (memoised)."""
        key = (ref.text, ref.provider)
        if key not in memo:
            memo[key] = resolver.resolve(ref.text, ref.provider)
        return memo[key]

    def known(ref: Reference) -> bool:
        """True if the reference names a catalog model."""
        model_id = resolution(ref).model_id
        return model_id is not None and model_id in resolver.catalog.models

    by_model: dict[str, list[tuple[Reference, Resolution]]] = {}
    unresolved: list[Reference] = []
    kept = (first_kept(ref, known) for ref in result.references)
    for ref in _one_per_place(ref for ref in kept if ref is not None):
        if known(ref):
            by_model.setdefault(str(resolution(ref).model_id), []).append((ref, resolution(ref)))
        else:
            unresolved.append(ref)
    models = tuple(
        ModelUse(model_id, tuple(refs))
        for model_id, refs in sorted(by_model.items(), key=lambda item: (-len(item[1]), item[0]))
    )
    stats = dict(result.stats)
    stats["references"] = sum(len(use.references) for use in models) + len(unresolved)
    stats["models"] = len(models)
    stats["unresolved"] = len(unresolved)
    return Inventory(models, tuple(unresolved), result.skipped, stats)


def _one_per_place(references: Iterable[Reference]) -> list[Reference]:
    """The most confident reference per place and text, in file order."""
    best: dict[tuple[str, int, int, str], Reference] = {}
    for ref in references:
        key = (ref.path, ref.line, ref.column, ref.text)
        if key not in best or ref.confidence > best[key].confidence:
            best[key] = ref
    return [best[key] for key in sorted(best)]


def reference_dict(ref: Reference) -> dict[str, Any]:
    """A reference as JSON-ready data."""
    return {
        "path": ref.path,
        "line": ref.line,
        "column": ref.column,
        "text": ref.text,
        "detector": ref.detector,
        "confidence": ref.confidence,
        "context": ref.context.value,
        "use": ref.use.value,
        "provider": ref.provider,
        "note": ref.note,
    }


def _model_dict(use: ModelUse, catalog: Catalog) -> dict[str, Any]:
    """One model of the inventory as JSON-ready data, with its references and resolutions."""
    model = catalog.models[use.model_id]
    lab = catalog.labs.get(model.lab)
    references = []
    for ref, resolution in use.references:
        entry = reference_dict(ref)
        entry["resolution"] = {
            "method": resolution.method,
            "matched": resolution.matched,
            "note": resolution.note,
        }
        references.append(entry)
    contexts = sorted({ref.context.value for ref, _ in use.references})
    return {
        "id": model.id,
        "name": model.name,
        "lab": model.lab,
        "lab_name": lab.name if lab is not None else None,
        "family": model.family,
        "access": model.access.value,
        "licence": model.licence,
        "contexts": contexts,
        "count": len(references),
        "references": references,
    }


def inventory_dict(inventory: Inventory, catalog: Catalog) -> dict[str, Any]:
    """The inventory as the JSON `openwatch scan --format json` prints."""
    return {
        "models": [_model_dict(use, catalog) for use in inventory.models],
        "unresolved": [reference_dict(ref) for ref in inventory.unresolved],
        "skipped": [{"path": s.path, "reason": s.reason, "degraded": s.degraded} for s in inventory.skipped],
        "stats": dict(inventory.stats),
    }
