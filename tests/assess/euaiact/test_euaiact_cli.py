"""`openwatch explain` as a user runs it: JSON fields, the table, exit codes, assumed settings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from openwatch.catalog.load import load_catalog
from openwatch.cli import (
    app,
    commands,  # noqa: F401
)

FIXTURE = Path(__file__).parents[2] / "fixtures" / "catalog-euaiact"
runner = CliRunner()


@pytest.fixture(autouse=True, scope="module")
def _cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One catalog cache for the module, so the bundled catalog is compiled once."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OPENWATCH_CACHE", str(tmp_path_factory.mktemp("cache")))
        mp.delenv("OPENWATCH_CATALOG", raising=False)
        mp.setenv("COLUMNS", "200")
        yield


def _explain(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["explain", *args, "--format", "json", "--catalog", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_json_has_the_documented_fields_and_assumed_settings() -> None:
    data = _explain("EuaiFix/Community-70B")
    required = {"model", "gpai", "systemic_risk", "foss_exemption", "provider", "obligations", "deadlines"}
    assert required | {"review", "steps", "settings"} <= data.keys()
    assert data["model"] == "euaifix-us/community-70b"
    assert (data["gpai"], data["systemic_risk"]) == ("likely", "no")
    assert (data["foss_exemption"], data["foss_exemption_of"]) == (
        data["upstream"]["foss_exemption"],
        "upstream release",
    )
    assert data["provider"]["party"] == "upstream" and data["obligations"] == []
    assert data["settings"]["assumed"] == ["commercial", "eu_established", "placed", "role"]
    assert [s["rule"] for s in data["steps"]][:3] == ["euaiact.scope", "euaiact.gpai", "euaiact.provider"]
    gpai = data["steps"][1]
    assert {"rule", "outcome", "message", "citations", "facts"} <= gpai.keys()
    assert {"ref": "GL ¶17", "tag": "GL"} in gpai["citations"]
    compute = next(f for f in gpai["facts"] if f["name"] == "model.training_compute")
    assert compute["value"]["flop"] == 6.3e24 and compute["source"] == "openwatch test fixture"
    assert [o["id"] for o in data["upstream"]["obligations"]][-1] == "O-54"


def test_fine_tuner_gets_the_threshold_from_the_base_compute() -> None:
    data = _explain("euaifix-eu/open-8b", "--role", "fine-tuner", "--modification-flop", "1e20")
    assert data["modifier"]["threshold_flop"] == pytest.approx(2.4e23)
    assert data["modifier"]["verdict"] == "no" and data["provider"]["party"] == "upstream"
    assert data["settings"]["role"] == "fine-tuner" and "role" not in data["settings"]["assumed"]


def test_provider_role_with_placement_date_and_non_eu_flag() -> None:
    data = _explain(
        "euaifix-frontier-2026-03", "--role", "provider", "--not-eu-established", "--placed", "2026-03-10"
    )
    assert (data["systemic_risk"], data["foss_exemption"]) == ("yes", "no")
    ids = {o["id"] for o in data["obligations"]}
    assert {"O-52-1", "O-54", "O-55-1d"} <= ids
    assert {"what": "Authorised representative mandated", "date": "2026-03-10"}.items() <= data["deadlines"][
        1
    ].items()
    assert data["settings"]["assumed"] == ["commercial"]


def test_eu_integrator_of_excluded_multimodal_model_is_flagged() -> None:
    data = _explain("EuaiFix/Community-11B-Vision", "--eu-established")
    assert any(r.startswith("EU exclusion by the upstream provider (R2c)") for r in data["review"])


def test_table_shows_the_decision_path_with_citations() -> None:
    result = runner.invoke(
        app, ["explain", "EuaiFix/Open-8B-Instruct", "--role", "provider", "--catalog", str(FIXTURE)]
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Decision path" in out and "R1 GPAI model?" in out and "[GL] GL ¶17" in out
    assert "R5 open-source exemption" in out and "O-53-1c" in out
    assert "assumed: commercial, eu_established, placed" in out


def test_unknown_model_exits_1_with_a_message() -> None:
    result = runner.invoke(app, ["explain", "no-such-model", "--catalog", str(FIXTURE)])
    assert result.exit_code == 1
    assert "'no-such-model' names no catalog model" in result.stderr


@pytest.mark.parametrize(
    "flags",
    [["--role", "deployer"], ["--placed", "2026-02-30"], ["--modification-flop", "-1"], ["--format", "xml"]],
)
def test_bad_flags_exit_2(flags: list[str]) -> None:
    result = runner.invoke(app, ["explain", "EuaiFix/Open-8B-Instruct", *flags, "--catalog", str(FIXTURE)])
    assert result.exit_code == 2


def test_bundled_llama_fine_tuner_threshold_is_a_third_of_its_compute() -> None:
    base = load_catalog().lookup("meta-llama/Llama-3.1-8B-Instruct")
    assert base is not None and base.training_compute.value is not None
    result = runner.invoke(
        app, ["explain", "meta-llama/Llama-3.1-8B-Instruct", "--role", "fine-tuner", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["modifier"]["threshold_flop"] == pytest.approx(base.training_compute.value / 3)
    assert data["modifier"]["basis"] == "base-compute"
    assert "modification compute not given (R2b)" in data["review"]


def test_channel_flag_reaches_the_scope_rule() -> None:
    data = _explain("EuaiFix/Open-8B-Instruct", "--role", "provider", "--channel", "none")
    assert data["steps"][0]["outcome"] == "not-placed" and data["obligations"] == []
    assert data["settings"]["placement_channel"] == "none"
    assert data["resolution"]["method"] == "alias"
