"""Corrected catalog facts as a user sees them: compute bounds, inherited and 6ND compute, date precision."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

runner = CliRunner()


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _compute(model: str) -> dict[str, Any]:
    facts: dict[str, Any] = _json(["model", model, "--format", "json"])["facts"]
    return dict(facts["training_compute"])


def test_an_epoch_lower_bound_is_a_fact_with_its_uncertainty_and_source() -> None:
    compute = _compute("anthropic/claude-opus-4")
    assert compute["value"] is None and compute["lower_bound"] == 1e25
    assert compute["method"] == "estimated"
    assert compute["uncertainty"] == "Epoch's notes: very likely more than 1e+25 FLOP (no figure)"
    assert compute["source"].startswith("Epoch AI, 'Data on AI Models'") and compute["status"] == "reported"


def test_the_lower_bound_decides_the_systemic_risk_presumption() -> None:
    data = _json(["explain", "anthropic/claude-opus-4", "--format", "json"])
    assert (data["gpai"], data["systemic_risk"]) == ("likely", "yes")
    sr = next(s for s in data["steps"] if s["rule"] == "euaiact.systemic-risk")
    assert "more than 1.0e+25 FLOP (a lower bound" in sr["message"]


def test_an_epoch_estimate_from_its_notes_is_a_figure_marked_estimated() -> None:
    compute = _compute("openai/gpt-4o")
    assert compute["value"] == 3.8e25 and compute["method"] == "estimated"
    assert compute["uncertainty"] == "Epoch's notes: estimated from benchmark scores"


def test_an_instruct_model_inherits_its_base_models_compute_and_says_so() -> None:
    compute = _compute("nvidia/nemotron-4-340b-instruct")
    assert compute["value"] == 1.8e25 and compute["inherited_from"] == "nvidia/nemotron-4-340b-base"
    assert compute["uncertainty"].startswith(
        "pre-training compute of the base model nvidia/nemotron-4-340b-base"
    )
    assert compute["source"].startswith("Epoch AI")
    data = _json(["explain", "nvidia/nemotron-4-340b-instruct", "--format", "json"])
    assert data["systemic_risk"] == "yes"  # 1.8e25 minus 30 % is still above 1e25
    fact = next(f for f in data["steps"][1]["facts"] if f["name"] == "model.training_compute")
    assert fact["value"]["inherited_from"] == "nvidia/nemotron-4-340b-base"


def test_6nd_from_the_vendors_token_count_cites_the_report() -> None:
    base = _compute("google/gemma-3-27b-pt")
    assert base["value"] == 2.268e24 and base["method"] == "6ND"
    assert base["derivation"].startswith("6 × 27e9 parameters × 14e12 tokens")
    assert base["source"].startswith("Google, Gemma 3 model card") and base["status"] == "vendor-claim"
    tuned = _compute("google/gemma-3-4b-it")
    assert tuned["value"] == 9.6e22 and tuned["inherited_from"] == "google/gemma-3-4b-pt"
    phi = _compute("microsoft/phi-3-mini-4k-instruct")
    assert phi["value"] == 7.524e22 and "Phi-3 Technical Report" in phi["source"]


def test_a_month_only_release_date_is_shown_as_a_month_and_sends_the_deadline_to_review() -> None:
    detail = _json(["model", "cohere/command-a-reasoning-08-2025", "--format", "json"])
    assert detail["released"] == "2025-08"
    assert detail["facts"]["released"]["precision"] == "month"
    data = _json(["explain", "cohere/command-a-reasoning-08-2025", "--format", "json"])
    assert data["upstream"]["deadlines"][0]["date"] is None
    assert any(
        r.startswith("upstream: placement date known only as the month 2025-08") for r in data["review"]
    )
