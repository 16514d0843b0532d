"""Render audit findings as SARIF 2.1.0, so code-scanning tools show them at the file and line."""

from __future__ import annotations

import json
from typing import Any

from openwatch import __version__
from openwatch.assess.audit import Audit
from openwatch.assess.findings import Severity
from openwatch.catalog.load import Catalog

_LEVEL = {
    Severity.ERROR: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}


def render_sarif(audit: Audit, catalog: Catalog) -> str:
    """The audit's findings as one SARIF run; baseline-accepted findings carry a suppression."""
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    for finding in audit.findings:
        rules.setdefault(
            finding.rule,
            {"id": finding.rule, "shortDescription": {"text": finding.rule}},
        )
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": _LEVEL[finding.severity],
            "message": {"text": finding.message},
            "partialFingerprints": {"openwatch/v1": finding.fingerprint},
            "properties": {"model": finding.model, "severity": finding.severity.value},
        }
        if finding.path:
            location: dict[str, Any] = {"artifactLocation": {"uri": finding.path}}
            if finding.line:
                location["region"] = {"startLine": finding.line}
            result["locations"] = [{"physicalLocation": location}]
        if finding.suppressed_by:
            result["suppressions"] = [{"kind": "external", "justification": finding.suppressed_by}]
        results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "openwatch", "version": __version__, "rules": list(rules.values())}
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
