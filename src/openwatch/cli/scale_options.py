"""Options `scan` and `audit` share for large scans: workers, cache, executor, and lists of repositories."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from openwatch.cli.common import fail
from openwatch.parallel import EXECUTORS

JobsOption: Any = typer.Option(
    0, "--jobs", min=0, help="Worker processes across repositories and files (0: one per CPU)."
)
NoCacheOption: Any = typer.Option(
    False, "--no-cache", help="Scan every file afresh; do not read or write the scan cache."
)
ExecutorOption: Any = typer.Option(
    "local", "--executor", help="Where files are scanned: local (this machine) or dask (a Dask cluster)."
)
SchedulerOption: Any = typer.Option(
    None, "--scheduler", help="Address of the Dask scheduler (tcp://host:8786), with --executor dask."
)
ReposOption: Any = typer.Option(
    None, "--repos", help="File listing repositories, one path a line: each is reported on its own."
)


def scale_settings(jobs: int, no_cache: bool, executor: str, scheduler: str | None) -> dict[str, Any]:
    """ScanOptions fields from the flags; exit 2 on a bad combination."""
    from openwatch.scanner.cache import cache_file

    if executor not in EXECUTORS:
        fail(f"--executor must be one of {', '.join(EXECUTORS)}", 2)
    if executor == "dask" and not scheduler:
        fail("--executor dask needs --scheduler ADDRESS (e.g. tcp://scheduler:8786)", 2)
    if scheduler and executor != "dask":
        fail("--scheduler goes with --executor dask", 2)
    return {
        "jobs": jobs,
        "cache": None if no_cache else cache_file(),
        "executor": executor,
        "scheduler": scheduler,
    }


def _listed(repos_file: Path) -> list[Path]:
    """The repositories a list file names (blank lines and # comments skipped; relative to the file)."""
    try:
        lines = repos_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"--repos {repos_file}: cannot read: {getattr(exc, 'strerror', None) or exc}", 2)
    paths = [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]
    if not paths:
        fail(f"--repos {repos_file}: lists no repository", 2)
    return [repos_file.parent / path for path in paths]


def repositories(paths: list[Path], repos_file: Path | None) -> list[Path] | None:
    """The repositories to report on one by one, or None when the paths are one project.

    With --repos, every path given and listed is a repository. Without it, two or more folders that are
    each a git checkout (they hold `.git`) are repositories; other lists of paths (files, sub-folders of one
    project, the file names pre-commit passes) are one project, as always.
    """
    if repos_file is None:
        if len(paths) > 1 and all((path / ".git").exists() for path in paths):
            return _distinct(paths)
        return None
    listed = [*paths, *_listed(repos_file)]
    for path in listed:
        if not path.is_dir():
            fail(f"repository {path}: no such folder", 2)
    return _distinct(listed)


def _distinct(paths: list[Path]) -> list[Path]:
    """Each repository once, in the order given."""
    seen: set[Path] = set()
    kept = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept
