"""The JSON documents: every output validates against the shipped schema; `report` reads them back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from formats_support import EXAMPLE, TODAY, run

from openwatch.formats.document import SCHEMA_VERSION, DocumentError, read_document, schema_problems


def test_every_audit_document_matches_the_schema(
    example_audit: dict[str, Any], hostile_audit: dict[str, Any], big_audit: dict[str, Any]
) -> None:
    for document in (example_audit, hostile_audit, big_audit):
        assert (document["schema_version"], document["kind"]) == (SCHEMA_VERSION, "audit")
        assert schema_problems(document) == []


def test_scan_documents_match_the_schema(hostile_project: Path) -> None:
    for path in (EXAMPLE, hostile_project):
        code, out = run("scan", str(path), "-f", "json")
        assert code == 0
        document = json.loads(out)
        assert document["kind"] == "scan"
        assert schema_problems(document) == []


def test_a_baselined_failing_audit_matches_the_schema(example_copy: Path) -> None:
    (example_copy / "openwatch.toml").write_text('[policy]\ndeny_access = ["api-only"]\n')
    code, out = run("audit", str(example_copy), "-f", "json", "--today", TODAY)
    assert code == 1
    failing = json.loads(out)
    assert failing["verdict"] == {"passed": False, "exit_code": 1, "fail_on": None, "blocking": 1}
    assert schema_problems(failing) == []
    assert run("baseline", str(example_copy), "--reason", "approved")[0] == 0
    code, out = run("audit", str(example_copy), "-f", "json", "--today", TODAY)
    assert code == 0
    assert schema_problems(json.loads(out)) == []


def test_the_schema_catches_a_broken_document(example_audit: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(example_audit))
    broken["findings"][0]["severity"] = "catastrophic"
    del broken["models"][0]["card"]
    problems = schema_problems(broken)
    assert any(p.startswith("findings/0/severity:") for p in problems)
    assert any("'card' is a required property" in p for p in problems)


def test_read_document_rejects_other_json_with_a_reason(example_audit: dict[str, Any]) -> None:
    with pytest.raises(DocumentError, match="not JSON"):
        read_document("{")
    with pytest.raises(DocumentError, match="not an openwatch scan or audit"):
        read_document('{"bomFormat": "CycloneDX"}')
    newer = dict(example_audit, schema_version="9.0")
    with pytest.raises(DocumentError, match=r"schema_version '9\.0'"):
        read_document(json.dumps(newer))


def test_report_renders_a_saved_audit_in_every_format(tmp_path: Path, example_audit: dict[str, Any]) -> None:
    saved = tmp_path / "audit.json"
    saved.write_text(json.dumps(example_audit))
    for fmt in ("json", "markdown", "html", "sarif", "cyclonedx", "spdx", "csv", "table"):
        code, out = run("report", str(saved), "-f", fmt)
        assert code == 0, (fmt, out)
        assert "meta/llama-3.1-8b-instruct" in out or "Llama 3.1 8B Instruct" in out, fmt
    code, out = run("report", str(saved), "-f", "json")
    assert json.loads(out) == example_audit


def test_report_on_a_scan_or_bad_file_is_a_usage_error(tmp_path: Path) -> None:
    scan = tmp_path / "scan.json"
    code, _ = run("scan", str(EXAMPLE), "-f", "json", "-o", str(scan))
    assert code == 0
    assert run("report", str(scan), "-f", "csv")[0] == 0
    code, _ = run("report", str(scan), "-f", "sarif")
    assert code == 2
    garbage = tmp_path / "garbage.json"
    garbage.write_text("not json")
    assert run("report", str(garbage))[0] == 2
    assert run("report", str(tmp_path / "missing.json"))[0] == 2
