"""Openness of a model: access tier, OSI OSAID verdict, Open Source AI Index score, MOF class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openwatch.assess.mof import mof_assessment
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Model
from openwatch.catalog.views import source_text
from openwatch.domain import Citation, FactUsed, RuleResult

OSAID = Citation("Open Source AI Definition 1.0 (OSI, 2024-10-28)", "STANDARD")
OSAI_CATEGORIES: dict[str, tuple[str, ...]] = {
    "availability": (
        "datasources_basemodel",
        "datasources_endmodel",
        "weights_basemodel",
        "weights_endmodel",
        "trainingcode",
    ),
    "documentation": ("code", "hardware_architecture", "preprint", "paper", "modelcard", "datasheet"),
    "access": ("licenses",),
}
OSAI_POINTS = {"open": 1.0, "partial": 0.5, "closed": 0.0}
OSAI_CREDIT = "European Open Source AI Index (osai-index.eu), CC-BY 4.0, doi:10.5281/zenodo.15386042"


@dataclass(frozen=True)
class OpennessAssessment:
    """How open a model is, by three independent yardsticks, with what each is missing."""

    summary: dict[str, Any]
    results: tuple[RuleResult, ...]


def osaid_verdict(model: Model, catalog: Catalog) -> RuleResult:
    """OSAID 1.0: weights, complete code and data information under open terms; names what is missing."""
    licence = catalog.licence_of(model)
    missing: list[str] = []
    unknown: list[str] = []
    if not model.access.is_open_weights:
        missing.append(f"weights are not public ({model.access.value})")
    elif licence is None:
        unknown.append("licence of the weights")
    elif not licence.osi_approved:
        missing.append(f"weights licence {licence.name} is not OSI-approved")
    for part, label in (("training_code", "training code"), ("data", "data information")):
        state = getattr(model.components, part)
        if state == "unknown":
            unknown.append(label)
        elif state == "closed" or (part == "training_code" and state == "partial"):
            missing.append(f"{label} is {state}")
    outcome = "fail" if missing else "unknown" if unknown else "pass"
    parts = missing + [f"{u} unknown" for u in unknown]
    message = (
        "Meets the OSAID: weights, code and data information are open."
        if outcome == "pass"
        else (f"OSAID {outcome}: " + "; ".join(parts) + ".")
    )
    facts = (
        FactUsed("access", model.access.value, source_text(model.sources[0]), model.status),
        FactUsed(
            "licence OSI-approved", licence.osi_approved if licence else None, "SPDX License List", "verified"
        ),
        FactUsed(
            "components",
            model.components.model_dump(exclude={"source"}),
            source_text(model.components.source),
        ),
    )
    return RuleResult("openness.osaid", outcome, message, facts, (OSAID,), tuple(unknown))


def osai_score(model: Model, catalog: Catalog) -> dict[str, Any] | None:
    """The European Open Source AI Index score (open 1, partial 0.5, closed 0; mean of 12), where indexed."""
    for enrichment in catalog.enrichments.get(model.id, ()):
        dims = enrichment.osai_dimensions
        if not dims:
            continue
        categories = {
            name: round(sum(OSAI_POINTS.get(dims.get(d, "closed"), 0.0) for d in keys) / len(keys), 3)
            for name, keys in OSAI_CATEGORIES.items()
        }
        every = [d for keys in OSAI_CATEGORIES.values() for d in keys]
        total = sum(OSAI_POINTS.get(dims.get(d, "closed"), 0.0) for d in every) / len(every)
        return {
            "record": enrichment.record,
            "score": round(total, 3),
            "categories": categories,
            "source": OSAI_CREDIT,
        }
    return None


def assess_openness(model: Model, catalog: Catalog) -> OpennessAssessment:
    """Access tier, OSAID verdict, OSAI index score and MOF class of one model."""
    osaid = osaid_verdict(model, catalog)
    mof = mof_assessment(model, catalog)
    summary = {
        "access": model.access.value,
        "gating": model.gating,
        "osaid": {"verdict": osaid.outcome, "message": osaid.message, "unknown": list(osaid.review)},
        "osai_index": osai_score(model, catalog),
        "mof": mof.summary,
    }
    return OpennessAssessment(summary, (osaid, *mof.results))
