"""The scan cache: a warm scan gives what a cold one does; only changed files (and their importers) are
scanned again; damaged entries and files are ignored; --no-cache leaves no cache behind."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from scale_support import REPOSITORIES, without_cache_counts, write_repository
from typer.testing import CliRunner

import openwatch.cli.commands  # noqa: F401  (registers the commands)
from openwatch.catalog.load import load_catalog
from openwatch.catalog.resolve import Resolver
from openwatch.cli import app
from openwatch.formats.document import scan_document
from openwatch.scanner.cache import scan_fingerprint
from openwatch.scanner.inventory import build_inventory, inventory_dict
from openwatch.scanner.run import ScanOptions, scan

runner = CliRunner()
CATALOG = load_catalog()


def _document(repo: Path, cache: Path | None) -> dict[str, object]:
    """What `openwatch scan REPO --format json` prints, scanned in this process with or without the cache."""
    result = scan([repo], ScanOptions(cache=cache, jobs=1), CATALOG)
    return scan_document(inventory_dict(build_inventory(result, Resolver(CATALOG)), CATALOG))


def _cached(document: dict[str, object]) -> int:
    stats = document["stats"]
    assert isinstance(stats, dict)
    return int(stats.get("files_cached", 0))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_repository(tmp_path / "billing", REPOSITORIES["billing"])


def test_warm_scan_gives_the_cold_result_from_the_cache(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    fresh = _document(repo, None)
    cold = _document(repo, cache)
    warm = _document(repo, cache)
    assert _cached(cold) == 0
    assert _cached(warm) == 3  # app.py, settings.py, README.md: nothing scanned again
    assert without_cache_counts(warm) == without_cache_counts(cold) == without_cache_counts(fresh)


def test_a_changed_file_alone_is_scanned_again(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    _document(repo, cache)
    readme = "# Billing\n\nNow also uses claude-3-5-sonnet-20241022.\n"
    (repo / "README.md").write_text(readme, encoding="utf-8")
    warm = _document(repo, cache)
    assert _cached(warm) == 2
    assert without_cache_counts(warm) == without_cache_counts(_document(repo, None))


def test_a_change_in_an_imported_module_rescans_the_importer(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    before = _document(repo, cache)
    assert [m["id"] for m in before["models"]] == ["openai/gpt-4o"]  # type: ignore[index]
    (repo / "settings.py").write_text('CHAT_MODEL = "gpt-4o-mini"\n', encoding="utf-8")
    after = _document(repo, cache)
    assert _cached(after) == 1  # README.md only: settings.py changed, app.py imports it
    models = {m["id"]: [r["path"] for r in m["references"]] for m in after["models"]}  # type: ignore[union-attr]
    assert models == {"openai/gpt-4o-mini": ["app.py", "settings.py"]}


def test_a_module_that_appears_rescans_the_files_importing_it(tmp_path: Path) -> None:
    repo = write_repository(tmp_path / "r", {"app.py": REPOSITORIES["billing"]["app.py"]})
    cache = tmp_path / "cache.sqlite3"
    assert _document(repo, cache)["models"] == []
    (repo / "settings.py").write_text('CHAT_MODEL = "gpt-4o"\n', encoding="utf-8")
    after = _document(repo, cache)
    assert _cached(after) == 0
    assert [m["id"] for m in after["models"]] == ["openai/gpt-4o"]  # type: ignore[index]


def test_a_tampered_entry_is_ignored_never_trusted(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    cold = _document(repo, cache)
    with sqlite3.connect(cache) as db:
        payload = db.execute("SELECT payload FROM entries WHERE relpath = 'settings.py'").fetchone()[0]
        forged = bytes(payload).replace(b"gpt-4o", b"gpt-3.5")
        db.execute("UPDATE entries SET payload = ? WHERE relpath = 'settings.py'", (forged,))
    warm = _document(repo, cache)
    assert _cached(warm) == 2
    assert without_cache_counts(warm) == without_cache_counts(cold)


def test_a_cache_file_that_is_not_a_database_is_replaced(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite3"
    cache.write_bytes(b"this is not SQLite" * 100)
    first = _document(repo, cache)
    second = _document(repo, cache)
    assert (_cached(first), _cached(second)) == (0, 3)
    assert without_cache_counts(first) == without_cache_counts(_document(repo, None))


def test_the_fingerprint_changes_with_the_catalog_aliases_and_limits() -> None:
    base = scan_fingerprint(["python"], ["gpt-4o"], [5_000_000])
    assert scan_fingerprint(["python"], ["gpt-4o", "new-model"], [5_000_000]) != base
    assert scan_fingerprint(["python"], ["gpt-4o"], [1_000]) != base
    assert scan_fingerprint(["python", "shell"], ["gpt-4o"], [5_000_000]) != base
    assert scan_fingerprint(["python"], ["gpt-4o"], [5_000_000]) == base


def test_cli_uses_the_cache_folder_and_no_cache_leaves_none(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENWATCH_CACHE", str(tmp_path / "no-cache"))
    done = runner.invoke(app, ["scan", str(repo), "-f", "json", "-q", "--no-cache"])
    assert done.exit_code == 0, done.output
    assert not (tmp_path / "no-cache" / "scan-cache.sqlite3").exists()
    monkeypatch.setenv("OPENWATCH_CACHE", str(tmp_path / "cache"))
    cold = runner.invoke(app, ["scan", str(repo), "-f", "json", "-q"])
    warm = runner.invoke(app, ["scan", str(repo), "-f", "json", "-q"])
    assert (tmp_path / "cache" / "scan-cache.sqlite3").is_file()
    assert json.loads(warm.output)["stats"]["files_cached"] == 3
    assert without_cache_counts(json.loads(warm.output)) == without_cache_counts(json.loads(cold.output))


def test_concurrent_runs_share_the_cache_safely(tmp_path: Path) -> None:
    repos = [write_repository(tmp_path / f"r{i}", REPOSITORIES["search"]) for i in range(2)]
    env = {"OPENWATCH_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "openwatch", "scan", "-f", "json", "-q", "--jobs", "1"]
    runs = [
        subprocess.Popen([*command, str(repo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for repo in (*repos, *repos)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], [err.decode() for _, err in outputs]
    documents = [without_cache_counts(json.loads(out)) for out, _ in outputs]
    expected = without_cache_counts(_document(repos[0], None))
    assert all(document == expected for document in documents)
    warm = _document(repos[0], tmp_path / "cache" / "scan-cache.sqlite3")
    assert _cached(warm) == 2
