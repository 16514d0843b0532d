"""Licence terms that bind this user: duties, caps, regional exclusions, non-commercial, output use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Licence, Model, Restriction
from openwatch.catalog.views import source_text
from openwatch.config import ProjectSettings, Role
from openwatch.domain import Citation, FactUsed, RuleResult


@dataclass(frozen=True)
class LicenceAssessment:
    """The licence terms that apply to this user of one model."""

    summary: dict[str, Any]
    results: tuple[RuleResult, ...]


def _is_multimodal(model: Model) -> bool:
    return model.kind in ("multimodal", "vision") or "image" in model.modalities.input


def _applies(restriction: Restriction, model: Model) -> bool:
    """Whether a restriction scoped to some models (e.g. 'multimodal models') covers this one."""
    scope = (restriction.applies_to or "").lower()
    if "multimodal" in scope or "vision" in scope:
        return _is_multimodal(model)
    return True


def _fact(licence: Licence, restriction: Restriction) -> FactUsed:
    source = licence.sources[0]
    value = (
        restriction.detail if restriction.clause is None else f"{restriction.detail} ({restriction.clause})"
    )
    return FactUsed(f"{licence.key}: {restriction.kind}", value, source_text(source), licence.status)


def _citation(licence: Licence, restriction: Restriction) -> Citation:
    return Citation(f"{licence.name}, {restriction.clause or 'terms'}", "LICENCE")


def _result(rule: str, outcome: str, message: str, licence: Licence, restriction: Restriction) -> RuleResult:
    return RuleResult(
        rule_id=rule,
        outcome=outcome,
        message=message,
        facts=(_fact(licence, restriction),),
        citations=(_citation(licence, restriction),),
    )


def _user_cap(licence: Licence, r: Restriction, settings: ProjectSettings) -> RuleResult:
    cap = f"{r.threshold:,}" if r.threshold else "a stated number of"
    users = settings.monthly_active_users
    if users is None:
        message = (
            f"Licence needs a separate grant above {cap} monthly active users; your scale is not declared "
            "(set monthly_active_users)."
        )
        return _result("licence.user-cap", "review", message, licence, r)
    if r.threshold is not None and users > r.threshold:
        message = f"Your declared {users:,} monthly active users exceed the licence cap of {cap}."
        return _result("licence.user-cap", "exceeded", message, licence, r)
    message = f"Your declared {users:,} monthly active users are below the licence cap of {cap}."
    return _result("licence.user-cap", "ok", message, licence, r)


def _restriction_result(
    licence: Licence, r: Restriction, model: Model, settings: ProjectSettings, role: Role
) -> RuleResult | None:
    distributing = role in ("fine-tuner", "provider")
    if r.kind == "user-cap":
        return _user_cap(licence, r, settings)
    if r.kind == "regional-exclusion":
        if not _applies(r, model):
            return None
        in_region = settings.eu_established and "EU" in r.regions
        outcome = "excluded" if in_region else "ok"
        where = "established in the EU" if settings.eu_established else "not established in the EU"
        return _result("licence.regional-exclusion", outcome, f"{r.detail} You are {where}.", licence, r)
    if r.kind == "non-commercial":
        outcome = "conflict" if settings.commercial else "ok"
        use = "commercial" if settings.commercial else "non-commercial"
        return _result("licence.non-commercial", outcome, f"{r.detail} Your use is {use}.", licence, r)
    if r.kind == "attribution":
        return _result("licence.attribution", "duty", r.detail, licence, r)
    if r.kind == "naming":
        outcome = "duty" if distributing else "info"
        return _result("licence.naming", outcome, r.detail, licence, r)
    if r.kind == "acceptable-use-policy":
        return _result("licence.acceptable-use", "duty", r.detail, licence, r)
    if r.kind == "output-use":
        return _result("licence.output-use", "duty", r.detail, licence, r)
    return _result(f"licence.{r.kind}", "info", r.detail, licence, r)


def assess_licence(
    model: Model, catalog: Catalog, settings: ProjectSettings, role: Role, via: str | None = None
) -> LicenceAssessment:
    """The terms of the model's licence that bind this user, given its settings and role."""
    licence = catalog.licence_of(model)
    if licence is None:
        result = RuleResult(
            rule_id="licence.unknown",
            outcome="unknown",
            message=f"The catalog does not know the licence of {model.name}; check it before shipping.",
            facts=(FactUsed("licence", model.licence, source_text(model.sources[0]), model.status),),
        )
        unknown: dict[str, Any] = {"licence": None, "name": None, "inherited_via": via, "terms": []}
        return LicenceAssessment(unknown, (result,))
    results = [
        r for r in (_restriction_result(licence, x, model, settings, role) for x in licence.restrictions) if r
    ]
    summary: dict[str, Any] = {
        "licence": licence.key,
        "name": licence.name,
        "id": licence.expression_id,
        "osi_approved": licence.osi_approved,
        "grants": {k: v["value"] for k, v in licence.grants.model_dump().items()},
        "inherited_via": via,
        "derivatives": licence.derivatives,
        "terms": [{"rule": r.rule_id, "outcome": r.outcome, "message": r.message} for r in results],
    }
    return LicenceAssessment(summary, tuple(results))
