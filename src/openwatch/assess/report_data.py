"""Catalog facts and context reports show beside an audit: model cards, lab stance timelines, repository."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openwatch.catalog.effective import effective_model
from openwatch.catalog.load import Catalog
from openwatch.catalog.releases import lab_releases
from openwatch.catalog.schema import Model
from openwatch.catalog.stance import stance_changes, stance_on
from openwatch.catalog.stance_views import change_view
from openwatch.catalog.views import model_detail, source_text

LOCAL_RUNTIMES = frozenset({"huggingface", "ollama", "vllm", "llama-cpp", "torch-hub", "timm", "local"})
"""Providers that run the model on the user's own machines; every other provider is a hosted API."""


def hosted_apis(model: Model, providers: Iterable[str | None]) -> list[str]:
    """The hosted APIs the code reaches this model through (the lab's own API for an API-only model)."""
    hosted = {p for p in providers if p and p not in LOCAL_RUNTIMES}
    if not hosted and model.access.value == "api-only":
        hosted.add(model.lab)
    return sorted(hosted)


def _licence_card(model: Model, catalog: Catalog) -> dict[str, Any] | None:
    """The model's licence as reports name it: SPDX id or LicenseRef, name, and where to read it."""
    licence = catalog.licence_of(model)
    if licence is None:
        return None
    url = next((s.url for s in licence.sources if s.url), None)
    return {
        "key": licence.key,
        "name": licence.name,
        "spdx_id": licence.spdx_id,
        "expression_id": licence.expression_id,
        "url": url,
        "kind": licence.kind,
        "osi_approved": licence.osi_approved,
    }


def model_card(model: Model, catalog: Catalog, providers: Iterable[str | None] = ()) -> dict[str, Any]:
    """The catalog facts a report shows for one model, each with its source and status."""
    filled = effective_model(model, catalog)
    lab = catalog.labs.get(model.lab)
    detail = model_detail(model, catalog)
    return {
        "kind": model.kind,
        "version": model.version,
        "released": model.released.isoformat() if model.released else None,
        "hub_ids": list(model.aliases.hub),
        "api_ids": list(model.aliases.api),
        "hosted_apis": hosted_apis(model, providers),
        "base_model": model.base_model,
        "modalities": {"input": list(filled.modalities.input), "output": list(filled.modalities.output)},
        "parameters": filled.parameters.total,
        "training_flop": detail["training_flop"],
        "supplier": {
            "id": model.lab,
            "name": lab.name if lab else model.lab,
            "country": lab.country if lab else None,
        },
        "licence": _licence_card(model, catalog),
        "facts": detail["facts"],
        "sources": [{"source": source_text(s), "url": s.url, "status": s.status} for s in model.sources],
        "status": model.status,
    }


def lab_timelines(lab_ids: Iterable[str], catalog: Catalog, today: dt.date) -> list[dict[str, Any]]:
    """For each lab: its stance now and every dated stance since its first event or release."""
    out = []
    for lab_id in sorted(set(lab_ids)):
        lab = catalog.labs.get(lab_id)
        if lab is None:
            continue
        dates = [e.date for e in lab.events if e.date <= today]
        dates += [m.released for m in catalog.models.values() if m.lab == lab_id and m.released]
        dates = [d for d in dates if d <= today]
        if not dates:
            continue
        first = min(dates)
        releases = lab_releases(catalog, lab)
        start = stance_on(catalog, lab, first, releases).stance.value
        points: list[dict[str, Any]] = [{"date": first.isoformat(), "stance": start, "event": None}]
        for change in stance_changes(catalog, lab, today, releases):
            view = change_view(change)
            release = view["release"]
            points.append(
                {
                    "date": view["date"],
                    "stance": change.after.value,
                    "event": None
                    if release is None
                    else {
                        "summary": release["summary"],
                        "status": release["status"],
                        "source": release["sources"][0],
                    },
                }
            )
        out.append(
            {
                "id": lab.id,
                "name": lab.name,
                "stance": stance_on(catalog, lab, today, releases).stance.value,
                "timeline": points,
            }
        )
    return out


def _git_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding a `.git` folder or file."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def repository_of(paths: Sequence[str]) -> dict[str, Any]:
    """Where the audit's paths are rooted: the git repository holding them (else the scanned folder).

    A single scanned folder roots the paths; otherwise they are as given, from the working folder.
    `path_in_repository` turns an audit path into a repository-relative one.
    """
    single = len(paths) == 1 and Path(paths[0]).is_dir()
    base = Path(paths[0] if single else ".").resolve()
    first = Path(paths[0]).resolve() if paths else base
    root = _git_root(first if first.is_dir() else first.parent)
    if root is None:
        return {"vcs": None, "name": base.name, "path_in_repository": ""}
    prefix = os.path.relpath(base, root).replace(os.sep, "/")
    return {"vcs": "git", "name": root.name, "path_in_repository": "" if prefix == "." else prefix}
