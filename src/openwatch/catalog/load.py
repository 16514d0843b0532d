"""Load the catalog: read YAML, validate every file whole, merge overlays and imports, cache the result."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from openwatch.catalog.aliases import normalise_alias
from openwatch.catalog.cache import cache_dir, fingerprint, from_cache, to_cache
from openwatch.catalog.core import Catalog, CatalogError, CatalogProblem
from openwatch.catalog.duplicates import TwinFinder, duplicate_problem
from openwatch.catalog.event_ids import merge_events, merge_lab
from openwatch.catalog.imported import Enrichment, ImportedFile
from openwatch.catalog.schema import EventsFile, Lab, LabFile, Licence, LicenceFile, Model
from openwatch.safeyaml import load_yaml

__all__ = [
    "Catalog",
    "CatalogError",
    "CatalogProblem",
    "cache_dir",
    "load_catalog",
    "package_roots",
    "validate_catalog",
]
_SUBFOLDERS = ("labs", "licences", "imported", "events")
"""The folders of a catalog root that hold data files."""
"""libyaml's safe loader when PyYAML was built with it (much faster), else the pure-Python one."""


@dataclass
class _Raw:
    """The validated files before merging."""

    lab_files: list[tuple[str, LabFile]] = field(default_factory=list)
    licence_files: list[tuple[str, LicenceFile]] = field(default_factory=list)
    imported_files: list[tuple[str, ImportedFile]] = field(default_factory=list)
    event_files: list[tuple[str, EventsFile]] = field(default_factory=list)


def package_data_dir() -> Path:
    """The catalog data shipped inside the package (its curated/ and generated/ folders)."""
    return Path(str(resources.files("openwatch.catalog") / "data"))


def curated_data_dir() -> Path:
    """Hand-written catalog data: the big labs, hand-written licences and the resolver's word tables."""
    return package_data_dir() / "curated"


def generated_data_dir() -> Path:
    """Catalog data written by the generators in scripts/ and the importers; never edited by hand."""
    return package_data_dir() / "generated"


def package_roots() -> list[Path]:
    """The package's catalog roots in load order: generated first, so curated records win by id."""
    return [generated_data_dir(), curated_data_dir()]


def _yaml_files(root: Path, sub: str) -> list[Path]:
    folder = root / sub
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _step(node: Any, part: int | str) -> tuple[bool, Any]:
    """Follow one step of a validation error location into parsed YAML."""
    if isinstance(node, dict) and part in node:
        return True, node[part]
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return True, node[part]
    return False, None


def _locate(data: Any, loc: tuple[int | str, ...]) -> tuple[str, str]:
    """Turn a pydantic error location into (entry, field), naming the entry by its id or key."""
    entry = ""
    consumed = 0
    node: Any = data
    for i, part in enumerate(loc):
        found, node = _step(node, part)
        if not found:
            break
        if isinstance(node, dict) and ("id" in node or "key" in node):
            container = loc[i - 1] if i and isinstance(part, int) else part
            entry = f"{container}[{node.get('id') or node.get('key')}]"
            consumed = i + 1
    return entry, ".".join(str(p) for p in loc[consumed:])


