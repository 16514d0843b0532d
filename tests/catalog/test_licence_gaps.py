"""Licences added for open-weights models that had none, as `licences`, `model` and `explain` show them."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

runner = CliRunner()


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@cache
def _licences() -> dict[str, dict[str, Any]]:
    return {row["key"]: row for row in _json(["licences", "--format", "json"])}


def _licence_of(model: str) -> str:
    return str(_json(["model", model, "--format", "json"])["licence"])


def test_the_named_gaps_now_have_licence_keys() -> None:
    expected = {
        "bigcode/starcoder": "bigcode-openrail-m-v1",
        "bigcode/starcoder2-15b": "bigcode-openrail-m-v1",
        "databricks/dbrx-instruct": "databricks-open-model-2024-03-27",
        "moonshot/kimi-k2-instruct": "kimi-k2-modified-mit",
        "ai21/jamba-1.5-large": "jamba-open-model",
        "minimax/minimax-m2.5": "minimax-model-2026-02-13",
        "nous-research/hermes-4-405b": "llama-3.1-community",
    }
    assert {model: _licence_of(model) for model in expected} == expected


def test_modified_mit_of_kimi_is_attribution_only_and_passes() -> None:
    kimi = _licences()["kimi-k2-modified-mit"]
    assert (kimi["kind"], kimi["restrictions"], kimi["eu_foss_licence_test"]) == (
        "permissive",
        ["attribution"],
        "pass",
    )
    assert kimi["status"] == "verified"
    detail = _json(["model", "moonshot/kimi-k2-instruct", "--format", "json"])
    assert detail["access"] == "open-weights-unrestricted"


def test_minimax_m2_5_is_not_modified_mit() -> None:
    minimax = _licences()["minimax-model-2026-02-13"]
    assert minimax["kind"] == "community" and "acceptable-use-policy" in minimax["restrictions"]
    assert minimax["eu_foss_licence_test"] == "review"
    assert _licences()["minimax-m2-modified-mit"]["eu_foss_licence_test"] == "pass"


def test_a_licence_whose_text_was_not_seen_is_reported_and_goes_to_review() -> None:
    for key in (
        "jamba-open-model",
        "nvidia-open-model-2024-06",
        "tencent-hunyuan-community",
        "gemma-tou-2026-04-01",
    ):
        row = _licences()[key]
        assert (row["status"], row["eu_foss_licence_test"]) == ("reported", "review"), key
    jamba = _licences()["jamba-open-model"]
    assert jamba["grants"] == {
        "use": "unknown",
        "modify": "unknown",
        "redistribute": "unknown",
        "commercial": "conditional",
    }


def test_bigscience_openrail_m_carries_its_attribution_duty() -> None:
    assert "attribution" in _licences()["bigscience-openrail-m"]["restrictions"]


def test_the_april_2026_gemma_terms_exist_beside_gemma_4s_apache_licence() -> None:
    terms = _licences()["gemma-tou-2026-04-01"]
    assert terms["name"] == "Gemma Terms of Use" and terms["kind"] == "community"
    assert _licences()["gemma-4-apache-2.0"]["eu_foss_licence_test"] == "pass"


def test_the_licence_test_no_longer_says_licence_unknown_for_dbrx() -> None:
    data = _json(["explain", "databricks/dbrx-instruct", "--role", "provider", "--format", "json"])
    assert data["foss_exemption"] == "no"
    step = next(s for s in data["steps"] if s["rule"] == "euaiact.foss-exemption")
    assert "databricks-open-model-2024-03-27 fails the licence test" in step["message"]
    assert not any("licence unknown" in reason for reason in data["review"])
