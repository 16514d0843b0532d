"""Findings: what an audit reports as needing attention, each with a stable rule id, evidence and sources."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from openwatch.domain import Citation, FactUsed, RuleResult


class Severity(StrEnum):
    """How much a finding matters, from information to a broken policy."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Order of severities, information lowest."""
        return list(Severity).index(self)


@dataclass(frozen=True)
class Finding:
    """One finding about one model (or about the project), with where it shows and what it rests on."""

    rule: str
    severity: Severity
    model: str | None
    message: str
    path: str | None = None
    line: int | None = None
    facts: tuple[FactUsed, ...] = ()
    citations: tuple[Citation, ...] = ()
    review: tuple[str, ...] = ()
    suppressed_by: str | None = field(default=None, compare=False)

    @property
    def fingerprint(self) -> str:
        """A stable id for baselines: rule, model and file (not the line, which moves as code changes)."""
        raw = f"{self.rule}\0{self.model or ''}\0{self.path or ''}"
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    @property
    def is_policy_violation(self) -> bool:
        """True for findings of the project's own policy."""
        return self.rule.startswith("policy.")

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "model": self.model,
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "fingerprint": self.fingerprint,
            "facts": [
                {"name": f.name, "value": f.value, "source": f.source, "status": f.status} for f in self.facts
            ],
            "citations": [{"ref": c.ref, "tag": c.tag} for c in self.citations],
            "review": list(self.review),
            "suppressed_by": self.suppressed_by,
        }


def finding_from(
    result: RuleResult, severity: Severity, model: str | None, evidence: tuple[str | None, int | None]
) -> Finding:
    """A finding carrying a rule result's message, facts, citations and review reasons."""
    return Finding(
        rule=result.rule_id,
        severity=severity,
        model=model,
        message=result.message,
        path=evidence[0],
        line=evidence[1],
        facts=result.facts,
        citations=result.citations,
        review=result.review,
    )
