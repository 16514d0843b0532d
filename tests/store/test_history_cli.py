"""`openwatch audit` records each run; `history` lists them; `diff` says what changed, as a user runs them."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from openwatch.cli import app, commands  # noqa: F401
from openwatch.store.database import SCHEMA_REVISION, create_store_engine
from openwatch.store.diff import diff_results
from openwatch.store.schema import Base

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "chat-assistant"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "assistant-app"
    shutil.copytree(EXAMPLE, project)
    return project


def test_audits_are_recorded_listed_and_compared(db_url: str, tmp_path: Path) -> None:
    project = _project(tmp_path)
    code, _, err = _run("audit", str(project), "--db", db_url, "--today", "2026-11-29", "--format", "json")
    assert code == 0 and "recorded as audit 1" in err
    (project / "assistant" / "extra.py").write_text(
        'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o-mini", messages=[])\n'
    )
    overlay = tmp_path / "overlay" / "events"
    overlay.mkdir(parents=True)
    (overlay / "meta.yaml").write_text(
        "lab: meta\nevents:\n  - date: 2026-11-01\n    kind: policy-announcement\n    declares: closed\n"
        "    summary: Test claim that Meta closes all weights.\n    sources: [{publisher: Test Wire}]\n"
    )
    code, _, err = _run(
        "audit",
        str(project),
        "--db",
        db_url,
        "--today",
        "2026-11-29",
        "--catalog",
        str(tmp_path / "overlay"),
        "--format",
        "json",
    )
    assert code == 0 and "recorded as audit 2" in err

    code, out, _ = _run("history", str(project), "--db", db_url, "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [r["id"] for r in rows] == [2, 1]
    assert rows[0]["project"] == "assistant-app" and rows[0]["path"] == str(project.resolve())
    assert rows[0]["git_commit"] is None
    assert rows[0]["catalog_fingerprint"] != rows[1]["catalog_fingerprint"]

    code, out, _ = _run("diff", "--project", str(project), "--db", db_url, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["from"]["id"], data["to"]["id"], data["catalog_changed"]) == (1, 2, True)
    assert [m["id"] for m in data["models"]["added"]] == ["openai/gpt-4o-mini"]
    llama = next(m for m in data["models"]["changed"] if m["id"] == "meta/llama-3.1-8b-instruct")
    assert llama["changes"]["stance"] == {"from": "hybrid", "to": "closed"}
    added_rules = {(f["rule"], f["model"]) for f in data["findings"]["added"]}
    assert any(model == "openai/gpt-4o-mini" for _, model in added_rules)

    code, out, _ = _run("diff", "1", "2", "--db", db_url)
    assert code == 0 and "+ openai/gpt-4o-mini" in out and "stance hybrid → closed" in out


def test_no_record_leaves_the_history_empty(db_url: str, tmp_path: Path) -> None:
    project = _project(tmp_path)
    code, _, err = _run("audit", str(project), "--db", db_url, "--no-record", "--format", "json")
    assert code == 0 and "recorded" not in err
    code, out, _ = _run("history", "--db", db_url, "--format", "json")
    assert (code, json.loads(out)) == (0, [])


def test_bad_database_url_is_a_one_line_error_before_the_audit(tmp_path: Path) -> None:
    code, out, err = _run("audit", str(_project(tmp_path)), "--db", "mysql://x/y")
    assert code == 2 and out == ""
    assert "unsupported database 'mysql'" in err and "Traceback" not in err


def test_diff_needs_two_audits(db_url: str, tmp_path: Path) -> None:
    project = _project(tmp_path)
    _run("audit", str(project), "--db", db_url, "--format", "json")
    code, _, err = _run("diff", "--project", str(project), "--db", db_url)
    assert code == 2 and "only 1 recorded audit" in err
    code, _, err = _run("diff", "7", "--db", db_url)
    assert code == 2 and "no audit 7" in err


def test_diff_reports_licence_access_and_obligation_changes(example_result: dict[str, Any]) -> None:
    newer = copy.deepcopy(example_result)
    llama = next(m for m in newer["models"] if m["id"] == "meta/llama-3.1-8b-instruct")
    llama["licence"], llama["access"] = "llama-4-community", "api-only"
    llama["assessment"]["eu_ai_act"]["obligations"] = [{"id": "O-53-1a"}]
    changes = diff_results(example_result, newer)["models"]["changed"][0]["changes"]
    assert changes["licence"] == {"from": "llama-3.1-community", "to": "llama-4-community"}
    assert changes["access"] == {"from": "open-weights-restricted", "to": "api-only"}
    assert changes["obligations"] == {"added": ["O-53-1a"], "removed": []}


def test_migrations_build_exactly_the_models_and_the_fast_path_knows_head(db_url: str) -> None:
    engine = create_store_engine(db_url)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    config = Config()
    config.set_main_option(
        "script_location", str(Path(__file__).resolve().parents[2] / "src/openwatch/store/migrations")
    )
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION
    engine.dispose()
