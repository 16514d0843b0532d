"""Claims beside the derived stance and conflicts between claims, as map, timeline and model show them, and
the catalog function that returns the conflicts (which the digest calls)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from openwatch.catalog.claims import conflicts
from openwatch.catalog.load import validate_catalog
from openwatch.cli import app, commands  # noqa: F401

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-stance"
runner = CliRunner()


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, [*args, "--format", "json", "--catalog", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _map(lab: str, day: str) -> dict[str, Any]:
    row: dict[str, Any] = _json(["map", "--as-of", day, "--lab", lab])[0]
    return row


def test_claims_in_force_are_shown_with_source_date_status_and_agreement() -> None:
    claims = _map("acme", "2026-05-01")["claims"]
    shown = [
        (c["claim_by"], c["kind"], c["date"], c["declares"], c["status"], c["agrees_with_evidence"])
        for c in claims
    ]
    assert shown == [
        ("Acme AI", "policy-announcement", "2026-04-10", "hybrid", "reported", True),
        ("Fixture Analyst", "statement", "2026-04-12", "open-weight", "reported", False),
    ]
    assert claims[1]["sources"] == ["Fixture Analyst, https://example.org/analysis"]


def test_a_later_claim_by_the_same_claimant_replaces_its_earlier_one() -> None:
    early = _map("acme", "2024-08-01")["claims"]
    assert [(c["claim_by"], c["declares"], c["status"]) for c in early] == [
        ("Acme AI", "open-weight", "vendor-claim")
    ]
    late = _map("acme", "2026-05-01")["claims"]
    assert all(c["date"] != "2024-07-01" for c in late)


def test_contradicting_stance_claims_are_a_conflict_with_both_sources() -> None:
    found = _map("acme", "2026-05-01")["conflicts"]
    assert len(found) == 1
    conflict = found[0]
    assert conflict["kind"] == "stance"
    assert (
        conflict["explanation"]
        == "Acme AI says hybrid (2026-04-10), Fixture Analyst says open-weight (2026-04-12)"
    )
    assert [s["claim_by"] for s in conflict["sides"]] == ["Acme AI", "Fixture Analyst"]
    assert conflict["sides"][1]["sources"] == ["Fixture Analyst, https://example.org/analysis"]


def test_a_denial_conflicts_with_a_recorded_release_of_that_kind() -> None:
    row = _map("closedco", "2026-05-01")
    claim = row["claims"][0]
    assert claim["denies"] == {"kind": "open-weights-release", "since": "2020-01-01", "tier": "frontier"}
    assert claim["agrees_with_evidence"] is True
    conflict = row["conflicts"][0]
    assert conflict["kind"] == "release"
    assert (
        "a recorded open-weights-release of closedco/tiny-open is dated 2025-06-01" in conflict["explanation"]
    )
    assert (
        "the catalog tags that release 'smaller', the claim speaks of the frontier tier"
        in conflict["explanation"]
    )
    release = conflict["sides"][1]
    assert (release["claim_by"], release["date"], release["status"]) == (
        "Closed Co",
        "2025-06-01",
        "vendor-claim",
    )
    assert release["sources"] == ["Closed Co, https://example.org/tiny-open"]


def test_conflicts_function_returns_both_sides_with_sources() -> None:
    catalog, problems = validate_catalog([FIXTURE])
    assert catalog is not None, problems
    found = conflicts(catalog, "closedco", dt.date(2026, 5, 1))
    assert [(c.kind, c.first.claimant, c.second.claimant) for c in found] == [
        ("release", "Fixture Analyst", "Closed Co")
    ]
    assert found[0].first.sources[0].url == "https://example.org/closed"
    assert found[0].second.sources[0].url == "https://example.org/tiny-open"
    assert conflicts(catalog, "closedco", dt.date(2026, 4, 1)) == []


def test_timeline_marks_claims_and_says_when_and_why_the_stance_moved() -> None:
    data = _json(["timeline", "Acme", "--as-of", "2026-12-31"])
    claims = [(e["date"], e["claim_by"]) for e in data["events"] if e["claim_by"]]
    assert claims == [("2024-07-01", "Acme AI"), ("2026-04-10", "Acme AI"), ("2026-04-12", "Fixture Analyst")]
    first, change = data["stance_changes"]
    assert (first["date"], first["from"], first["to"]) == ("2023-03-01", "unknown", "open-weight")
    assert (change["date"], change["from"], change["to"]) == ("2026-04-20", "open-weight", "hybrid")
    assert change["release"]["sources"] == ["Test fixture, https://example.org/acme-3"]
    assert data["now"]["stance"] == "hybrid"
    assert [c["kind"] for c in data["now"]["conflicts"]] == ["stance"]


def test_timeline_table_prints_the_change_its_source_and_the_conflict() -> None:
    result = runner.invoke(app, ["timeline", "closedco", "--as-of", "2026-05-01", "--catalog", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert (
        "closed → hybrid on 2025-06-01: closedco/tiny-open (2025-06-01) entered the 24-month window" in text
    )
    assert "source: Closed Co, https://example.org/tiny-open (vendor-claim)" in text
    assert "conflict (release): Fixture Analyst says there was no frontier-tier open-weights-release" in text


def test_model_shows_its_lab_stance_with_claims_and_conflicts() -> None:
    detail = _json(["model", "closedco/tiny-open"])
    stance = detail["lab_stance"]
    assert (stance["lab"], stance["stance"]) == ("closedco", "closed")
    assert [r["models"] for r in stance["open_exceptions"]] == [["closedco/tiny-open"]]
    assert [c["claim_by"] for c in stance["claims"]] == ["Fixture Analyst"]
    assert [c["kind"] for c in stance["conflicts"]] == ["release"]


def test_map_table_and_markdown_show_claims_changes_and_conflicts() -> None:
    args = ["map", "--as-of", "2026-05-01", "--lab", "acme", "--lab", "closedco", "--catalog", str(FIXTURE)]
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    text = " ".join(table.stdout.split())
    assert "Acme AI: open-weight → hybrid on 2026-04-20" in text
    assert "since" in text and "(was" in text and "\\n" not in table.stdout
    assert "source: Test fixture, https://example.org/acme-3 (reported)" in text
    assert "Conflicting claims, kept side by side" in text
    markdown = runner.invoke(app, [*args, "--format", "markdown"]).stdout
    rows = [line for line in markdown.splitlines() if line.startswith("| Acme AI")]
    assert rows == [
        "| Acme AI | hybrid | 2026-04-20 (was open-weight) | acme/acme-3, 2026-04-20, closed (by tag) "
        "| 0.488 of 3 | Acme AI 2026-04-10: hybrid (reported; agrees); "
        "Fixture Analyst 2026-04-12: open-weight (reported; DISAGREES with the evidence) |"
    ]
    assert "- **Acme AI**: open-weight → hybrid on 2026-04-20: acme/acme-3 (2026-04-20) entered" in markdown
    assert "## Conflicting claims" in markdown
    assert "  - Closed Co (2025-06-01, vendor-claim): Closed Co released the weights of Tiny Open" in markdown
