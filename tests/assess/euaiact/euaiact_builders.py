"""Builders for catalog records used by the EU AI Act tests (pydantic objects, not the bundled catalog)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openwatch.assess.euaiact import EuAiActAssessment, assess_eu_ai_act, make_settings
from openwatch.catalog.schema import Lab, Licence, Model

SOURCE = {"publisher": "openwatch test fixture", "status": "verified"}


def lab(*, eu: bool | None = True, cop: str = "full", name: str = "Test Lab") -> Lab:
    """A lab, EU-established unless told otherwise."""
    return Lab.model_validate(
        {"id": "testlab", "name": name, "eu_established": eu, "code_of_practice": cop, "sources": [SOURCE]}
    )


def licence(key: str, verdict: str, reason: str, restrictions: list[dict[str, Any]] | None = None) -> Licence:
    """A licence with a given EU open-source licence-test verdict."""
    yes = {"value": True}
    return Licence.model_validate(
        {
            "key": key,
            "name": key,
            "kind": "permissive" if verdict == "pass" else "community",
            "grants": {"use": yes, "modify": yes, "redistribute": yes, "commercial": yes},
            "restrictions": restrictions or [],
            "eu_foss_licence_test": {"verdict": verdict, "reason": reason, "basis": "GL 4.2.1"},
            "sources": [SOURCE],
        }
    )


PERMISSIVE = licence("permissive", "pass", "grants all four rights; attribution only")
PROPRIETARY = licence("proprietary", "fail", "no rights to weights")
RESEARCH_ONLY = licence("research-only", "fail", "research-only / non-commercial use")
COMMUNITY = licence(
    "community",
    "fail",
    "700M-MAU licensing threshold",
    [
        {"kind": "user-cap", "detail": "700M MAU needs a separate licence", "threshold": 700_000_000},
        {"kind": "acceptable-use-policy", "detail": "AUP incorporated by reference"},
        {"kind": "attribution", "detail": "Built with X"},
        {"kind": "naming", "detail": "name prefix"},
        {
            "kind": "regional-exclusion",
            "detail": "Rights over multimodal models withheld from EU-domiciled licensees.",
            "clause": "AUP closing paragraph",
            "regions": ["EU"],
            "applies_to": "multimodal (vision) models",
        },
    ],
)


def model(
    compute: float | None,
    *,
    kind: str = "llm",
    breadth: str = "unknown",
    inputs: tuple[str, ...] = ("text",),
    outputs: tuple[str, ...] = ("text",),
    access: str = "open-weights-unrestricted",
    licence_key: str | None = "permissive",
    monetised: bool | None = False,
    gating: str = "none",
    docs: str = "open",
    released: dt.date | None = None,
    systemic_risk: bool | None = None,
) -> Model:
    """A model with the facts the rules read."""
    return Model.model_validate(
        {
            "id": "testlab/model",
            "name": "Test Model",
            "lab": "testlab",
            "family": "test",
            "kind": kind,
            "task_breadth": breadth,
            "released": released,
            "training_compute": {"value": compute, "method": "6ND" if compute else "unknown"},
            "modalities": {"input": list(inputs), "output": list(outputs)},
            "access": access,
            "licence": licence_key,
            "monetised": monetised,
            "gating": gating,
            "components": {"docs": docs, "inference_code": docs},
            "systemic_risk": systemic_risk,
            "sources": [SOURCE],
        }
    )


def run(m: Model, the_lab: Lab, lic: Licence | None, **settings: Any) -> EuAiActAssessment:
    """Assess with settings given as keyword arguments (anything not given is assumed)."""
    return assess_eu_ai_act(m, the_lab, lic, make_settings(**settings))


def ids(a: EuAiActAssessment, *, conditional: bool | None = None) -> set[str]:
    """Obligation ids owed by the user; conditional=False/True keeps only firm/conditional ones."""
    return {o.id for o in a.obligations if conditional is None or (o.condition is not None) == conditional}


def dates(a: EuAiActAssessment) -> dict[str, dt.date | None]:
    """Deadlines by what they are."""
    return {d.what: d.date for d in a.deadlines}


def step(a: EuAiActAssessment, rule_id: str) -> Any:
    """The decision-path step with this rule id."""
    return next(s for s in a.steps if s.rule_id == rule_id)


SR_SET = {
    "O-52-1",
    "O-53-1a",
    "O-53-1a-SR",
    "O-53-1b",
    "O-53-1c",
    "O-53-1d",
    "O-53-3",
    "O-54",
    "O-55-1a",
    "O-55-1b",
    "O-55-1c",
    "O-55-1d",
}
FOSS_SET = {"O-53-1c", "O-53-1d", "O-53-3"}
FULL_53 = {"O-53-1a", "O-53-1b", "O-53-1c", "O-53-1d", "O-53-3"}
