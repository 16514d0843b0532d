"""A recorded audit read back: its inventory and settings rebuilt from the result JSON, to re-assess it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openwatch.config import PolicySettings, ProjectSettings
from openwatch.domain import Context, Reference, Resolution, Use
from openwatch.scanner.inventory import Inventory, ModelUse


def _reference(data: dict[str, Any]) -> Reference:
    return Reference(
        text=data["text"],
        path=data["path"],
        line=data["line"],
        column=data["column"],
        detector=data["detector"],
        confidence=data["confidence"],
        context=Context(data["context"]),
        use=Use(data["use"]),
        provider=data.get("provider"),
        note=data.get("note"),
    )


def recorded_inventory(result: dict[str, Any], known_models: set[str] | None = None) -> Inventory:
    """The inventory of a recorded audit (models the catalog no longer knows are left out)."""
    uses = []
    for model in result["models"]:
        if known_models is not None and model["id"] not in known_models:
            continue
        pairs = []
        for ref in model["references"]:
            how = ref.get("resolution") or {}
            resolution = Resolution(
                text=ref["text"],
                model_id=model["id"],
                matched=how.get("matched"),
                method=how.get("method", "alias"),
                note=how.get("note"),
            )
            pairs.append((_reference(ref), resolution))
        uses.append(ModelUse(model["id"], tuple(pairs)))
    unresolved = tuple(_reference(ref) for ref in result.get("unresolved", []))
    return Inventory(tuple(uses), unresolved, (), dict(result.get("stats", {})))


def recorded_settings(result: dict[str, Any]) -> ProjectSettings:
    """The settings a recorded audit used, each still marked given or assumed."""
    raw = result["settings"]
    flagged = ("eu_established", "commercial", "monthly_active_users", "role", "placed")
    policy: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in raw["policy"].items()}
    placed = raw["placed"]["value"]
    return ProjectSettings(
        eu_established=raw["eu_established"]["value"],
        commercial=raw["commercial"]["value"],
        monthly_active_users=raw["monthly_active_users"]["value"],
        role=raw["role"]["value"],
        roles=dict(raw.get("roles", {})),
        placed=dt.date.fromisoformat(placed) if placed else None,
        modification_flop={k: float(v) for k, v in raw.get("modification_flop", {}).items()},
        policy=PolicySettings(**policy),
        source=raw.get("source"),
        assumed=frozenset(name for name in flagged if raw[name]["assumed"]),
    )
