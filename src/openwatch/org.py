"""Several repositories at once: scanned in one pass, each audited with its own settings, and the
organisation-wide inventory (which models, used by how many repositories) built from their documents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openwatch.assess.audit import Audit, assess_inventory, audit_dict
from openwatch.assess.baseline import DEFAULT_BASELINE, BaselineEntry, BaselineError, load_baseline
from openwatch.assess.findings import Severity
from openwatch.assess.policy import validate_policy
from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve import Resolver
from openwatch.config import ProjectSettings
from openwatch.formats.document import SCHEMA_VERSION, audit_document, scan_document
from openwatch.scanner.inventory import build_inventory, inventory_dict
from openwatch.scanner.run import ScanOptions, ScanProgress, scan_repositories

ORG_SUMS = ("files_seen", "files_parsed", "files_prefiltered_out", "files_cached", "bytes", "skipped")
"""Per-repository counters the organisation's stats add up."""


def scan_each(
    repositories: Sequence[Path], options: ScanOptions, catalog: Catalog, progress: ScanProgress | None = None
) -> list[dict[str, Any]]:
    """Scan every repository in one pass; one scan document each, as `openwatch scan REPO` prints it."""
    resolver = Resolver(catalog)
    results = scan_repositories([[repo] for repo in repositories], options, catalog, progress=progress)
    return [scan_document(inventory_dict(build_inventory(r, resolver), catalog)) for r in results]


def audit_each(
    repositories: Sequence[Path],
    settings: Sequence[ProjectSettings],
    catalog: Catalog,
    options: ScanOptions,
    today: dt.date,
    *,
    fail_on: Severity | None = None,
    progress: ScanProgress | None = None,
) -> list[tuple[Audit, dict[str, Any]]]:
    """Audit every repository with its own settings and baseline, scanning them all in one pass.

    Raises PolicyError or BaselineError (naming the repository) before anything is scanned.
    """
    baselines: list[list[BaselineEntry] | None] = []
    own = {DEFAULT_BASELINE, "openwatch.toml"}
    for repo, chosen in zip(repositories, settings, strict=True):
        validate_policy(chosen.policy)
        entries = None
        if chosen.baseline is not None:
            if not chosen.baseline.is_file():
                raise BaselineError(f"{repo}: baseline file {chosen.baseline} not found")
            entries = load_baseline(chosen.baseline)
            own.add(chosen.baseline.name)
        baselines.append(entries)
    options = dataclasses.replace(options, exclude=(*options.exclude, *sorted(own)))
    resolver = Resolver(catalog)
    results = scan_repositories([[repo] for repo in repositories], options, catalog, progress=progress)
    audits = []
    for repo, chosen, entries, result in zip(repositories, settings, baselines, results, strict=True):
        inventory = build_inventory(result, resolver)
        audit = assess_inventory((str(repo),), inventory, chosen, catalog, today, entries, fail_on)
        audits.append((audit, audit_document(audit_dict(audit, catalog))))
    return audits


def org_document(
    kind: str, repositories: Sequence[Path], documents: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """The organisation's document: each repository's document, the models across them, the unresolved
    texts across them, and the totals; `kind` is "scan" or "audit"."""
    models: dict[str, dict[str, Any]] = {}
    unresolved: dict[str, dict[str, Any]] = {}
    for repo, document in zip(repositories, documents, strict=True):
        for model in document["models"]:
            entry = models.setdefault(model["id"], _org_model(model))
            entry["references"] += model["count"]
            _add_path(entry, str(repo))
        for ref in document["unresolved"]:
            entry = unresolved.setdefault(ref["text"], {"text": ref["text"], "references": 0, "paths": []})
            entry["references"] += 1
            _add_path(entry, str(repo))
    for entry in (*models.values(), *unresolved.values()):
        entry["repositories"] = len(entry["paths"])
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kind": f"org-{kind}",
        "repositories": [
            {"path": str(repo), "document": document}
            for repo, document in zip(repositories, documents, strict=True)
        ],
        "inventory": sorted(models.values(), key=lambda m: (-m["repositories"], -m["references"], m["id"])),
        "unresolved": sorted(unresolved.values(), key=lambda u: (-u["repositories"], u["text"])),
        "stats": _org_stats(documents, len(models), len(unresolved)),
    }
    if kind == "audit":
        failing = [str(r) for r, d in zip(repositories, documents, strict=True) if not d["verdict"]["passed"]]
        data["verdict"] = {"passed": not failing, "exit_code": 1 if failing else 0, "failing": failing}
    return data


def _org_model(model: dict[str, Any]) -> dict[str, Any]:
    """A model's entry in the organisation's inventory, before its repositories are counted."""
    keys = ("id", "name", "lab", "lab_name", "family", "access", "licence")
    return {**{key: model[key] for key in keys}, "references": 0, "paths": []}


def _add_path(entry: dict[str, Any], path: str) -> None:
    """Note a repository in an inventory entry once."""
    if not entry["paths"] or entry["paths"][-1] != path:
        entry["paths"].append(path)


def _org_stats(documents: Sequence[dict[str, Any]], models: int, unresolved: int) -> dict[str, int | float]:
    """Totals over the repositories."""
    stats: dict[str, int | float] = {
        "repositories": len(documents),
        "models": models,
        "unresolved": unresolved,
    }
    stats["references"] = sum(int(d["stats"].get("references", 0)) for d in documents)
    for key in ORG_SUMS:
        stats[key] = sum(int(d["stats"].get(key, 0)) for d in documents)
    if any("findings" in d for d in documents):
        stats["findings"] = sum(len(d["findings"]) for d in documents)
    return stats


def timed(started: float, document: dict[str, Any]) -> dict[str, Any]:
    """The organisation's document with the whole run's seconds."""
    document["stats"]["seconds"] = round(time.perf_counter() - started, 3)
    return document
