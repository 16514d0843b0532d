"""Which rule outcomes become findings, and how severe each is: one table, in one place."""

from __future__ import annotations

from collections.abc import Iterable

from openwatch.assess.findings import Severity
from openwatch.domain import RuleResult

ANY = "*"

SEVERITY: dict[tuple[str, str], Severity] = {
    ("licence.non-commercial", "conflict"): Severity.HIGH,
    ("licence.regional-exclusion", "excluded"): Severity.HIGH,
    ("licence.user-cap", "exceeded"): Severity.HIGH,
    ("licence.user-cap", "review"): Severity.LOW,
    ("licence.unknown", ANY): Severity.MEDIUM,
    ("licence.attribution", "duty"): Severity.LOW,
    ("licence.naming", "duty"): Severity.LOW,
    ("licence.output-use", "duty"): Severity.LOW,
    ("licence.acceptable-use", "duty"): Severity.INFO,
    ("stance.shift-away-from-open", ANY): Severity.MEDIUM,
    ("stance.no-open-successor", ANY): Severity.MEDIUM,
    ("stance.api-retiring", ANY): Severity.MEDIUM,
    ("stance.api-retired", ANY): Severity.HIGH,
    ("euaiact.provider", "user"): Severity.HIGH,
    ("euaiact.modifier-threshold", ANY): Severity.INFO,
    ("euaiact.foss-exemption", "no"): Severity.INFO,
    ("euaiact.foss-exemption", "yes"): Severity.INFO,
    ("euaiact.systemic-risk", "yes"): Severity.INFO,
}
"""(rule id, outcome) -> severity; a rule outcome not listed here is reported in the assessment only."""

REVIEW_SEVERITY = Severity.MEDIUM
"""Any EU AI Act rule that says `review` becomes a finding: the law is open there and a person must look."""


def severity_of(result: RuleResult) -> Severity | None:
    """The severity of a rule result as a finding, or None if it is not one."""
    exact = SEVERITY.get((result.rule_id, result.outcome)) or SEVERITY.get((result.rule_id, ANY))
    if exact is not None:
        return exact
    if result.rule_id.startswith("euaiact.") and result.outcome == "review":
        return REVIEW_SEVERITY
    return None


def findings_for(results: Iterable[RuleResult]) -> list[tuple[RuleResult, Severity]]:
    """The rule results that are findings, with their severities."""
    out = []
    for result in results:
        severity = severity_of(result)
        if severity is not None:
            out.append((result, severity))
    return out
