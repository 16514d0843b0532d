"""Online Hugging Face lookups for `--online`: a repo's licence tag, gating and base model, cached as JSON."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from openwatch.catalog.load import cache_dir

_REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
_TRANSIENT = "Hub lookup failed"
_BASE_TAG = re.compile(r"^base_model:(?:(?P<relation>[a-z_]+):)?(?P<repo>[^:]+/[^:]+)$")


@dataclass(frozen=True)
class HubRecord:
    """What the Hub says about one model repo (only the fields the resolver and rules use)."""

    repo_id: str
    found: bool = True
    licence: str | None = None
    licence_name: str | None = None
    gated: str | None = None
    base_models: tuple[str, ...] = ()
    relation: str | None = None
    parameters: int | None = None
    error: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HubRecord:
        """Rebuild a record from its cached JSON."""
        return cls(
            repo_id=str(data["repo_id"]),
            found=bool(data.get("found", True)),
            licence=data.get("licence"),
            licence_name=data.get("licence_name"),
            gated=data.get("gated"),
            base_models=tuple(data.get("base_models") or ()),
            relation=data.get("relation"),
            parameters=data.get("parameters"),
            error=data.get("error"),
        )


Fetch = Callable[[str], HubRecord]
"""Looks a repo id up on the Hub (injected in tests so they never touch the network)."""


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, str)]
    return []


def record_from_info(repo_id: str, info: Any) -> HubRecord:
    """A HubRecord from a huggingface_hub ModelInfo: card licence, gating, base model, parameter count."""
    card = getattr(info, "card_data", None)
    tags: list[str] = list(getattr(info, "tags", None) or [])
    licence = getattr(card, "license", None) if card is not None else None
    licence_name = getattr(card, "license_name", None) if card is not None else None
    if licence is None:
        licence = next((t.split(":", 1)[1] for t in tags if t.startswith("license:")), None)
    bases = _as_list(getattr(card, "base_model", None)) if card is not None else []
    relation = None
    for tag in tags:
        match = _BASE_TAG.match(tag)
        if match is None:
            continue
        if match.group("repo") not in bases:
            bases.append(match.group("repo"))
        relation = relation or match.group("relation")
    gated = getattr(info, "gated", None)
    safetensors = getattr(info, "safetensors", None)
    total = getattr(safetensors, "total", None) if safetensors is not None else None
    return HubRecord(
        repo_id=str(getattr(info, "id", repo_id) or repo_id),
        licence=str(licence) if licence else None,
        licence_name=str(licence_name) if licence_name else None,
        gated=gated if isinstance(gated, str) else ("none" if gated is False else None),
        base_models=tuple(b for b in bases if _REPO_ID.match(b)),
        relation=relation,
        parameters=int(total) if isinstance(total, int) else None,
    )


def fetch_from_hub(repo_id: str) -> HubRecord:
    """Ask the Hub API about a repo (network); a missing repo or a failed request is a record, not a raise."""
    from huggingface_hub import HfApi, errors

    network_errors: tuple[type[Exception], ...] = (OSError, ValueError, getattr(errors, "HTTPError", OSError))

    try:
        info = HfApi().model_info(repo_id, timeout=15)
    except errors.GatedRepoError:
        return HubRecord(repo_id=repo_id, gated="unknown", error="gated repo: card needs an access token")
    except errors.RepositoryNotFoundError:
        return HubRecord(repo_id=repo_id, found=False, error="no such repo on the Hub")
    except network_errors as exc:
        return HubRecord(repo_id=repo_id, found=False, error=f"{_TRANSIENT}: {type(exc).__name__}")
    return record_from_info(repo_id, info)


@dataclass
class HubLookup:
    """Hub lookups through a JSON cache under the openwatch cache folder (one file per repo)."""

    folder: Path = field(default_factory=lambda: cache_dir() / "hub")
    fetch: Fetch = fetch_from_hub

    def _path(self, repo_id: str) -> Path:
        return self.folder / (repo_id.replace("/", "--") + ".json")

    def info(self, repo_id: str) -> HubRecord | None:
        """The Hub's record of a repo, from the cache or fetched once; None for a malformed repo id."""
        if not _REPO_ID.match(repo_id):
            return None
        path = self._path(repo_id)
        try:
            return HubRecord.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # not cached yet, or a damaged entry: fetch again
        record = self.fetch(repo_id)
        if not (record.error or "").startswith(_TRANSIENT):
            self._store(path, record)
        return record

    def _store(self, path: Path, record: HubRecord) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(json.dumps(asdict(record), indent=1, sort_keys=True), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # the cache is an optimisation
