"""The documented Python API: openwatch.scan(), openwatch.audit(), openwatch.render()."""

from __future__ import annotations

import datetime as dt
import importlib
import json
from pathlib import Path

import pytest

import openwatch
from openwatch.assess.policy import PolicyError
from openwatch.formats.document import schema_problems

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "chat-assistant"


def test_scan_returns_the_scan_document_even_after_the_scanner_is_imported() -> None:
    first = openwatch.scan(EXAMPLE)
    again = openwatch.scan(str(EXAMPLE), contexts=["production"])
    assert first["kind"] == "scan" and schema_problems(first) == []
    assert {m["id"] for m in first["models"]} >= {"openai/gpt-4o", "meta/llama-3.1-8b-instruct"}
    assert {r["context"] for m in again["models"] for r in m["references"]} == {"production"}
    importlib.import_module("openwatch.scanner.run")  # importing the scanner must not shadow the API function

    assert openwatch.scan(EXAMPLE)["models"] == first["models"]  # stats hold timings, which differ


def test_audit_matches_the_cli_json_and_renders(tmp_path: Path) -> None:
    document = openwatch.audit(EXAMPLE, today=dt.date(2026, 11, 29), fail_on="medium")
    assert document["kind"] == "audit" and schema_problems(document) == []
    assert document["verdict"]["exit_code"] == 1 and document["verdict"]["fail_on"] == "medium"
    assert openwatch.render(document, "markdown").startswith("## ❌ openwatch: the audit fails")
    assert json.loads(openwatch.render(document, "json")) == document


def test_audit_takes_setting_overrides_and_raises_on_a_bad_policy(tmp_path: Path) -> None:
    document = openwatch.audit(EXAMPLE, today=dt.date(2026, 11, 29), role="provider")
    assert document["settings"]["role"] == {"value": "provider", "assumed": False}
    policy = tmp_path / "policy.toml"
    policy.write_text('[policy]\nallow_licences = "MIT OR OR"\n')
    with pytest.raises(PolicyError):
        openwatch.audit(EXAMPLE, policy=policy)
