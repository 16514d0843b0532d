"""Render an audit as SARIF 2.1.0 for code scanning: a rule per finding kind, repository-root paths."""

from __future__ import annotations

import json
import posixpath
from typing import Any
from urllib.parse import quote

from openwatch.formats.rules import rule_help

SRCROOT = "%SRCROOT%"


def level(finding: dict[str, Any]) -> str:
    """SARIF level: `error` exactly for the findings that fail the audit, else by severity."""
    if finding["blocking"]:
        return "error"
    return "warning" if finding["severity"] in ("error", "high", "medium") else "note"


def repository_uri(path: str, repository: dict[str, Any]) -> str:
    """An audit path as a URI relative to the repository root (percent-encoded)."""
    joined = posixpath.normpath(posixpath.join(repository["path_in_repository"], path.replace("\\", "/")))
    return quote(joined, safe="/")


def _rule(rule_id: str, default_level: str) -> dict[str, Any]:
    name, text = rule_help(rule_id)
    family = rule_id.split(".", 1)[0]
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.replace("-", ".").split(".")),
        "shortDescription": {"text": name},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": f"**{name}**\n\n{text}"},
        "defaultConfiguration": {"level": default_level},
        "properties": {"tags": ["openwatch", family]},
    }


def _location(finding: dict[str, Any], repository: dict[str, Any]) -> list[dict[str, Any]]:
    if not finding["path"]:
        return []
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": repository_uri(finding["path"], repository), "uriBaseId": SRCROOT}
    }
    if finding["line"]:
        physical["region"] = {"startLine": finding["line"]}
    return [{"physicalLocation": physical}]


def _result(finding: dict[str, Any], index: int, repository: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding["rule"],
        "ruleIndex": index,
        "level": level(finding),
        "message": {"text": finding["message"]},
        "partialFingerprints": {"openwatch/v1": finding["fingerprint"]},
        "properties": {
            "model": finding["model"],
            "severity": finding["severity"],
            "blocking": finding["blocking"],
        },
    }
    locations = _location(finding, repository)
    if locations:
        result["locations"] = locations
    if finding["suppressed_by"]:
        result["suppressions"] = [{"kind": "external", "justification": finding["suppressed_by"]}]
    return result


def render_sarif(document: dict[str, Any]) -> str:
    """The audit's findings as one SARIF run; baseline-accepted findings carry a suppression."""
    repository = document["repository"]
    order: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    results = []
    for finding in document["findings"]:
        if finding["rule"] not in order:
            order[finding["rule"]] = len(rules)
            default = (
                "error" if finding["rule"].startswith("policy.") else level({**finding, "blocking": False})
            )
            rules.append(_rule(finding["rule"], default))
        results.append(_result(finding, order[finding["rule"]], repository))
    run = {
        "tool": {"driver": {"name": "openwatch", "version": document["tool"]["version"], "rules": rules}},
        "originalUriBaseIds": {SRCROOT: {"description": {"text": "The root of the audited repository."}}},
        "invocations": [
            {"executionSuccessful": True, "exitCode": document["verdict"]["exit_code"]},
        ],
        "results": results,
        "properties": {"audit_date": document["date"], "verdict": document["verdict"]},
    }
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
