"""CycloneDX 1.6 `modelCard` objects from catalog facts (cyclonedx-python-lib does not model them yet)."""

from __future__ import annotations

from typing import Any

from openwatch.formats.text import fact_text


def _sourced(name: str, fact: dict[str, Any] | None, ns: str) -> list[dict[str, str]]:
    """A catalog fact as modelCard properties: its value, then where it came from."""
    if not fact or fact.get("value") in (None, {}, []):
        return []
    out = [{"name": f"{ns}:{name}", "value": fact_text(fact["value"])}]
    if fact.get("source"):
        out.append({"name": f"{ns}:{name}:source", "value": f"{fact['source']} ({fact.get('status')})"})
    return out


def model_card(model: dict[str, Any], ns: str) -> dict[str, Any] | None:
    """A schema-valid modelCard for one model, or None when the catalog has no facts to put in it."""
    card = model["card"]
    facts = card["facts"]
    parameters: dict[str, Any] = {"architectureFamily": model["family"]}
    modalities = card["modalities"]
    if modalities["input"]:
        parameters["inputs"] = [{"format": m} for m in modalities["input"]]
    if modalities["output"]:
        parameters["outputs"] = [{"format": m} for m in modalities["output"]]
    properties = [{"name": f"{ns}:kind", "value": card["kind"]}]
    for name in ("released", "parameters", "training_compute", "components", "access", "gating"):
        properties += _sourced(name, facts.get(name), ns)
    return {"bom-ref": f"modelcard:{model['id']}", "modelParameters": parameters, "properties": properties}


def add_model_cards(bom: dict[str, Any], models: dict[str, dict[str, Any]], ns: str) -> None:
    """Put a modelCard on each catalog model's component of a serialised BOM, in place."""
    for component in bom.get("components", []):
        model = models.get(component.get("bom-ref", ""))
        if model is None:
            continue
        card = model_card(model, ns)
        if card is not None:
            component["modelCard"] = card