def _read(path: Path, model: type[BaseModel], problems: list[CatalogProblem]) -> Any:
    """Parse and validate one file; append problems instead of raising."""
    name = str(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(CatalogProblem(name, "", "", f"cannot read: {exc}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(CatalogProblem(name, "", "", f"not valid YAML: {exc}".replace("\n", " ")))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            entry, field_path = _locate(data, tuple(err["loc"]))
            problems.append(CatalogProblem(name, entry, field_path, err["msg"]))
        return None


def _read_all(
    roots: Iterable[Path], problems: list[CatalogProblem], *, include_imported: bool = True
) -> _Raw:
    raw = _Raw()
    for root in roots:
        for path in _yaml_files(root, "labs"):
            if (lab_file := _read(path, LabFile, problems)) is not None:
                raw.lab_files.append((str(path), lab_file))
        for path in _yaml_files(root, "licences"):
            if (licence_file := _read(path, LicenceFile, problems)) is not None:
                raw.licence_files.append((str(path), licence_file))
        for path in _yaml_files(root, "imported") if include_imported else []:
            if (imported := _read(path, ImportedFile, problems)) is not None:
                raw.imported_files.append((str(path), imported))
        for path in _yaml_files(root, "events"):
            if (events_file := _read(path, EventsFile, problems)) is not None:
                raw.event_files.append((str(path), events_file))
    return raw


def _merge(raw: _Raw, problems: list[CatalogProblem]) -> Catalog:
    """Merge files in order and check cross references.

    Later roots override earlier ones by id; a later file for a known lab overrides the fields it gives and
    appends its events (an event whose id is already known replaces it), as do files under events/.
    """
    labs: dict[str, Lab] = {}
    models: dict[str, Model] = {}
    licences: dict[str, Licence] = {}
    origins: dict[str, str] = {}
    curated_seen: dict[str, str] = {}
    for path, licence_file in raw.licence_files:
        licences[licence_file.licence.key] = licence_file.licence
        origins[f"licence:{licence_file.licence.key}"] = path
    for path, lab_file in raw.lab_files:
        labs[lab_file.lab.id] = merge_lab(labs.get(lab_file.lab.id), lab_file.lab)
        origins[f"lab:{lab_file.lab.id}"] = path
        for model in lab_file.models:
            earlier = curated_seen.get(model.id)
            if earlier == path:
                problems.append(CatalogProblem(path, f"models[{model.id}]", "id", "duplicate model id"))
            curated_seen[model.id] = path
            models[model.id] = model
            origins[model.id] = path
    for path, events_file in raw.event_files:
        lab = labs.get(events_file.lab)
        if lab is None:
            problems.append(CatalogProblem(path, "", "lab", f"unknown lab {events_file.lab!r}"))
            continue
        labs[lab.id] = lab.model_copy(update={"events": merge_events(lab.id, lab.events, events_file.events)})
    alias_index: dict[str, str] = {}
    for model in models.values():
        _index_model(model, alias_index, origins, problems, strict=True)
    enrichments: dict[str, list[Enrichment]] = {}
    datasets: dict[str, str] = {}
    twins = TwinFinder(models.values()) if any(f.models for _, f in raw.imported_files) else None
    for path, imported in raw.imported_files:
        datasets[imported.dataset] = imported.attribution
        for model in imported.models:
            if model.id in models:
                continue  # curated (or an earlier import) wins
            if twins is not None and (twin := twins.twin(model)) is not None:
                problems.append(duplicate_problem(path, model, twin))
                continue
            if not _index_model(model, alias_index, origins, problems, strict=False):
                continue
            models[model.id] = model
            origins[model.id] = path
        for enrichment in imported.enrichments:
            if enrichment.model not in models:
                problems.append(
                    CatalogProblem(
                        path,
                        f"enrichments[{enrichment.record}]",
                        "model",
                        f"unknown model {enrichment.model!r}",
                    )
                )
                continue
            enrichments.setdefault(enrichment.model, []).append(enrichment)
            for alias in enrichment.aliases:
                alias_index.setdefault(normalise_alias(alias), enrichment.model)
    _check_references(labs, models, licences, origins, problems)
    return Catalog(
        labs=labs,
        models=models,
        licences=licences,
        alias_index=alias_index,
        origins=origins,
        enrichments={k: tuple(v) for k, v in enrichments.items()},
        datasets=datasets,
    )


def _index_model(
    model: Model,
    index: dict[str, str],
    origins: Mapping[str, str],
    problems: list[CatalogProblem],
    *,
    strict: bool,
) -> bool:
    """Index a model's id and aliases; a curated collision is an error, an imported one is skipped."""
    keys = [normalise_alias(model.id)] + [normalise_alias(text) for _, text in model.aliases.all()]
    clashes = {key: index[key] for key in keys if key in index and index[key] != model.id}
    if clashes and not strict:
        for key in keys:
            if key not in clashes:
                index.setdefault(key, model.id)
        return True
    for key, other in clashes.items():
        problems.append(
            CatalogProblem(
                origins.get(model.id, "?"),
                f"models[{model.id}]",
                "aliases",
                f"alias {key!r} is already claimed by {other}",
            )
        )
    for key in keys:
        index.setdefault(key, model.id)
    return True


def _check_references(
    labs: Mapping[str, Lab],
    models: Mapping[str, Model],
    licences: Mapping[str, Licence],
    origins: Mapping[str, str],
    problems: list[CatalogProblem],
) -> None:
    for model in models.values():
        where = origins.get(model.id, "?")
        if model.lab not in labs:
            problems.append(CatalogProblem(where, f"models[{model.id}]", "lab", f"unknown lab {model.lab!r}"))
        if model.licence and model.licence not in licences:
            problems.append(
                CatalogProblem(where, f"models[{model.id}]", "licence", f"unknown licence {model.licence!r}")
            )
        for attr in ("base_model", "successor"):
            target = getattr(model, attr)
            if target and target not in models:
                problems.append(
                    CatalogProblem(where, f"models[{model.id}]", attr, f"unknown model {target!r}")
                )


def validate_catalog(
    roots: Sequence[Path], *, include_imported: bool = True
) -> tuple[Catalog | None, list[CatalogProblem]]:
    """Validate the given data roots (package data first, overlays after) without the cache.

    include_imported=False skips every imported/ folder (importers match against the curated catalog only).
    """
    catalog, problems = merged_catalog(roots, include_imported=include_imported)
    return (None, problems) if problems else (catalog, [])


def merged_catalog(
    roots: Sequence[Path], *, include_imported: bool = True
) -> tuple[Catalog, list[CatalogProblem]]:
    """Best-effort merge of the data roots: the catalog of every file that validated, plus all problems."""
    problems: list[CatalogProblem] = []
    raw = _read_all(roots, problems, include_imported=include_imported)
    catalog = _merge(raw, problems)
    return catalog, problems


def catalog_roots(overlays: Sequence[Path] = ()) -> list[Path]:
    """The package data followed by the user's overlay folders."""
    return [*package_roots(), *overlays]


def content_fingerprint(overlays: Sequence[Path] = ()) -> str:
    """A hash of every catalog data file's place and content (bundled data, then overlays, in order)."""
    digest = hashlib.sha256()
    for index, root in enumerate(catalog_roots(overlays)):
        for sub in _SUBFOLDERS:
            for path in _yaml_files(root, sub):
                digest.update(f"{index}/{sub}/{path.name}\0".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def data_files(roots: Sequence[Path]) -> list[Path]:
    """Every catalog data file under the roots, in load order."""
    return [path for root in roots for sub in _SUBFOLDERS for path in _yaml_files(root, sub)]


def load_catalog(overlays: Sequence[Path] = (), *, use_cache: bool = True) -> Catalog:
    """Load and validate the catalog; raise CatalogError with every problem if any file is invalid."""
    roots = catalog_roots(overlays)
    for root in overlays:
        if not root.is_dir():
            raise CatalogError([CatalogProblem(str(root), "", "", "overlay folder does not exist")])
    files = data_files(roots)
    cache_file = cache_dir() / f"catalog-{fingerprint(files)}.json"
    if use_cache and cache_file.is_file():
        try:
            return from_cache(cache_file.read_bytes(), cache_file)
        except (OSError, ValueError, KeyError, ValidationError):
            pass  # a stale or damaged cache is rebuilt below
    catalog, problems = validate_catalog(roots)
    if catalog is None:
        raise CatalogError(problems)
    if use_cache:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(f".tmp{os.getpid()}")
            tmp.write_bytes(to_cache(catalog))
            tmp.replace(cache_file)
        except OSError:
            pass  # caching is an optimisation; a read-only home still works
    return catalog
