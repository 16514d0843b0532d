"""`openwatch audit` and `openwatch baseline` on the bundled example project, as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "chat-assistant"
SARIF_SCHEMA = ROOT / "data" / "sources" / "schemas" / "sarif-schema-2.1.0.json"
runner = CliRunner()


def _audit(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["audit", *args, "--today", "2026-11-29"])
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    code, out = _audit(str(EXAMPLE), "--format", "json")
    assert code == 0, out
    data: dict[str, Any] = json.loads(out)
    return data


def _model(report: dict[str, Any], model_id: str) -> dict[str, Any]:
    return next(m for m in report["models"] if m["id"] == model_id)


def test_the_example_projects_models_are_found(report: dict[str, Any]) -> None:
    ids = {m["id"] for m in report["models"]}
    assert {
        "meta/llama-3.1-8b-instruct",
        "openai/gpt-4o",
        "mistral/mistral-7b-instruct-v0.3",
        "sentence-transformers/all-minilm-l6-v2",
    } <= ids
    assert report["policy"] == {"passed": True, "violations": 0}


def test_fine_tuning_code_makes_the_user_a_fine_tuner_with_a_threshold(report: dict[str, Any]) -> None:
    llama = _model(report, "meta/llama-3.1-8b-instruct")
    assert llama["role"] == {"role": "fine-tuner", "why": "the scan found fine-tuning code for this model"}
    modifier = llama["assessment"]["eu_ai_act"]["modifier"]
    assert modifier["modification_flop"] == 1.0e19
    assert modifier["threshold_flop"] == pytest.approx(modifier["base_compute_flop"] / 3)
    assert llama["assessment"]["eu_ai_act"]["provider"]["party"] == "upstream"
    threshold = [f for f in report["findings"] if f["rule"] == "euaiact.modifier-threshold"]
    assert threshold[0]["path"] == "training/finetune_lora.py"


def test_meta_stance_shift_and_llama_duties_are_findings(report: dict[str, Any]) -> None:
    rules = {(f["rule"], f["model"]) for f in report["findings"]}
    assert ("stance.shift-away-from-open", "meta/llama-3.1-8b-instruct") in rules
    assert ("licence.attribution", "meta/llama-3.1-8b-instruct") in rules
    trend = _model(report, "meta/llama-3.1-8b-instruct")["assessment"]["stance"]["trend"]
    assert (trend["from"], trend["to"], trend["date"]) == ("open-weight", "hybrid", "2026-04")
    assert trend["summary"].startswith("Muse Spark shipped as the first model of Meta Superintelligence Labs")


def test_foss_exemption_verdicts_are_reported(report: dict[str, Any]) -> None:
    llama = _model(report, "meta/llama-3.1-8b-instruct")["assessment"]["eu_ai_act"]
    assert llama["upstream"]["foss_exemption"] == "no"
    gpt = _model(report, "openai/gpt-4o")["assessment"]["eu_ai_act"]
    assert gpt["upstream"]["foss_exemption"] == "no"
    assert (gpt["foss_exemption"], gpt["foss_exemption_of"]) == ("no", "upstream release")


def test_settings_say_what_was_assumed(report: dict[str, Any]) -> None:
    assert report["settings"]["role"] == {"value": "integrator", "assumed": True}
    assert report["settings"]["eu_established"] == {"value": True, "assumed": False}


def test_every_finding_names_evidence_and_sources(report: dict[str, Any]) -> None:
    for finding in report["findings"]:
        assert finding["path"] and finding["line"], finding
        assert {"rule", "severity", "model", "message"} <= finding.keys()


def test_policy_breach_exits_1(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project)
    (project / "openwatch.toml").write_text('[policy]\ndeny_access = ["api-only"]\n')
    code, out = _audit(str(project), "--format", "json")
    assert code == 1
    violations = [
        (f["rule"], f["model"]) for f in json.loads(out)["findings"] if f["rule"].startswith("policy.")
    ]
    assert violations == [("policy.access-denied", "openai/gpt-4o")]


def test_malformed_policy_exits_2(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project)
    (project / "openwatch.toml").write_text('[policy]\nallow_licences = "MIT OR OR"\n')
    result = runner.invoke(app, ["audit", str(project)])
    assert result.exit_code == 2
    assert "not a valid SPDX expression" in result.output


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_baseline_accepts_known_findings_until_it_expires(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE, project)
    (project / "openwatch.toml").write_text('[policy]\ndeny_access = ["api-only"]\n')
    made = runner.invoke(app, ["baseline", str(project), "--reason", "GPT-4o approved by legal, ticket 7"])
    assert made.exit_code == 0, made.output
    assert (project / ".openwatch-baseline.yaml").is_file()
    code, out = _audit(str(project), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["baseline"]["suppressed"] == len(data["findings"])
    accepted = [f for f in data["findings"] if f["rule"] == "policy.access-denied"]
    assert accepted[0]["suppressed_by"] == "GPT-4o approved by legal, ticket 7"
    expired = runner.invoke(
        app, ["baseline", str(project), "--reason", "temporary", "--expires", "2026-01-01"]
    )
    assert expired.exit_code == 0
    code, _ = _audit(str(project), "--format", "json")
    assert code == 1


def test_sarif_output_is_valid_sarif(tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    code, _ = _audit(str(EXAMPLE), "--format", "sarif", "-o", str(out))
    assert code == 0
    document = json.loads(out.read_text())
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(document)
    results = document["runs"][0]["results"]
    assert any(r["ruleId"] == "stance.shift-away-from-open" for r in results)
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)


def test_cyclonedx_output_is_a_valid_bom() -> None:
    code, out = _audit(str(EXAMPLE), "--format", "cyclonedx")
    assert code == 0
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(out) is None
    components = {c["bom-ref"]: c for c in json.loads(out)["components"]}
    assert components["meta/llama-3.1-8b-instruct"]["type"] == "machine-learning-model"


def test_markdown_and_table_reports() -> None:
    code, markdown = _audit(str(EXAMPLE), "--format", "markdown")
    assert code == 0
    assert markdown.startswith("## ✅ openwatch: the audit passes")
    assert "### Medium (6)" in markdown and "meta/llama-3.1-8b-instruct" in markdown
    code, table = _audit(str(EXAMPLE))
    assert code == 0
    assert "Llama 3.1 8B Instruct" in table and "policy holds" in table


def test_a_quantised_re_upload_inherits_the_base_models_licence(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "from transformers import AutoModelForCausalLM\n"
        'model = AutoModelForCausalLM.from_pretrained("TheBloke/Llama-2-7B-Chat-GGUF")\n'
    )
    code, out = _audit(str(tmp_path), "--format", "json")
    assert code == 0
    (model,) = json.loads(out)["models"]
    assert model["id"] == "meta/llama-2-7b-chat"
    assert model["licence"] == "llama-2-community"
    licence = model["assessment"]["licence"]
    assert licence["inherited_via"] == "derived: quantisation: TheBloke/Llama-2-7B-Chat-GGUF"
    assert any(term["rule"] == "licence.user-cap" for term in licence["terms"])


def test_policy_flag_names_a_settings_file(tmp_path: Path) -> None:
    policy = tmp_path / "strict.toml"
    policy.write_text('[policy]\ndeny_labs = ["openai"]\n')
    code, out = _audit(str(EXAMPLE), "--policy", str(policy), "--format", "json")
    assert code == 1
    denied = [f["model"] for f in json.loads(out)["findings"] if f["rule"] == "policy.lab-denied"]
    assert denied == ["openai/gpt-4o"]
