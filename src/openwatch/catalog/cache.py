"""The compiled-catalog cache: validated data as JSON, keyed by the data files, read back fast."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from openwatch.catalog.core import Catalog
from openwatch.catalog.imported import Enrichment
from openwatch.catalog.schema import Lab, Licence, Model

CACHE_FORMAT = "3"
"""Bump when the cached layout or the schema changes, so old caches are never read."""


def fingerprint(files: Iterable[Path]) -> str:
    """A key that changes when any data file or the cache format changes (sizes and modification times)."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    for path in files:
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def cache_dir() -> Path:
    """Where compiled catalogs are cached ($OPENWATCH_CACHE, else the XDG cache folder)."""
    explicit = os.environ.get("OPENWATCH_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "openwatch"


class LazyModels(Mapping[str, Model]):
    """Models from the cache, each validated the first time it is used, so loading stays fast."""

    def __init__(self, raw: dict[str, dict[str, Any]], source: Path | None = None) -> None:
        self._raw = raw
        self.source = source
        """The cache file these models were read from (derived caches are kept beside it)."""
        self._done: dict[str, Model] = {}

    def __getitem__(self, key: str) -> Model:
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = Model.model_validate(self._raw[key])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw


class LazyEnrichments(Mapping[str, tuple[Enrichment, ...]]):
    """Enrichments from the cache, a model's validated the first time they are used (a scan uses none)."""

    def __init__(self, raw: dict[str, list[dict[str, Any]]]) -> None:
        self._raw = raw
        self._done: dict[str, tuple[Enrichment, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Enrichment, ...]:
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = tuple(Enrichment.model_validate(item) for item in self._raw[key])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw


_LABS: TypeAdapter[dict[str, Lab]] = TypeAdapter(dict[str, Lab])
_MODELS: TypeAdapter[dict[str, Model]] = TypeAdapter(dict[str, Model])
_LICENCES: TypeAdapter[dict[str, Licence]] = TypeAdapter(dict[str, Licence])
_ENRICH: TypeAdapter[dict[str, tuple[Enrichment, ...]]] = TypeAdapter(dict[str, tuple[Enrichment, ...]])


def to_cache(catalog: Catalog) -> bytes:
    """The catalog as compact JSON (model defaults left out)."""
    payload = {
        "labs": _LABS.dump_python(dict(catalog.labs), mode="json"),
        "models": _MODELS.dump_python(dict(catalog.models), mode="json", exclude_defaults=True),
        "licences": _LICENCES.dump_python(dict(catalog.licences), mode="json"),
        "enrichments": _ENRICH.dump_python(dict(catalog.enrichments), mode="json"),
        "alias_index": dict(catalog.alias_index),
        "origins": dict(catalog.origins),
        "datasets": dict(catalog.datasets),
    }
    return json.dumps(payload, separators=(",", ":")).encode()


def from_cache(blob: bytes, source: Path | None = None) -> Catalog:
    """A catalog from cached JSON (read from `source`, if known); models are validated on first use."""
    data = json.loads(blob)
    return Catalog(
        labs=_LABS.validate_python(data["labs"]),
        models=LazyModels(data["models"], source),
        licences=_LICENCES.validate_python(data["licences"]),
        enrichments=LazyEnrichments(data["enrichments"]),
        alias_index=data["alias_index"],
        origins=data["origins"],
        datasets=data["datasets"],
    )
