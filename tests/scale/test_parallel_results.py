"""Workers change nothing but speed: --jobs N across repositories and files, and a Dask cluster, give the
results a serial run gives."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_support import without_timing, write_org
from typer.testing import CliRunner

import openwatch
import openwatch.cli.commands  # registers the commands
from openwatch.cli import app
from openwatch.scanner import dispatch

runner = CliRunner()


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Nine repositories (three of each kind): enough files that the workers get most of them."""
    return write_org(tmp_path_factory.mktemp("parallel") / "org", copies=3)


def _scan(org: list[Path], *flags: str) -> dict[str, object]:
    done = runner.invoke(app, ["scan", *map(str, org), "-f", "json", "-q", "--no-cache", *flags])
    assert done.exit_code == 0, done.output
    document: dict[str, object] = json.loads(done.stdout)
    return document


def test_jobs_across_repositories_and_files_give_the_serial_result(
    org: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dispatch, "PARALLEL_AFTER", 2)  # workers start after two files, one file a batch
    monkeypatch.setattr(dispatch, "BATCH", 1)
    serial = _scan(org, "--jobs", "1")
    assert serial["stats"]["repositories"] == 9  # type: ignore[index]
    assert without_timing(_scan(org, "--jobs", "2")) == without_timing(serial)
    assert without_timing(_scan(org, "--jobs", "3")) == without_timing(serial)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of two worker processes, one thread each, for the module."""
    import distributed  # the test extras install dask[distributed]: CI runs these tests

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_cluster_gives_the_local_result(org: list[Path], scheduler: str) -> None:
    local = _scan(org, "--jobs", "1")
    remote = _scan(org, "--executor", "dask", "--scheduler", scheduler)
    assert without_timing(remote) == without_timing(local)


def test_dask_cluster_with_the_cache_scans_the_bytes_it_is_sent(
    org: list[Path], scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENWATCH_CACHE", str(tmp_path / "cache"))
    dask = ["--executor", "dask", "--scheduler", scheduler]
    args = ["scan", *map(str, org), "-f", "json", "-q", *dask]
    cold, warm = (runner.invoke(app, args) for _ in range(2))
    assert cold.exit_code == warm.exit_code == 0, cold.output + warm.output
    local = _scan(org, "--jobs", "1")
    assert json.loads(warm.stdout)["stats"]["files_cached"] == local["stats"]["files_seen"]  # type: ignore[index]
    for run in (cold, warm):
        assert without_timing(json.loads(run.stdout), cache_counts=False) == without_timing(
            local, cache_counts=False
        )


def test_dask_cluster_through_the_python_api_and_for_an_audit(org: list[Path], scheduler: str) -> None:
    import datetime as dt

    day = dt.date(2026, 6, 1)
    local = openwatch.audit_repositories(*org[:3], today=day, jobs=1)
    remote = openwatch.audit_repositories(*org[:3], today=day, executor="dask", scheduler=scheduler)
    assert without_timing(remote) == without_timing(local)


def test_an_unreachable_scheduler_is_a_usage_error(org: list[Path]) -> None:
    done = runner.invoke(
        app,
        ["scan", str(org[0]), "-q", "--no-cache", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"],
    )
    assert done.exit_code == 2
    assert "cannot reach the Dask scheduler" in done.output


def test_the_default_path_never_imports_dask(org: list[Path]) -> None:
    code = (
        "import sys\n"
        "from openwatch.cli import main\n"
        f"sys.argv = ['openwatch', 'scan', {str(org[0])!r}, {str(org[1])!r},"
        " '-q', '-f', 'json', '--no-cache', '-o', '/dev/null']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
