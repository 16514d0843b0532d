"""Run the EU AI Act assessment for one model with the project's settings and the user's role for it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openwatch.assess.euaiact.assessment import assess_eu_ai_act
from openwatch.assess.euaiact.explain import explain_data
from openwatch.assess.euaiact.settings import Settings
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Model
from openwatch.config import ProjectSettings, Role
from openwatch.domain import RuleResult


@dataclass(frozen=True)
class EuSummary:
    """The EU AI Act assessment as the audit reports it."""

    summary: dict[str, Any]
    results: tuple[RuleResult, ...]
    systemic_risk: str


def eu_settings(settings: ProjectSettings, model_id: str, role: Role) -> Settings:
    """The EU rules' settings for one model: the project's answers, the role, its modification compute."""
    asked = ("eu_established", "commercial", "placed")
    assumed: set[str] = {name for name in asked if name in settings.assumed}
    if "role" in settings.assumed and model_id not in settings.roles and role == settings.role:
        assumed.add("role")
    return Settings(
        role=role,
        eu_established=settings.eu_established,
        commercial=settings.commercial,
        placed=settings.placed,
        modification_flop=settings.modification_flop.get(model_id),
        assumed=frozenset(assumed),
    )


def assess_eu(model: Model, catalog: Catalog, settings: ProjectSettings, role: Role) -> EuSummary:
    """The EU AI Act assessment of one model for this project."""
    assessment = assess_eu_ai_act(
        model, catalog.lab_of(model), catalog.licence_of(model), eu_settings(settings, model.id, role)
    )
    data = explain_data(assessment, model.name)
    return EuSummary(summary=data, results=assessment.steps, systemic_risk=assessment.systemic_risk)
