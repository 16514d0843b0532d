"""SARIF: valid against the 2.1.0 schema, repository-relative URIs, rule help, stable fingerprints, levels."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
from formats_support import EXAMPLE, SARIF_SCHEMA, TODAY, run

from openwatch.formats.sarif import render_sarif


def _validate(sarif: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif)


def _sarif(path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    code, out = run("audit", str(path), "-f", "sarif", "--today", TODAY, *args)
    return code, json.loads(out)


def test_sarif_is_valid_for_every_audit(
    example_audit: dict[str, Any], hostile_audit: dict[str, Any], big_audit: dict[str, Any]
) -> None:
    for document in (example_audit, hostile_audit, big_audit):
        _validate(json.loads(render_sarif(document)))


def test_uris_are_relative_to_the_git_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    shutil.copytree(EXAMPLE, repo / "services" / "assistant")
    code, sarif = _sarif(repo / "services" / "assistant")
    assert code == 0
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    }
    assert "services/assistant/assistant/local_llm.py" in uris
    assert all(u.startswith("services/assistant/") for u in uris)
    bases = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]
        for r in sarif["runs"][0]["results"]
    }
    assert bases == {"%SRCROOT%"}


def test_without_git_uris_are_relative_to_the_scanned_folder(tmp_path: Path) -> None:
    project = tmp_path / "plain"
    shutil.copytree(EXAMPLE, project)
    _, sarif = _sarif(project)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    }
    assert "assistant/local_llm.py" in uris


def test_hostile_paths_are_percent_encoded(hostile_audit: dict[str, Any]) -> None:
    sarif = json.loads(render_sarif(hostile_audit))
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    ]
    assert uris and not any("<" in u or " " in u for u in uris)


def test_every_rule_has_help_and_results_point_to_their_rule(example_audit: dict[str, Any]) -> None:
    run_ = json.loads(render_sarif(example_audit))["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for rule in rules:
        assert rule["help"]["text"] and rule["fullDescription"]["text"] != rule["id"]
        assert rule["shortDescription"]["text"] != rule["id"]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_fingerprints_are_stable_across_runs_and_line_moves(example_copy: Path) -> None:
    _, first = _sarif(example_copy)
    _, again = _sarif(example_copy)
    prints = [r["partialFingerprints"] for r in first["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in again["runs"][0]["results"]]
    source = example_copy / "assistant" / "cloud.py"
    source.write_text("# a new first line moves every line down\n" + source.read_text())
    _, moved = _sarif(example_copy)
    assert sorted(map(str, prints)) == sorted(
        str(r["partialFingerprints"]) for r in moved["runs"][0]["results"]
    )


def test_levels_agree_with_the_exit_code(example_copy: Path) -> None:
    code, sarif = _sarif(example_copy)
    levels = [r["level"] for r in sarif["runs"][0]["results"]]
    assert code == 0 and "error" not in levels
    assert sarif["runs"][0]["invocations"][0]["exitCode"] == 0
    code, sarif = _sarif(example_copy, "--fail-on", "medium")
    results = sarif["runs"][0]["results"]
    assert code == 1 and sarif["runs"][0]["invocations"][0]["exitCode"] == 1
    assert {r["level"] for r in results if r["properties"]["severity"] == "medium"} == {"error"}
    assert "error" not in {r["level"] for r in results if r["properties"]["severity"] in ("low", "info")}
    (example_copy / "openwatch.toml").write_text('[policy]\ndeny_access = ["api-only"]\n')
    code, sarif = _sarif(example_copy)
    errors = [r["ruleId"] for r in sarif["runs"][0]["results"] if r["level"] == "error"]
    assert code == 1 and errors == ["policy.access-denied"]
