"""The resolver's name index cached as JSON next to the compiled catalog (it is a pure function of both)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from openwatch.catalog import resolve_index, resolve_rules
from openwatch.catalog.cache import LazyModels
from openwatch.catalog.load import Catalog
from openwatch.catalog.resolve_index import NameIndex, build_index

INDEX_FORMAT = "1"
"""Bump when the cached index layout changes."""
_TIERS = ("strict", "undated", "loose")


def _code_key() -> str:
    """A key that changes with the index-building code and the rules table (sizes and modification times)."""
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    rules = resolve_rules.RULES_PATH
    for path in (Path(resolve_index.__file__), Path(resolve_rules.__file__), Path(__file__), rules):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def index_to_json(index: NameIndex) -> bytes:
    """The index as compact JSON (sets as sorted lists)."""
    payload: dict[str, Any] = {
        tier: {k: sorted(v) for k, v in getattr(index, tier).items()} for tier in _TIERS
    }
    payload.update(
        org_labs=index.org_labs,
        bedrock_vendors=sorted(index.bedrock_vendors),
        model_labs=index.model_labs,
    )
    return json.dumps(payload, separators=(",", ":")).encode()


def index_from_json(blob: bytes) -> NameIndex:
    """An index read back from index_to_json's output."""
    data = json.loads(blob)
    tiers = {tier: {str(k): set(v) for k, v in data[tier].items()} for tier in _TIERS}
    return NameIndex(
        strict=tiers["strict"],
        undated=tiers["undated"],
        loose=tiers["loose"],
        org_labs=dict(data["org_labs"]),
        bedrock_vendors=frozenset(data["bedrock_vendors"]),
        model_labs=dict(data["model_labs"]),
    )


def cached_index(catalog: Catalog) -> NameIndex:
    """The name index, read from beside the catalog's cache file when there is one, else built (and saved)."""
    source = catalog.models.source if isinstance(catalog.models, LazyModels) else None
    if source is None:
        return build_index(catalog)
    try:
        path = source.with_name(f"resolver-index-{source.stem}-{_code_key()}.json")
    except OSError:
        return build_index(catalog)
    try:
        return index_from_json(path.read_bytes())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # missing, stale or damaged: rebuilt below
    index = build_index(catalog)
    try:
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(index_to_json(index))
        tmp.replace(path)
    except OSError:
        pass  # caching is an optimisation; a read-only cache folder still works
    return index
