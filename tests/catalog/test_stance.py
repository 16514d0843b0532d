"""The stance rule as `openwatch map --format json` shows it, on a fixture catalog whose labs exercise each
branch (frontier by tag, compute, parameters or unknown; the open share thresholds; the earlier fallback)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-stance"
runner = CliRunner()


def _row(lab: str, day: str) -> dict[str, Any]:
    result = runner.invoke(
        app, ["map", "--as-of", day, "--lab", lab, "--format", "json", "--catalog", str(FIXTURE)]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    row: dict[str, Any] = rows[0]
    return row


def test_open_tagged_frontier_and_open_releases_give_open_weight() -> None:
    row = _row("acme", "2024-08-01")
    assert (row["stance"], row["basis"], row["open_share"]) == ("open-weight", "frontier and open share", 1.0)
    assert row["frontier"]["models"] == ["acme/acme-2"]
    assert (row["frontier"]["access"], row["frontier"]["chosen_by"], row["frontier"]["tier"]) == (
        "open",
        "tag",
        "frontier",
    )
    assert row["frontier"]["sources"] == ["Test fixture, https://example.org/acme-2"]


def test_closed_frontier_with_a_real_open_tier_gives_hybrid() -> None:
    row = _row("acme", "2026-05-01")
    assert row["stance"] == "hybrid"
    assert (row["frontier"]["models"], row["frontier"]["access"]) == (["acme/acme-3"], "closed")
    assert row["open_share"] == 0.488
    assert row["releases_in_window"] == 3
    assert row["open_exceptions"] == []


def test_the_change_is_dated_by_the_release_that_caused_it_with_its_source() -> None:
    since = _row("acme", "2026-05-01")["since"]
    assert (since["date"], since["from"], since["to"]) == ("2026-04-20", "open-weight", "hybrid")
    assert since["why"].startswith(
        "acme/acme-3 (2026-04-20) entered the 24-month window; frontier acme/acme-3"
    )
    assert since["release"]["sources"] == ["Test fixture, https://example.org/acme-3"]
    assert (
        since["release"]["summary"] == "Acme-3, Acme's new frontier model, is offered through the API only."
    )


def test_a_declaration_no_longer_sets_the_stance() -> None:
    row = _row("acme", "2026-04-15")
    assert row["stance"] == "open-weight"
    own = next(c for c in row["claims"] if c["claim_by"] == "Acme AI")
    assert (own["declares"], own["date"], own["agrees_with_evidence"]) == ("hybrid", "2026-04-10", False)


def test_closed_frontier_and_almost_no_open_releases_give_closed_with_exceptions() -> None:
    row = _row("closedco", "2026-05-01")
    assert row["stance"] == "closed"
    assert row["open_share"] == 0.147
    assert [r["models"] for r in row["open_exceptions"]] == [["closedco/tiny-open"]]
    assert row["open_exceptions"][0]["sources"] == ["Closed Co, https://example.org/tiny-open"]


def test_a_speech_model_is_not_counted_as_an_open_release() -> None:
    row = _row("closedco", "2026-05-01")
    assert "closedco/listen" not in row["open_models"]
    assert row["releases_in_window"] == 6


def test_the_same_lab_was_hybrid_while_its_open_release_was_recent() -> None:
    assert _row("closedco", "2025-08-01")["stance"] == "hybrid"
    assert _row("closedco", "2025-04-01")["stance"] == "closed"


def test_without_tags_the_frontier_is_the_release_with_most_compute() -> None:
    row = _row("measuredco", "2025-08-01")
    assert row["frontier"]["models"] == ["measuredco/big-closed"]
    assert row["frontier"]["chosen_by"] == "training compute"
    assert row["stance"] == "hybrid"


def test_then_by_parameters_and_an_open_frontier_with_mostly_closed_releases_is_hybrid() -> None:
    row = _row("paramco", "2025-04-01")
    assert (row["frontier"]["models"], row["frontier"]["chosen_by"]) == (["paramco/open-big"], "parameters")
    assert row["open_share"] == pytest.approx(0.47, abs=0.01)
    assert row["stance"] == "hybrid"


def test_an_unmeasured_closed_model_leaves_the_frontier_unknown() -> None:
    row = _row("shyco", "2025-08-01")
    assert row["frontier"] is None
    assert row["basis"] == "open share (no frontier known)"
    assert row["open_share"] == pytest.approx(0.73, abs=0.01)
    assert row["stance"] == "hybrid"
    assert _row("shyco", "2025-05-01")["stance"] == "open-weight"


def test_fully_open_models_give_open() -> None:
    assert _row("opensci", "2025-06-01")["stance"] == "open"


def test_old_releases_outside_the_window_still_inform() -> None:
    row = _row("opensci", "2028-01-01")
    assert (row["stance"], row["basis"], row["open_models"]) == ("open", "earlier", [])
    assert "the stance at the last release (2025-01-10) stands" in row["reason"]


def test_nothing_known_is_unknown_and_listed_last() -> None:
    result = runner.invoke(
        app, ["map", "--as-of", "2020-01-01", "--format", "json", "--catalog", str(FIXTURE)]
    )
    rows = json.loads(result.stdout)
    closedco = next(r for r in rows if r["lab"] == "closedco")
    assert (closedco["stance"], closedco["reason"]) == ("unknown", "no release known")
    assert rows[-1]["stance"] == "unknown"
