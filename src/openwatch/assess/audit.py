"""The audit pipeline: scan, resolve, assess each model in context, apply the policy and the baseline."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openwatch import __version__
from openwatch.assess.baseline import (
    DEFAULT_BASELINE,
    BaselineEntry,
    BaselineError,
    BaselineResult,
    apply_baseline,
    load_baseline,
)
from openwatch.assess.findings import Finding, Severity, finding_from
from openwatch.assess.model_assessment import ModelAssessment, assess_model
from openwatch.assess.policy import PolicySubject, evaluate_policy, validate_policy
from openwatch.assess.report_data import lab_timelines, model_card, repository_of
from openwatch.assess.severity import findings_for
from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve import Resolver
from openwatch.config import ProjectSettings
from openwatch.domain import Context, Reference, Use
from openwatch.scanner.inventory import Inventory, build_inventory, inventory_dict
from openwatch.scanner.run import ScanOptions, ScanProgress, scan


@dataclass(frozen=True)
class Audit:
    """Everything an audit found and decided, ready for any output format."""

    paths: tuple[str, ...]
    today: dt.date
    settings: ProjectSettings
    inventory: Inventory
    assessments: tuple[ModelAssessment, ...]
    findings: tuple[Finding, ...]
    baseline: BaselineResult | None
    catalog_summary: dict[str, Any]
    fail_on: Severity | None = None

    @property
    def policy_violations(self) -> tuple[Finding, ...]:
        """Policy findings not accepted by the baseline."""
        return tuple(f for f in self.findings if f.is_policy_violation and f.suppressed_by is None)

    def is_blocking(self, finding: Finding) -> bool:
        """True if this finding fails the audit: a policy violation, or at or above `fail_on`."""
        if finding.suppressed_by is not None:
            return False
        at_threshold = self.fail_on is not None and finding.severity.rank >= self.fail_on.rank
        return finding.is_policy_violation or at_threshold

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """The findings that fail the audit (exit code 1)."""
        return tuple(f for f in self.findings if self.is_blocking(f))


def evidence_of(refs: Sequence[Reference], use: Use | None = None) -> tuple[str | None, int | None]:
    """The reference a finding points to: of the given use if any, production code first."""
    pool = [r for r in refs if use is None or r.use is use] or list(refs)
    pool.sort(key=lambda r: (r.context is not Context.PRODUCTION, r.path, r.line))
    return (pool[0].path, pool[0].line) if pool else (None, None)


def run_audit(
    paths: Sequence[Path],
    settings: ProjectSettings,
    catalog: Catalog,
    options: ScanOptions,
    today: dt.date,
    *,
    use_baseline: bool = True,
    fail_on: Severity | None = None,
    progress: ScanProgress | None = None,
) -> Audit:
    """Scan the paths and judge every model found; raises PolicyError or BaselineError on bad inputs."""
    validate_policy(settings.policy)
    entries = None
    if use_baseline and settings.baseline is not None:
        if not settings.baseline.is_file():
            raise BaselineError(f"{settings.baseline}: baseline file not found")
        entries = load_baseline(settings.baseline)
    resolver = Resolver(catalog)
    own_files = (DEFAULT_BASELINE, "openwatch.toml") + (
        (settings.baseline.name,) if settings.baseline else ()
    )
    options = dataclasses.replace(options, exclude=(*options.exclude, *own_files))
    inventory = build_inventory(scan(paths, options, catalog, progress=progress), resolver)
    shown = tuple(str(p) for p in paths)
    return assess_inventory(shown, inventory, settings, catalog, today, entries, fail_on)


def assess_inventory(
    paths: tuple[str, ...],
    inventory: Inventory,
    settings: ProjectSettings,
    catalog: Catalog,
    today: dt.date,
    entries: list[BaselineEntry] | None = None,
    fail_on: Severity | None = None,
) -> Audit:
    """Judge an inventory (fresh from a scan, or a recorded one read back): assessments, findings, policy."""
    assessments: list[ModelAssessment] = []
    findings: list[Finding] = []
    subjects: list[PolicySubject] = []
    policy_contexts = set(settings.policy.contexts)
    for use in inventory.models:
        refs = [ref for ref, _ in use.references]
        assessment = assess_model(catalog.models[use.model_id], use, catalog, settings, today)
        assessments.append(assessment)
        for result, severity in findings_for(assessment.results):
            wanted = (
                Use.FINE_TUNE if result.rule_id.startswith("euaiact.") and assessment.fine_tuned else None
            )
            findings.append(finding_from(result, severity, use.model_id, evidence_of(refs, wanted)))
        in_scope = [r for r in refs if r.context.value in policy_contexts]
        if in_scope:
            subjects.append(
                PolicySubject(
                    catalog.models[use.model_id],
                    evidence_of(in_scope),
                    assessment.stance,
                    assessment.systemic_risk,
                )
            )
    unresolved = [
        {"text": r.text, "path": r.path, "line": r.line}
        for r in inventory.unresolved
        if r.context.value in policy_contexts
    ]
    findings.extend(evaluate_policy(settings.policy, subjects, unresolved, catalog))
    findings.sort(key=lambda f: (-f.severity.rank, f.model or "", f.rule, f.path or "", f.line or 0))
    baseline = apply_baseline(findings, entries, today) if entries is not None else None
    return Audit(
        paths=paths,
        today=today,
        settings=settings,
        inventory=inventory,
        assessments=tuple(assessments),
        findings=baseline.findings if baseline else tuple(findings),
        baseline=baseline,
        catalog_summary={
            "models": len(catalog.models),
            "labs": len(catalog.labs),
            "licences": len(catalog.licences),
            "datasets": dict(catalog.datasets),
        },
        fail_on=fail_on,
    )


def settings_dict(settings: ProjectSettings) -> dict[str, Any]:
    """The settings an audit used, each marked as given or assumed."""

    def entry(name: str, value: Any) -> dict[str, Any]:
        return {"value": value, "assumed": name in settings.assumed}

    return {
        "source": settings.source,
        "eu_established": entry("eu_established", settings.eu_established),
        "commercial": entry("commercial", settings.commercial),
        "monthly_active_users": entry("monthly_active_users", settings.monthly_active_users),
        "role": entry("role", settings.role),
        "roles": settings.roles,
        "placed": entry("placed", settings.placed.isoformat() if settings.placed else None),
        "modification_flop": settings.modification_flop,
        "policy": {k: list(v) if isinstance(v, tuple) else v for k, v in vars(settings.policy).items()},
        "baseline": str(settings.baseline) if settings.baseline else None,
    }


def audit_dict(audit: Audit, catalog: Catalog) -> dict[str, Any]:
    """The audit as the JSON `openwatch audit --format json` prints."""
    data = inventory_dict(audit.inventory, catalog)
    by_id = {a.model_id: a for a in audit.assessments}
    for model in data["models"]:
        assessment = by_id[model["id"]]
        model["role"] = {"role": assessment.role, "why": assessment.role_reason}
        model["assessment"] = assessment.summary
        providers = [ref["provider"] for ref in model["references"]]
        model["card"] = model_card(catalog.models[model["id"]], catalog, providers)
    violations = audit.policy_violations
    blocking = audit.blocking
    data.update(
        {
            "tool": {"name": "openwatch", "version": __version__},
            "date": audit.today.isoformat(),
            "paths": list(audit.paths),
            "repository": repository_of(audit.paths),
            "settings": settings_dict(audit.settings),
            "catalog": audit.catalog_summary,
            "labs": lab_timelines((m["lab"] for m in data["models"]), catalog, audit.today),
            "findings": [{**f.to_dict(), "blocking": audit.is_blocking(f)} for f in audit.findings],
            "policy": {"passed": not violations, "violations": len(violations)},
            "verdict": {
                "passed": not blocking,
                "exit_code": 1 if blocking else 0,
                "fail_on": audit.fail_on.value if audit.fail_on else None,
                "blocking": len(blocking),
            },
            "baseline": None
            if audit.baseline is None
            else {
                "suppressed": audit.baseline.suppressed,
                "expired": [
                    {
                        "rule": e.rule,
                        "model": e.model,
                        "expires": e.expires.isoformat() if e.expires else None,
                    }
                    for e in audit.baseline.expired
                ],
            },
        }
    )
    return data
