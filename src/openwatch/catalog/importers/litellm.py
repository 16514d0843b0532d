"""Import LiteLLM's model map: each model id that resolves to a catalog model, with its retirement date."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from openwatch.catalog.imported import Enrichment, ImportedFile
from openwatch.catalog.importers.common import (
    ImporterInputError,
    ImportSummary,
    curated_catalog,
    require_dir,
    retrieved_date,
    sha256_of_files,
    write_imported,
)
from openwatch.catalog.resolve import Resolver
from openwatch.catalog.schema import ApiSnapshot, Source

DATASET = "LiteLLM model map"
VERSION = "1.110.2"
FILE_NAME = "model_prices_and_context_window.json"
CREDIT = (
    f"LiteLLM {FILE_NAME} from the litellm {VERSION} wheel (BerriAI/litellm), "
    "MIT licence, Copyright (c) 2023 Berri AI"
)
DATA_LICENCE = "MIT"
SOURCE = Source(
    publisher=f"LiteLLM model map (litellm {VERSION}, MIT)",
    url=f"https://pypi.org/project/litellm/{VERSION}/",
    citation=f"litellm/model_prices_and_context_window_backup.json in the litellm {VERSION} wheel",
    status="reported",
)
_COPIED = re.compile(r"\bcopied\s+(?:on\s+)?\**(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
CHAT_MODES = frozenset(("chat", "completion", "embedding", "responses"))
"""Modes whose keys name a language or embedding model (the coverage test counts these)."""
AUDIO_MODES = frozenset(("audio_transcription", "audio_speech", "realtime"))
"""Modes whose keys name a speech-to-text, text-to-speech or realtime speech model."""


def read_model_map(data_dir: Path) -> dict[str, dict[str, Any]]:
    """LiteLLM's map from model key to its fields, without the `sample_spec` documentation entry."""
    path = require_dir(data_dir / "litellm", "LiteLLM data") / FILE_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ImporterInputError(f"LiteLLM model map not found: {path}") from exc
    except ValueError as exc:
        raise ImporterInputError(f"LiteLLM model map is not valid JSON: {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise ImporterInputError(f"LiteLLM model map is not a JSON object: {path}")
    return {k: v for k, v in raw.items() if k != "sample_spec" and isinstance(v, dict)}


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _retrieved(source_md: Path) -> dt.date:
    """The copy date SOURCE.md states ("Copied 2026-11-29"), so the output does not depend on today."""
    try:
        return retrieved_date(source_md)
    except ImporterInputError:
        match = _COPIED.search(source_md.read_text(encoding="utf-8")) if source_md.is_file() else None
        if match is None:
            raise
        return dt.date.fromisoformat(match.group(1))


def build_enrichments(entries: dict[str, dict[str, Any]], resolver: Resolver) -> tuple[list[Enrichment], int]:
    """One enrichment per catalog model, listing every LiteLLM key that resolves to it (sorted, stable)."""
    by_model: dict[str, list[ApiSnapshot]] = defaultdict(list)
    for key in sorted(entries):
        model_id = resolver.resolve(key).model_id
        if model_id is None:
            continue
        deprecation = _date(entries[key].get("deprecation_date"))
        source = SOURCE if deprecation is not None else None  # the file's attribution covers bare ids
        by_model[model_id].append(ApiSnapshot(id=key, deprecation_date=deprecation, source=source))
    enrichments = [
        Enrichment(model=model_id, record=f"litellm:{model_id}", snapshots=snapshots)
        for model_id, snapshots in sorted(by_model.items())
    ]
    return enrichments, sum(len(s) for s in by_model.values())


def import_litellm(data_dir: Path, out_dir: Path) -> ImportSummary:
    """Read LiteLLM's model map, resolve each key against the curated catalog, write imported/litellm.yaml."""
    entries = read_model_map(data_dir)
    catalog, problems = curated_catalog()
    enrichments, matched = build_enrichments(entries, Resolver(catalog))
    source_dir = data_dir / "litellm"
    imported = ImportedFile(
        dataset=DATASET,
        attribution=CREDIT,
        data_licence=DATA_LICENCE,
        retrieved=_retrieved(source_dir / "SOURCE.md"),
        input_sha256=sha256_of_files([source_dir / FILE_NAME], data_dir),
        enrichments=enrichments,
    )
    out = out_dir / "litellm.yaml"
    write_imported(imported, out)
    summary = ImportSummary(dataset="litellm", rows=len(entries), matched=matched, catalog_problems=problems)
    summary.skipped["key resolves to no catalog model"] = len(entries) - matched
    summary.output = out
    return summary
