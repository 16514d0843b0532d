"""Assess one model as this project uses it: openness, licence terms, EU AI Act and vendor stance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from openwatch.assess.eu_bridge import assess_eu
from openwatch.assess.licence_terms import assess_licence
from openwatch.assess.openness import assess_openness
from openwatch.assess.stance_risk import assess_stance
from openwatch.catalog.effective import effective_model
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Model
from openwatch.config import ProjectSettings, Role
from openwatch.domain import RuleResult, Use
from openwatch.scanner.inventory import ModelUse


@dataclass(frozen=True)
class ModelAssessment:
    """The four assessments of one model, the user's role for it, and every rule result behind them."""

    model_id: str
    role: Role
    role_reason: str
    fine_tuned: bool
    summary: dict[str, Any]
    results: tuple[RuleResult, ...]
    stance: str
    systemic_risk: str


def _derived_via(use: ModelUse) -> str | None:
    """How the code reached this model when it named a re-upload, quantisation or fine-tune of it."""
    for _, resolution in use.references:
        if resolution.method.startswith("derived"):
            return f"{resolution.method}: {resolution.text}"
    return None


def assess_model(
    model: Model, use: ModelUse, catalog: Catalog, settings: ProjectSettings, today: dt.date
) -> ModelAssessment:
    """Run every assessment for one model in the project's context (imported facts fill curated gaps)."""
    model = effective_model(model, catalog)
    fine_tuned = any(ref.use is Use.FINE_TUNE for ref, _ in use.references)
    role, why = settings.role_for(model.id, fine_tuned)
    named = [(ref.text, ref.provider or resolution.via_provider) for ref, resolution in use.references]
    openness = assess_openness(model, catalog)
    licence = assess_licence(model, catalog, settings, role, via=_derived_via(use))
    eu = assess_eu(model, catalog, settings, role)
    stance = assess_stance(model, catalog, named, today)
    summary = {
        "openness": openness.summary,
        "licence": licence.summary,
        "eu_ai_act": eu.summary,
        "stance": stance.summary,
    }
    results = openness.results + licence.results + eu.results + stance.results
    return ModelAssessment(
        model_id=model.id,
        role=role,
        role_reason=why,
        fine_tuned=fine_tuned,
        summary=summary,
        results=results,
        stance=stance.summary["stance"],
        systemic_risk=eu.systemic_risk,
    )
