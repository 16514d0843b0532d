"""Render an EU AI Act assessment and its decision path as plain data for the CLI and other formats."""

from __future__ import annotations

from typing import Any

from openwatch.assess.euaiact.assessment import EuAiActAssessment
from openwatch.domain import Citation, FactUsed, RuleResult

RULE_LABELS = {
    "euaiact.scope": "R0 scope",
    "euaiact.gpai": "R1 GPAI model?",
    "euaiact.modifier-threshold": "R2b modifier threshold",
    "euaiact.provider": "R2 provider",
    "euaiact.systemic-risk": "R4 systemic risk",
    "euaiact.foss-exemption": "R5 open-source exemption",
    "euaiact.obligations": "R6 obligations",
    "euaiact.deadlines": "R7 deadlines",
    "euaiact.penalty": "R8 penalty",
    "euaiact.code-of-practice": "R9 Code of Practice",
}


def citation_text(citation: Citation) -> str:
    """A citation as '[TAG] ref'."""
    return f"[{citation.tag}] {citation.ref}"


def _fact(fact: FactUsed) -> dict[str, Any]:
    return {"name": fact.name, "value": fact.value, "source": fact.source, "status": fact.status}


def step_data(step: RuleResult) -> dict[str, Any]:
    """One step of the decision path."""
    return {
        "rule": step.rule_id,
        "label": RULE_LABELS.get(step.rule_id, step.rule_id),
        "outcome": step.outcome,
        "message": step.message,
        "citations": [{"ref": c.ref, "tag": c.tag} for c in step.citations],
        "facts": [_fact(f) for f in step.facts],
        "review": list(step.review),
    }


def explain_data(assessment: EuAiActAssessment, model_name: str | None = None) -> dict[str, Any]:
    """The whole assessment as JSON-ready data: verdicts first, then the decision path."""
    a = assessment
    upstream = None
    if a.upstream is not None:
        upstream = {
            "provider": a.upstream.provider,
            "foss_exemption": a.upstream.foss_exemption,
            "obligations": [o.as_dict() for o in a.upstream.obligations],
            "deadlines": [d.as_dict() for d in a.upstream.deadlines],
        }
    return {
        "model": a.model_id,
        "model_name": model_name,
        "gpai": a.gpai,
        "systemic_risk": a.systemic_risk,
        "foss_exemption": upstream["foss_exemption"]
        if upstream and a.foss_exemption == "n/a"
        else a.foss_exemption,
        "foss_exemption_of": "upstream release" if upstream and a.foss_exemption == "n/a" else "your release",
        "provider": {"party": a.provider.party, "who": a.provider.who, "why": a.provider.why},
        "obligations": [o.as_dict() for o in a.obligations],
        "deadlines": [d.as_dict() for d in a.deadlines],
        "penalty": a.penalty.as_dict() if a.penalty else None,
        "modifier": a.modifier.as_dict() if a.modifier else None,
        "upstream": upstream,
        "review": list(a.review),
        "flags": list(a.flags),
        "steps": [step_data(step) for step in a.steps],
        "settings": a.settings.as_dict(),
        "parameters": {"version": a.params_version, "text_version": a.text_version},
        "disclaimer": "Not legal advice; a reading of the cited texts for review by a person.",
    }
