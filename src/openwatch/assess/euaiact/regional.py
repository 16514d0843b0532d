"""Does a licence exclude the EU for this model (R2c)? Reads the licence's regional-exclusion restrictions."""

from __future__ import annotations

from openwatch.catalog.schema import Licence, Model, Restriction

EU_NAMES = {"eu", "eea", "european union", "european economic area"}
MULTIMODAL_WORDS = ("multimodal", "vision", "image")


def _names_eu(restriction: Restriction) -> bool:
    if restriction.regions:
        return any(region.strip().lower() in EU_NAMES for region in restriction.regions)
    return "european union" in restriction.detail.lower()


def _is_multimodal(model: Model) -> bool:
    inputs = set(model.modalities.input) | set(model.modalities.output)
    return model.kind in ("multimodal", "vision") or bool(inputs & {"image", "video"})


def _covers(restriction: Restriction, model: Model) -> bool:
    """True when the exclusion's scope covers this model; an unrecognised scope is taken to cover it."""
    scope = (restriction.applies_to or "").lower()
    if not scope:
        return True
    if any(word in scope for word in MULTIMODAL_WORDS):
        return _is_multimodal(model)
    return True


def eu_exclusion(licence: Licence | None, model: Model) -> str | None:
    """The text of an EU exclusion that covers this model, or None."""
    if licence is None:
        return None
    for restriction in licence.restrictions:
        if (
            restriction.kind == "regional-exclusion"
            and _names_eu(restriction)
            and _covers(restriction, model)
        ):
            scope = f"; applies to: {restriction.applies_to}" if restriction.applies_to else ""
            return f"{licence.name}, {restriction.clause or 'regional exclusion'}{scope}"
    return None
