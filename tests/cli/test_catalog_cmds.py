"""The catalog browsing commands as a user runs them: JSON shapes, exit codes, the policy map."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401

FIXTURE = Path(__file__).parent.parent / "fixtures" / "catalog-stance"
runner = CliRunner()


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_models_json_has_the_documented_fields() -> None:
    rows = _json(["models", "acme", "--lab", "acme", "--format", "json", "--catalog", str(FIXTURE)])
    assert [r["id"] for r in rows] == ["acme/acme-1", "acme/acme-2", "acme/acme-2-mini", "acme/acme-3"]
    required = {
        "id",
        "name",
        "lab",
        "access",
        "licence",
        "released",
        "parameters",
        "training_flop",
        "aliases",
    }
    assert required <= rows[1].keys()
    assert rows[1]["aliases"] == ["acme/Acme-2-7B"]


def test_models_filter_by_access() -> None:
    rows = _json(
        ["models", "--lab", "acme", "--access", "api-only", "--format", "json", "--catalog", str(FIXTURE)]
    )
    assert [r["id"] for r in rows] == ["acme/acme-3"]


def test_model_shows_each_fact_with_source_and_status() -> None:
    detail = _json(["model", "acme/Acme-2-7B", "--format", "json", "--catalog", str(FIXTURE)])
    assert detail["id"] == "acme/acme-2"
    assert detail["facts"]["access"] == {
        "value": "open-weights-restricted",
        "source": "Test fixture, fixture",
        "status": "reported",
    }
    assert detail["facts"]["training_compute"]["value"] is None


def test_unknown_model_is_a_clear_error() -> None:
    result = runner.invoke(app, ["model", "no-such-model-xyz", "--catalog", str(FIXTURE)])
    assert result.exit_code == 1
    assert "names no catalog model" in result.output


def test_map_json_as_of() -> None:
    rows = _json(
        ["map", "--as-of", "2026-05-01", "--lab", "acme", "--format", "json", "--catalog", str(FIXTURE)]
    )
    assert [r["lab"] for r in rows] == ["acme"]
    row = rows[0]
    assert {
        k: row[k] for k in ("lab_name", "stance", "as_of", "basis", "open_share", "releases_in_window")
    } == {
        "lab_name": "Acme AI",
        "stance": "hybrid",
        "as_of": "2026-05-01",
        "basis": "frontier and open share",
        "open_share": 0.488,
        "releases_in_window": 3,
    }
    assert row["open_models"] == ["acme/acme-2-mini", "acme/acme-2"]
    assert row["closed_models"] == ["acme/acme-3"]
    assert row["reason"] == (
        "frontier acme/acme-3 (2026-04-20, closed, by tag); "
        "open share 0.488 of 3 releases in 24 months → hybrid"
    )
    assert row["latest_event"]["kind"] == "closed-release"


def test_map_markdown_escapes_and_has_one_row_per_lab(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    shutil.copytree(FIXTURE, overlay)
    lab_file = overlay / "labs" / "acme.yaml"
    lab_file.write_text(lab_file.read_text().replace("name: Acme AI", "name: Acme | *AI*"))
    result = runner.invoke(
        app,
        ["map", "--as-of", "2026-05-01", "--lab", "acme", "--format", "markdown", "--catalog", str(overlay)],
    )
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("| Acme")]
    assert len(rows) == 1
    assert rows[0].startswith("| Acme \\| \\*AI\\* | hybrid | 2026-04-20 (was open-weight) |")


def test_map_rejects_a_bad_date() -> None:
    result = runner.invoke(app, ["map", "--as-of", "May 2026"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_timeline_lists_events_and_stance_changes() -> None:
    data = _json(["timeline", "Acme", "--format", "json", "--catalog", str(FIXTURE)])
    assert [e["date"] for e in data["events"]] == [
        "2023-03-01",
        "2024-06-01",
        "2024-07-01",
        "2026-04-10",
        "2026-04-12",
        "2026-04-20",
    ]
    last = data["stance_changes"][-1]
    assert (last["date"], last["from"], last["to"]) == ("2026-04-20", "open-weight", "hybrid")


def test_timeline_rejects_a_bad_date_and_an_unknown_lab() -> None:
    assert runner.invoke(app, ["timeline", "meta", "--as-of", "soon"]).exit_code == 2
    result = runner.invoke(app, ["timeline", "no-such-lab"])
    assert result.exit_code == 2
    assert "unknown lab" in result.output


def test_labs_and_licences_json() -> None:
    labs = _json(["labs", "--format", "json", "--catalog", str(FIXTURE)])
    acme = next(x for x in labs if x["id"] == "acme")
    assert (acme["name"], acme["models"], acme["events"]) == ("Acme AI", 4, 6)
    licences = _json(["licences", "--format", "json"])
    apache = next(x for x in licences if x["key"] == "apache-2.0")
    assert apache["id"] == "Apache-2.0" and apache["eu_foss_licence_test"] == "pass"


def test_validate_names_file_entry_and_field(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    shutil.copytree(FIXTURE, overlay)
    lab_file = overlay / "labs" / "acme.yaml"
    lab_file.write_text(lab_file.read_text().replace("access: api-only", "access: sometimes"))
    result = runner.invoke(app, ["catalog", "validate", str(overlay), "--alone"])
    assert result.exit_code == 1
    assert "acme.yaml: models[acme/acme-3] access:" in result.stdout
    assert "nothing was loaded" in result.output


def test_validate_accepts_the_bundled_catalog() -> None:
    result = runner.invoke(app, ["catalog", "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok:")


BIG_FIVE = ["--lab", "meta", "--lab", "google", "--lab", "openai", "--lab", "mistral", "--lab", "deepseek"]


def _bundled_map(day: str) -> dict[str, dict[str, Any]]:
    return {row["lab"]: row for row in _json(["map", "--as-of", day, *BIG_FIVE, "--format", "json"])}


def test_bundled_map_shows_the_shifts_between_2024_and_2026() -> None:
    before, after = _bundled_map("2024-08-01"), _bundled_map("2026-05-01")
    assert {lab: row["stance"] for lab, row in before.items()} == {
        "meta": "open-weight",
        "google": "hybrid",
        "openai": "closed",
        "mistral": "open-weight",
        "deepseek": "open-weight",
    }
    assert {lab: row["stance"] for lab, row in after.items()} == {
        "meta": "hybrid",
        "google": "hybrid",
        "openai": "closed",
        "mistral": "open-weight",
        "deepseek": "open-weight",
    }
    assert before["meta"]["frontier"]["access"] == "open"
    assert "meta/llama-3.1-405b" in before["meta"]["frontier"]["models"]
    assert (after["meta"]["since"]["date"], after["meta"]["since"]["from"]) == ("2026-04", "open-weight")
    assert after["meta"]["frontier"]["summary"].startswith("Muse Spark shipped")


def test_bundled_map_puts_claims_beside_the_evidence() -> None:
    before, after = _bundled_map("2024-08-01"), _bundled_map("2026-05-01")
    zuckerberg = before["meta"]["claims"][0]
    assert (zuckerberg["claim_by"], zuckerberg["declares"], zuckerberg["status"]) == (
        "Meta",
        "open-weight",
        "vendor-claim",
    )
    assert "https://about.fb.com/news/2024/07/open-source-ai-is-the-path-forward/" in zuckerberg["sources"][0]
    tjs = {
        lab: [c for c in row["claims"] if c["claim_by"] == "TJS AI News Hub"] for lab, row in after.items()
    }
    assert {lab: [c["declares"] for c in claims] for lab, claims in tjs.items()} == {
        "meta": ["hybrid"],
        "google": ["hybrid"],
        "openai": ["closed"],
        "mistral": ["open-weight"],
        "deepseek": [],
    }
    assert all(c["agrees_with_evidence"] and c["status"] == "reported" for cs in tjs.values() for c in cs)


def test_bundled_openai_is_closed_with_gpt_oss_as_exception_and_a_conflict() -> None:
    openai = _bundled_map("2026-05-01")["openai"]
    assert [r["models"] for r in openai["open_exceptions"]] == [["openai/gpt-oss-120b", "openai/gpt-oss-20b"]]
    [conflict] = openai["conflicts"]
    assert conflict["sides"][0]["summary"].endswith("it has not released frontier model weights since GPT-2.")
    assert conflict["sides"][1]["date"] == "2025-08-05"
    assert any("oai_gpt-oss_model_card.pdf" in s for s in conflict["sides"][1]["sources"])
    model = _json(["model", "gpt-oss-120b", "--format", "json"])
    assert [c["kind"] for c in model["lab_stance"]["conflicts"]] == ["release"]
    timeline = _json(["timeline", "openai", "--as-of", "2026-05-01", "--format", "json"])
    assert timeline["now"]["conflicts"] == openai["conflicts"]


def test_bundled_map_covers_every_lab_with_the_documented_fields() -> None:
    rows = _json(["map", "--as-of", "2026-05-01", "--format", "json"])
    assert len(rows) >= 40
    for row in rows:
        assert {"lab", "stance", "as_of", "open_models", "closed_models", "latest_event"} <= row.keys()
        assert row["stance"] in {"open", "open-weight", "hybrid", "closed", "unknown"}
