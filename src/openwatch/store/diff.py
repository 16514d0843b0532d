"""What changed between two recorded audits: models added and removed, and per model the licence, access,
stance, role, provider and obligations; findings added, removed and changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openwatch.store.history import summary
from openwatch.store.schema import AuditRecord

_Getter = Callable[[dict[str, Any]], Any]


def _eu(model: dict[str, Any]) -> dict[str, Any]:
    eu: dict[str, Any] = model.get("assessment", {}).get("eu_ai_act") or {}
    return eu


def _obligations(model: dict[str, Any]) -> list[str]:
    return sorted(str(o.get("id") or o.get("obligation")) for o in _eu(model).get("obligations", []))


MODEL_FIELDS: dict[str, _Getter] = {
    "licence": lambda m: m.get("licence"),
    "access": lambda m: m.get("access"),
    "stance": lambda m: (m.get("assessment", {}).get("stance") or {}).get("stance"),
    "role": lambda m: (m.get("role") or {}).get("role"),
    "provider": lambda m: (_eu(m).get("provider") or {}).get("party"),
    "systemic_risk": lambda m: _eu(m).get("systemic_risk"),
    "foss_exemption": lambda m: _eu(m).get("foss_exemption"),
    "obligations": _obligations,
}
"""The per-model facts `openwatch diff` compares, and where each sits in the audit JSON."""


def _model_brief(model: dict[str, Any]) -> dict[str, Any]:
    return {k: model.get(k) for k in ("id", "name", "lab", "family", "access", "licence")}


def _model_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name, getter in MODEL_FIELDS.items():
        before, after = getter(old), getter(new)
        if before != after:
            change: dict[str, Any] = {"from": before, "to": after}
            if name == "obligations":
                change = {
                    "added": sorted(set(after) - set(before)),
                    "removed": sorted(set(before) - set(after)),
                }
            changes[name] = change
    return changes


def _finding_brief(finding: dict[str, Any]) -> dict[str, Any]:
    keys = ("rule", "severity", "model", "path", "line", "message", "fingerprint")
    return {k: finding.get(k) for k in keys}


def diff_findings(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Findings added, removed, and changed (same rule, model and file; other severity or message)."""
    before = {f["fingerprint"]: f for f in old}
    after = {f["fingerprint"]: f for f in new}
    changed = []
    for key in sorted(before.keys() & after.keys()):
        was, now = before[key], after[key]
        fields = [k for k in ("severity", "message", "suppressed_by") if was.get(k) != now.get(k)]
        if fields:
            entry = _finding_brief(now)
            entry["changed"] = {k: {"from": was.get(k), "to": now.get(k)} for k in fields}
            changed.append(entry)
    return {
        "added": [_finding_brief(after[k]) for k in after if k not in before],
        "removed": [_finding_brief(before[k]) for k in before if k not in after],
        "changed": changed,
    }


def diff_results(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Compare two audit results (the JSON `openwatch audit --format json` prints)."""
    old_models = {m["id"]: m for m in old.get("models", [])}
    new_models = {m["id"]: m for m in new.get("models", [])}
    changed = []
    for model_id in sorted(old_models.keys() & new_models.keys()):
        changes = _model_changes(old_models[model_id], new_models[model_id])
        if changes:
            changed.append({"id": model_id, "changes": changes})
    policy = {"from": old.get("policy", {}).get("passed"), "to": new.get("policy", {}).get("passed")}
    return {
        "models": {
            "added": [_model_brief(new_models[k]) for k in sorted(new_models.keys() - old_models.keys())],
            "removed": [_model_brief(old_models[k]) for k in sorted(old_models.keys() - new_models.keys())],
            "changed": changed,
        },
        "findings": diff_findings(old.get("findings", []), new.get("findings", [])),
        "policy": policy,
    }


def is_empty(diff: dict[str, Any]) -> bool:
    """True when nothing changed."""
    parts = (*diff["models"].values(), *diff["findings"].values())
    return not any(parts) and diff["policy"]["from"] == diff["policy"]["to"]


def audit_diff(old: AuditRecord, new: AuditRecord) -> dict[str, Any]:
    """The document `openwatch diff --format json` prints: both audits, whether the catalog changed, and
    what changed between them."""
    changes = diff_results(old.result, new.result)
    return {
        "from": summary(old),
        "to": summary(new),
        "catalog_changed": old.catalog_fingerprint != new.catalog_fingerprint,
        "unchanged": is_empty(changes),
        **changes,
    }
