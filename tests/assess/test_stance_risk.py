"""Vendor-stance risk: stance shift, no open successor, API retirements and open alternatives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from openwatch.assess.stance_risk import assess_stance
from openwatch.catalog.load import Catalog, validate_catalog

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-risk"
TODAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded, problems = validate_catalog([FIXTURE])
    assert problems == []
    assert loaded is not None
    return loaded


def test_open_model_of_a_lab_turning_hybrid(catalog: Catalog) -> None:
    result = assess_stance(catalog.models["bigco/bolt-8b"], catalog, [("bigco/Bolt-8B", None)], TODAY)
    assert result.summary["stance"] == "hybrid"
    assert result.summary["trend"]["from"] == "open-weight"
    assert result.summary["trend"]["to"] == "hybrid"
    assert result.summary["trend"]["date"] == "2026-04-20"
    assert result.summary["trend"]["source"] == "Test fixture, https://example.org/bolt-max"
    assert result.summary["trend"]["why"].startswith("bigco/bolt-max (2026-04-20) entered the 24-month")
    claims = [(c["claim_by"], c["declares"], c["agrees_with_evidence"]) for c in result.summary["claims"]]
    assert claims == [("BigCo", "hybrid", True)]
    rules = [r.rule_id for r in result.results]
    assert rules == ["stance.shift-away-from-open", "stance.no-open-successor"]
    assert "Bolt Max" in result.results[1].message


def test_open_alternatives_match_kind_and_size(catalog: Catalog) -> None:
    result = assess_stance(catalog.models["bigco/bolt-8b"], catalog, [], TODAY)
    alternatives = result.summary["open_alternatives"]
    assert [a["model"] for a in alternatives] == ["openlab/free-7b"]
    assert "similar parameters (7e+09 vs 8e+09)" in alternatives[0]["reason"]
    assert "licence Apache License 2.0 (OSI-approved)" in alternatives[0]["reason"]


def test_unknown_size_offers_recent_models_of_the_same_kind(catalog: Catalog) -> None:
    result = assess_stance(catalog.models["bigco/bolt-max"], catalog, [("bolt-max-2026-04-20", None)], TODAY)
    models = sorted(a["model"] for a in result.summary["open_alternatives"])
    assert models == ["openlab/free-70b", "openlab/free-7b"]


def test_retiring_snapshot_named_in_code(catalog: Catalog) -> None:
    result = assess_stance(catalog.models["bigco/bolt-max"], catalog, [("bolt-max-2026-04-20", None)], TODAY)
    assert result.summary["retirements"] == [
        {
            "snapshot": "bolt-max-2026-04-20",
            "deprecation_date": "2026-12-15",
            "days_left": 16,
            "source": "Test fixture, fixture",
        }
    ]
    assert [r.rule_id for r in result.results] == ["stance.api-retiring"]


def test_retired_snapshot(catalog: Catalog) -> None:
    result = assess_stance(catalog.models["bigco/bolt-max"], catalog, [("bolt-max-2025-01-01", None)], TODAY)
    assert [r.rule_id for r in result.results] == ["stance.api-retired"]
    assert "already past" in result.results[0].message
