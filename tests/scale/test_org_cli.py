"""`openwatch scan|audit` over several repositories: one document each, the models across them, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scale_support import REPOSITORIES, without_cache_counts, without_timing, write_org, write_repository
from typer.testing import CliRunner

import openwatch
import openwatch.cli.commands  # registers the commands
from openwatch.cli import app
from openwatch.formats.document import read_document, schema_problems

runner = CliRunner()
TODAY = "2026-06-01"


def _json(args: list[str]) -> tuple[int, dict[str, object]]:
    done = runner.invoke(app, [*args, "-f", "json", "-q", "--no-cache"])
    assert done.exit_code in (0, 1), done.output
    return done.exit_code, json.loads(done.stdout)


@pytest.fixture
def org(tmp_path: Path) -> list[Path]:
    return write_org(tmp_path / "org")


def test_scan_of_checkouts_reports_each_and_the_models_across_them(org: list[Path]) -> None:
    code, document = _json(["scan", *map(str, org)])
    assert code == 0
    assert schema_problems(document) == []
    assert document["kind"] == "org-scan"
    inventory = {m["id"]: (m["repositories"], m["references"], m["paths"]) for m in document["inventory"]}  # type: ignore[union-attr]
    assert inventory == {
        "openai/gpt-4o": (2, 3, [str(org[0]), str(org[1])]),
        "sentence-transformers/all-minilm-l6-v2": (1, 1, [str(org[1])]),
        "meta/llama-3.1-8b-instruct": (1, 1, [str(org[2])]),
    }
    assert document["stats"]["repositories"] == 3  # type: ignore[index]
    for entry, repo in zip(document["repositories"], org, strict=True):  # type: ignore[call-overload]
        _, alone = _json(["scan", str(repo)])
        assert entry["path"] == str(repo)
        assert without_timing(entry["document"]) == without_timing(alone)


def test_repos_file_lists_repositories_relative_to_itself(org: list[Path], tmp_path: Path) -> None:
    listing = tmp_path / "org" / "repos.txt"
    listing.write_text("# our services\nbilling\n\nsearch\n" + str(org[2]) + "\nbilling\n", encoding="utf-8")
    _, listed = _json(["scan", "--repos", str(listing)])
    _, given = _json(["scan", *map(str, org)])
    assert [r["path"] for r in listed["repositories"]] == [  # type: ignore[union-attr]
        str(listing.parent / "billing"),
        str(listing.parent / "search"),
        str(org[2]),
    ]
    assert listed["inventory"] == given["inventory"]


def test_folders_that_are_not_checkouts_stay_one_project(tmp_path: Path) -> None:
    a = write_repository(tmp_path / "p" / "a", REPOSITORIES["search"], git=False)
    b = write_repository(tmp_path / "p" / "b", REPOSITORIES["research"], git=False)
    _, document = _json(["scan", str(a), str(b)])
    assert document["kind"] == "scan"
    assert len(document["models"]) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--repos", "missing.txt"], "cannot read"),
        (["--repos", "empty.txt"], "lists no repository"),
        (["--repos", "bad.txt"], "no such folder"),
        (["-f", "csv", "--repos", "good.txt"], "table or json"),
        (["--executor", "dask", "--repos", "good.txt"], "needs --scheduler"),
        (["--executor", "spark", "--repos", "good.txt"], "must be one of"),
        ([], "give files or folders"),
    ],
)
def test_bad_lists_and_flags_are_usage_errors(
    org: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("# nothing\n\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("org/billing\norg/nowhere\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("org/billing\norg/search\n", encoding="utf-8")
    done = runner.invoke(app, ["scan", "-q", *args])
    assert done.exit_code == 2
    assert message in done.output
    assert "Traceback" not in done.output


def test_audit_of_several_uses_each_repositorys_policy_and_fails_if_one_fails(org: list[Path]) -> None:
    (org[2] / "openwatch.toml").write_text(
        '[policy]\ndeny_access = ["open-weights-restricted"]\n', encoding="utf-8"
    )
    code, document = _json(["audit", *map(str, org), "--today", TODAY, "--no-record"])
    assert code == 1
    assert schema_problems(document) == []
    assert document["verdict"] == {"passed": False, "exit_code": 1, "failing": [str(org[2])]}
    for entry, repo in zip(document["repositories"], org, strict=True):  # type: ignore[call-overload]
        alone_code, alone = _json(["audit", str(repo), "--today", TODAY, "--no-record"])
        assert alone_code == (1 if repo == org[2] else 0)
        assert without_timing(entry["document"]) == without_timing(alone)


def test_audit_of_several_records_each_repository(org: list[Path], tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'history.db'}"
    done = runner.invoke(app, ["audit", *map(str, org), "-q", "--no-cache", "--db", db, "--today", TODAY])
    assert done.exit_code == 0, done.output
    history = runner.invoke(app, ["history", "--db", db])
    assert all(repo.name in history.output for repo in org)


def test_org_document_renders_as_a_table_and_not_as_sarif(org: list[Path], tmp_path: Path) -> None:
    _, document = _json(["scan", *map(str, org), "--jobs", "1"])
    saved = tmp_path / "org.json"
    saved.write_text(json.dumps(document), encoding="utf-8")
    assert read_document(saved.read_text(encoding="utf-8"))["kind"] == "org-scan"
    table = runner.invoke(app, ["report", str(saved), "-f", "table"])
    assert table.exit_code == 0, table.output
    assert "3 models across 3 repositories" in table.output
    assert "openai/gpt-4o" in table.output
    sarif = runner.invoke(app, ["report", str(saved), "-f", "sarif"])
    assert sarif.exit_code == 2
    assert "renders one repository" in sarif.output


def test_python_api_scans_and_audits_repositories(org: list[Path], tmp_path: Path) -> None:
    scanned = openwatch.scan_repositories(*org, cache=tmp_path / "c.sqlite3", jobs=1)
    again = openwatch.scan_repositories(*org, cache=tmp_path / "c.sqlite3", jobs=1)
    assert again["stats"]["files_cached"] == 7
    assert without_cache_counts(again) == without_cache_counts(scanned)
    audited = openwatch.audit_repositories(*org, today=__import__("datetime").date(2026, 6, 1))
    assert audited["kind"] == "org-audit" and audited["verdict"]["passed"] is True
    assert schema_problems(audited) == []
