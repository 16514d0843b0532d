"""Project settings from [tool.openwatch] in pyproject.toml or openwatch.toml; defaults are marked assumed."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

Role = Literal["integrator", "fine-tuner", "provider"]
ROLES: tuple[Role, ...] = ("integrator", "fine-tuner", "provider")


class SettingsError(ValueError):
    """The project settings are malformed; the message says where."""


@dataclass(frozen=True)
class PolicySettings:
    """What the project allows and denies; an empty policy allows everything."""

    deny_access: tuple[str, ...] = ()
    allow_licences: str | None = None
    deny_licences: tuple[str, ...] = ()
    deny_labs: tuple[str, ...] = ()
    allow_labs: tuple[str, ...] = ()
    deny_systemic_risk: bool = False
    deny_unresolved: bool = False
    deny_stance: tuple[str, ...] = ()
    deny_non_commercial: bool = False
    contexts: tuple[str, ...] = ("production",)


@dataclass(frozen=True)
class ProjectSettings:
    """Who the user is and what the project does with models; `assumed` names the fields left at defaults."""

    eu_established: bool = True
    commercial: bool = True
    monthly_active_users: int | None = None
    role: Role = "integrator"
    roles: dict[str, Role] = field(default_factory=dict)
    placed: dt.date | None = None
    modification_flop: dict[str, float] = field(default_factory=dict)
    catalog: tuple[Path, ...] = ()
    baseline: Path | None = None
    db: str | None = None
    """URL of the history database audits are recorded in (SQLite file or PostgreSQL)."""
    policy: PolicySettings = PolicySettings()
    source: str | None = None
    assumed: frozenset[str] = frozenset(
        {"eu_established", "commercial", "monthly_active_users", "role", "placed"}
    )

    def with_overrides(self, **values: Any) -> ProjectSettings:
        """A copy with flag values applied; a field set here is no longer assumed."""
        given = {k: v for k, v in values.items() if v is not None}
        return replace(self, **given, assumed=self.assumed - given.keys())

    def role_for(self, model_id: str, fine_tuned: bool) -> tuple[Role, str]:
        """The user's role for one model and why: explicit setting, fine-tuning code seen, or the default."""
        if model_id in self.roles:
            return self.roles[model_id], "set in project settings"
        if fine_tuned and "role" in self.assumed:
            return "fine-tuner", "the scan found fine-tuning code for this model"
        return self.role, "assumed default" if "role" in self.assumed else "set in project settings"


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise SettingsError(f"{where}: [{key}] must be a table")
    return value


def _strings(value: Any, name: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{where}: {name} must be a list of strings")
    return tuple(value)


def _policy(raw: dict[str, Any], where: str) -> PolicySettings:
    known = set(PolicySettings.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise SettingsError(f"{where}: unknown policy keys: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("deny_systemic_risk", "deny_unresolved", "deny_non_commercial"):
            if not isinstance(value, bool):
                raise SettingsError(f"{where}: policy.{key} must be true or false")
            values[key] = value
        elif key == "allow_licences":
            if not isinstance(value, str):
                raise SettingsError(f"{where}: policy.allow_licences must be an SPDX expression string")
            values[key] = value
        else:
            values[key] = _strings(value, f"policy.{key}", where)
    return PolicySettings(**values)


def _parse(raw: dict[str, Any], where: str, base: Path) -> ProjectSettings:
    known = set(ProjectSettings.__dataclass_fields__) - {"source", "assumed"}
    unknown = set(raw) - known
    if unknown:
        raise SettingsError(f"{where}: unknown keys: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key in ("eu_established", "commercial"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise SettingsError(f"{where}: {key} must be true or false")
            values[key] = raw[key]
    if "monthly_active_users" in raw:
        if not isinstance(raw["monthly_active_users"], int) or raw["monthly_active_users"] < 0:
            raise SettingsError(f"{where}: monthly_active_users must be a whole number")
        values["monthly_active_users"] = raw["monthly_active_users"]
    if "role" in raw:
        values["role"] = _role(raw["role"], "role", where)
    roles = _table(raw, "roles", where)
    values["roles"] = {k: _role(v, f"roles.{k}", where) for k, v in roles.items()}
    if "placed" in raw:
        values["placed"] = _date(raw["placed"], where)
    flops = _table(raw, "modification_flop", where)
    try:
        values["modification_flop"] = {k: float(v) for k, v in flops.items()}
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{where}: modification_flop values must be numbers") from exc
    if "catalog" in raw:
        values["catalog"] = tuple(base / p for p in _strings(raw["catalog"], "catalog", where))
    if "baseline" in raw:
        values["baseline"] = base / str(raw["baseline"])
    if "db" in raw:
        if not isinstance(raw["db"], str) or not raw["db"].strip():
            raise SettingsError(f"{where}: db must be a database URL string")
        values["db"] = raw["db"]
    values["policy"] = _policy(_table(raw, "policy", where), where)
    assumed = ProjectSettings().assumed - raw.keys()
    return ProjectSettings(**values, source=where, assumed=assumed)


def _role(value: Any, name: str, where: str) -> Role:
    if value not in ROLES:
        raise SettingsError(f"{where}: {name} must be one of {', '.join(ROLES)}, not {value!r}")
    role: Role = value
    return role


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise SettingsError(f"{where}: placed must be a date (YYYY-MM-DD)") from exc


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc}") from exc


def _section(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """The openwatch settings in a file: `[tool.openwatch]` of a pyproject.toml, else the whole file."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    found = tool.get("openwatch", {}) if isinstance(tool, dict) else {}
    return found if isinstance(found, dict) else {}


def load_settings(project: Path) -> ProjectSettings:
    """Settings from a file, or for a folder: openwatch.toml, else pyproject [tool.openwatch], else none."""
    if project.is_file():
        return _parse(_section(project, _read_toml(project)), str(project), project.parent)
    for name in ("openwatch.toml", "pyproject.toml"):
        path = project / name
        if path.is_file():
            data = _section(path, _read_toml(path))
            if data or name == "openwatch.toml":
                return _parse(data, str(path), project)
    return ProjectSettings()
