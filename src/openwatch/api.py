"""The Python API: scan or audit a project and get the same JSON-ready documents the CLI prints."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openwatch.assess.audit import Audit, audit_dict, run_audit
from openwatch.assess.baseline import DEFAULT_BASELINE
from openwatch.assess.findings import Severity
from openwatch.catalog.load import Catalog, load_catalog
from openwatch.catalog.resolve import Resolver
from openwatch.config import ProjectSettings, load_settings
from openwatch.formats.document import audit_document, scan_document
from openwatch.scanner.context import parse_contexts
from openwatch.scanner.inventory import build_inventory, inventory_dict
from openwatch.scanner.run import ScanOptions, ScanProgress
from openwatch.scanner.run import scan as run_scan


def _catalog(catalog: Catalog | Sequence[str | Path] | None) -> Catalog:
    if isinstance(catalog, Catalog):
        return catalog
    return load_catalog([Path(p) for p in catalog or ()])


def scan_options(
    contexts: Sequence[str] = (), include: Sequence[str] = (), exclude: Sequence[str] = (), **more: Any
) -> ScanOptions:
    """Scan options from user words; ValueError names an unknown context."""
    return ScanOptions(
        include=tuple(include), exclude=tuple(exclude), contexts=parse_contexts(contexts), **more
    )


def project_settings(path: Path, policy: Path | None = None, **overrides: Any) -> ProjectSettings:
    """The project's settings (from `policy`, else the project's files) with overrides applied.

    Raises SettingsError for malformed settings. A baseline file in the project is used if present.
    """
    settings = load_settings(policy if policy else path)
    if (
        overrides.get("baseline") is None
        and settings.baseline is None
        and (path / DEFAULT_BASELINE).is_file()
    ):
        overrides["baseline"] = path / DEFAULT_BASELINE
    return settings.with_overrides(**overrides)


def audit_project(
    paths: Sequence[Path],
    settings: ProjectSettings,
    catalog: Catalog,
    options: ScanOptions,
    today: dt.date,
    *,
    fail_on: Severity | None = None,
    progress: ScanProgress | None = None,
    use_baseline: bool = True,
) -> tuple[Audit, dict[str, Any]]:
    """Run an audit and build its document; raises PolicyError or BaselineError on bad inputs."""
    result = run_audit(
        paths,
        settings,
        catalog,
        options,
        today,
        use_baseline=use_baseline,
        fail_on=fail_on,
        progress=progress,
    )
    return result, audit_document(audit_dict(result, catalog))


def _scale(jobs: int, cache: bool | str | Path, executor: str, scheduler: str | None) -> dict[str, Any]:
    """ScanOptions fields for workers, the scan cache (True: the default file) and the executor."""
    from openwatch.scanner.cache import cache_file

    chosen = cache_file() if cache is True else Path(cache) if cache else None
    return {"jobs": jobs, "cache": chosen, "executor": executor, "scheduler": scheduler}


def scan(
    *paths: str | Path,
    contexts: Sequence[str] = (),
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    catalog: Catalog | Sequence[str | Path] | None = None,
    jobs: int = 0,
    cache: bool | str | Path = False,
    executor: str = "local",
    scheduler: str | None = None,
) -> dict[str, Any]:
    """Scan files or folders: the document `openwatch scan --format json` prints.

    `jobs` worker processes (0: one per CPU); `cache` True uses the scan cache in the user's cache folder
    (or give its file); `executor="dask"` with `scheduler="tcp://host:8786"` runs on a Dask cluster.
    """
    loaded = _catalog(catalog)
    resolver = Resolver(loaded)
    options = scan_options(contexts, include, exclude, **_scale(jobs, cache, executor, scheduler))
    result = run_scan([Path(p) for p in paths], options, loaded)
    return scan_document(inventory_dict(build_inventory(result, resolver), loaded))


def scan_repositories(
    *repositories: str | Path,
    contexts: Sequence[str] = (),
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    catalog: Catalog | Sequence[str | Path] | None = None,
    jobs: int = 0,
    cache: bool | str | Path = False,
    executor: str = "local",
    scheduler: str | None = None,
) -> dict[str, Any]:
    """Scan several repositories in one pass: the organisation's document (`kind` "org-scan") that
    `openwatch scan REPO REPO...` prints, with each repository's scan and the models across them."""
    from openwatch.org import org_document, scan_each, timed

    started = time.perf_counter()
    loaded = _catalog(catalog)
    options = scan_options(contexts, include, exclude, **_scale(jobs, cache, executor, scheduler))
    folders = [Path(p) for p in repositories]
    return timed(started, org_document("scan", folders, scan_each(folders, options, loaded)))


def audit(
    *paths: str | Path,
    policy: str | Path | None = None,
    today: dt.date | None = None,
    fail_on: str | None = None,
    contexts: Sequence[str] = (),
    exclude: Sequence[str] = (),
    catalog: Catalog | Sequence[str | Path] | None = None,
    **settings: Any,
) -> dict[str, Any]:
    """Audit a project: the document `openwatch audit --format json` prints.

    `settings` override the project's (eu_established, commercial, role, placed, monthly_active_users,
    baseline). Raises SettingsError, PolicyError or BaselineError on bad inputs, ValueError on bad words.
    """
    folders = [Path(p) for p in paths]
    chosen = project_settings(folders[0], Path(policy) if policy else None, **settings)
    loaded = _catalog(catalog if catalog is not None else chosen.catalog)
    options = scan_options(contexts, (), exclude)
    threshold = Severity(fail_on) if fail_on else None
    day = today or dt.date.today()
    return audit_project(folders, chosen, loaded, options, day, fail_on=threshold)[1]


def audit_repositories(
    *repositories: str | Path,
    policy: str | Path | None = None,
    today: dt.date | None = None,
    fail_on: str | None = None,
    contexts: Sequence[str] = (),
    exclude: Sequence[str] = (),
    catalog: Catalog | Sequence[str | Path] | None = None,
    jobs: int = 0,
    cache: bool | str | Path = False,
    executor: str = "local",
    scheduler: str | None = None,
    **settings: Any,
) -> dict[str, Any]:
    """Audit several repositories, each with its own settings and baseline, scanning them in one pass: the
    organisation's document (`kind` "org-audit"); its verdict fails if any repository's audit fails."""
    from openwatch.org import audit_each, org_document, timed

    started = time.perf_counter()
    folders = [Path(p) for p in repositories]
    chosen = [project_settings(f, Path(policy) if policy else None, **settings) for f in folders]
    loaded = _catalog(catalog)
    options = scan_options(contexts, (), exclude, **_scale(jobs, cache, executor, scheduler))
    threshold = Severity(fail_on) if fail_on else None
    audits = audit_each(folders, chosen, loaded, options, today or dt.date.today(), fail_on=threshold)
    return timed(started, org_document("audit", folders, [document for _, document in audits]))


def render(document: dict[str, Any], fmt: str) -> str:
    """A scan or audit document in one of the output formats (`openwatch.formats.registry`)."""
    from openwatch.formats.registry import render as render_format

    return render_format(document, fmt)
