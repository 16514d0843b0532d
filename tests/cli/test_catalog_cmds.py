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
    assert [r["id"] for r in rows] == ["acme/acme-1", "acme/acme-2", "acme/acme-3"]
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
    assert rows == [
        {
            "lab": "acme",
            "lab_name": "Acme AI",
            "stance": "hybrid",
            "derived_from_releases": "hybrid",
            "as_of": "2026-05-01",
            "open_models": ["acme/acme-2"],
            "closed_models": ["acme/acme-3"],
            "latest_event": {
                "date": "2026-04-10",
                "kind": "policy-announcement",
                "summary": "Acme keeps its most advanced models proprietary.",
                "models": [],
                "declares": "hybrid",
                "status": "reported",
                "sources": ["Test fixture, fixture"],
                "notes": None,
            },
            "reason": "declared hybrid on 2026-04-10 (reported)",
        }
    ]


def test_map_markdown_escapes_and_has_one_row_per_lab() -> None:
    result = runner.invoke(
        app,
        ["map", "--as-of", "2026-05-01", "--lab", "acme", "--format", "markdown", "--catalog", str(FIXTURE)],
    )
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("| Acme AI")]
    assert rows == [
        "| Acme AI | hybrid | acme/acme-2 | acme/acme-3 | 2026-04-10: Acme keeps its most advanced models "
        "proprietary. | Test fixture, fixture (reported) |"
    ]


def test_map_rejects_a_bad_date() -> None:
    result = runner.invoke(app, ["map", "--as-of", "May 2026"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_timeline_lists_events_and_stance_changes() -> None:
    data = _json(["timeline", "Acme", "--format", "json", "--catalog", str(FIXTURE)])
    assert [e["date"] for e in data["events"]] == ["2023-03-01", "2024-07-01", "2026-04-10"]
    assert data["stance_changes"][-1] == {"date": "2026-04-10", "from": "open-weight", "to": "hybrid"}


def test_labs_and_licences_json() -> None:
    labs = _json(["labs", "--format", "json", "--catalog", str(FIXTURE)])
    acme = next(x for x in labs if x["id"] == "acme")
    assert (acme["name"], acme["models"], acme["events"]) == ("Acme AI", 3, 3)
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


def test_bundled_map_shows_meta_turning_hybrid() -> None:
    before = _json(["map", "--as-of", "2024-08-01", "--lab", "meta", "--format", "json"])
    after = _json(["map", "--as-of", "2026-05-01", "--lab", "meta", "--format", "json"])
    assert before[0]["stance"] == "open-weight"
    assert after[0]["stance"] == "hybrid"
    assert after[0]["latest_event"]["date"] == "2026-04-10"
    assert after[0]["latest_event"]["declares"] == "hybrid"


def test_bundled_map_covers_every_lab_with_the_documented_fields() -> None:
    rows = _json(["map", "--as-of", "2026-05-01", "--format", "json"])
    assert len(rows) >= 40
    for row in rows:
        assert {"lab", "stance", "as_of", "open_models", "closed_models", "latest_event"} <= row.keys()
        assert row["stance"] in {"open", "open-weight", "hybrid", "closed", "unknown"}
