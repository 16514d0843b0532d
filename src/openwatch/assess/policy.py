"""The project's policy: allow and deny rules on access, licence, lab, systemic risk, stance, unresolved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from license_expression import ExpressionError, LicenseExpression, Licensing, get_spdx_licensing

from openwatch.assess.findings import Finding, Severity
from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Model
from openwatch.config import PolicySettings
from openwatch.domain import FactUsed


class PolicyError(ValueError):
    """The policy itself is malformed (e.g. an invalid SPDX expression)."""


@dataclass(frozen=True)
class PolicySubject:
    """One model as the policy sees it: catalog record, where the project uses it, what was assessed."""

    model: Model
    evidence: tuple[str | None, int | None]
    stance: str
    systemic_risk: str


@lru_cache(maxsize=1)
def _licensing() -> Licensing:
    return get_spdx_licensing()


def _parse(expression: str, where: str) -> LicenseExpression:
    try:
        return _licensing().parse(expression, validate=False)
    except ExpressionError as exc:
        raise PolicyError(f"{where}: not a valid SPDX expression: {expression!r} ({exc})") from exc


def validate_policy(policy: PolicySettings) -> None:
    """Raise PolicyError if any licence expression in the policy does not parse."""
    if policy.allow_licences:
        _parse(policy.allow_licences, "policy.allow_licences")
    for item in policy.deny_licences:
        _parse(item, "policy.deny_licences")


def _violation(rule: str, subject: PolicySubject, message: str, **facts: Any) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.ERROR,
        model=subject.model.id,
        message=message,
        path=subject.evidence[0],
        line=subject.evidence[1],
        facts=tuple(FactUsed(k, v, "project policy", None) for k, v in facts.items()),
    )


def _licence_findings(policy: PolicySettings, subject: PolicySubject, catalog: Catalog) -> list[Finding]:
    licence = catalog.licence_of(subject.model)
    found: list[Finding] = []
    expression_id = licence.expression_id if licence else None
    if policy.allow_licences:
        allowed = _parse(policy.allow_licences, "policy.allow_licences")
        if expression_id is None:
            found.append(
                _violation(
                    "policy.licence-unknown",
                    subject,
                    f"licence unknown; the policy allows only {policy.allow_licences}",
                    allow_licences=policy.allow_licences,
                )
            )
        elif not _licensing().contains(allowed, _parse(expression_id, "model licence")):
            found.append(
                _violation(
                    "policy.licence-not-allowed",
                    subject,
                    f"licence {expression_id} is not in the allowed set {policy.allow_licences}",
                    licence=expression_id,
                    allow_licences=policy.allow_licences,
                )
            )
    for denied in policy.deny_licences:
        if expression_id and _licensing().contains(
            _parse(denied, "policy.deny_licences"), _parse(expression_id, "model licence")
        ):
            found.append(
                _violation(
                    "policy.licence-denied",
                    subject,
                    f"licence {expression_id} is denied by policy",
                    licence=expression_id,
                )
            )
    return found


def evaluate_policy(
    policy: PolicySettings,
    subjects: Sequence[PolicySubject],
    unresolved: Sequence[dict[str, Any]],
    catalog: Catalog,
) -> list[Finding]:
    """Every policy violation among the project's models and unresolved references."""
    found: list[Finding] = []
    for subject in subjects:
        model = subject.model
        if model.access.value in policy.deny_access:
            found.append(
                _violation(
                    "policy.access-denied",
                    subject,
                    f"access tier {model.access.value} is denied by policy",
                    access=model.access.value,
                )
            )
        found.extend(_licence_findings(policy, subject, catalog))
        if model.lab in policy.deny_labs or (policy.allow_labs and model.lab not in policy.allow_labs):
            found.append(
                _violation(
                    "policy.lab-denied", subject, f"models from {model.lab} are not allowed", lab=model.lab
                )
            )
        if policy.deny_systemic_risk and subject.systemic_risk in ("yes", "review"):
            found.append(
                _violation(
                    "policy.systemic-risk",
                    subject,
                    f"systemic-risk status is {subject.systemic_risk}; the policy denies "
                    "systemic-risk models",
                    systemic_risk=subject.systemic_risk,
                )
            )
        if subject.stance in policy.deny_stance:
            found.append(
                _violation(
                    "policy.stance-denied",
                    subject,
                    f"the lab's stance is {subject.stance}, denied by policy",
                    stance=subject.stance,
                )
            )
    if policy.deny_unresolved:
        for ref in unresolved:
            found.append(
                Finding(
                    rule="policy.unresolved",
                    severity=Severity.ERROR,
                    model=None,
                    message=f"{ref['text']!r} names no catalog model; the policy denies unresolved models",
                    path=ref.get("path"),
                    line=ref.get("line"),
                )
            )
    return found
