"""The user's position towards a model (role, establishment, placement), with the defaults it assumed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, get_args

Role = Literal["integrator", "fine-tuner", "provider"]
"""integrator: uses the model in its own system or via API (R2d); fine-tuner: modifies it (R2b);
provider: places the model itself on the market (its own model, or a redistribution)."""

Channel = Literal[
    "api",
    "download",
    "library",
    "cloud",
    "on-prem-copy",
    "embedded",
    "app",
    "internal-essential",
    "internal-nonessential",
    "none",
]
"""How the model reaches the EU market (spec §2 `placement_channel`; GL §3.1.2)."""

ROLES: tuple[str, ...] = get_args(Role)
CHANNELS: tuple[str, ...] = get_args(Channel)

DEFAULTS: dict[str, Any] = {"role": "integrator", "eu_established": True, "commercial": True, "placed": None}
"""Values used when the user does not say; each one used is reported as assumed."""


@dataclass(frozen=True)
class Settings:
    """What the user told us about itself; `assumed` names the fields that took a default."""

    role: Role = "integrator"
    eu_established: bool = True
    commercial: bool = True
    placed: dt.date | None = None
    modification_flop: float | None = None
    placement_channel: Channel | None = None
    eu_business_users: int | None = None
    annual_turnover_eur: float | None = None
    assumed: frozenset[str] | None = None

    def __post_init__(self) -> None:
        """Reject bad values; without `assumed`, fields left at their default count as assumed."""
        if self.assumed is None:
            defaulted = frozenset(name for name, value in DEFAULTS.items() if getattr(self, name) == value)
            object.__setattr__(self, "assumed", defaulted)
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if self.placement_channel is not None and self.placement_channel not in CHANNELS:
            raise ValueError(f"placement channel must be one of {', '.join(CHANNELS)}")
        if self.modification_flop is not None and self.modification_flop < 0:
            raise ValueError("modification compute must not be negative")
        if self.eu_business_users is not None and self.eu_business_users < 0:
            raise ValueError("EU business users must not be negative")
        if self.annual_turnover_eur is not None and self.annual_turnover_eur < 0:
            raise ValueError("turnover must not be negative")

    def as_dict(self) -> dict[str, Any]:
        """The settings as JSON-ready data, with the list of assumed values."""
        return {
            "role": self.role,
            "eu_established": self.eu_established,
            "commercial": self.commercial,
            "placed": self.placed.isoformat() if self.placed else None,
            "modification_flop": self.modification_flop,
            "placement_channel": self.placement_channel,
            "eu_business_users": self.eu_business_users,
            "annual_turnover_eur": self.annual_turnover_eur,
            "assumed": sorted(self.assumed or ()),
        }

    def status(self, name: str) -> str:
        """'assumed' for a defaulted field, 'not given' for an empty optional one, else 'given'."""
        if name in (self.assumed or ()):
            return "assumed"
        return "not given" if getattr(self, name) is None else "given"


def make_settings(
    *,
    role: Role | None = None,
    eu_established: bool | None = None,
    commercial: bool | None = None,
    placed: dt.date | None = None,
    modification_flop: float | None = None,
    placement_channel: Channel | None = None,
    eu_business_users: int | None = None,
    annual_turnover_eur: float | None = None,
) -> Settings:
    """Build settings from what the user gave (None = not given), recording each default used."""
    given = {"role": role, "eu_established": eu_established, "commercial": commercial, "placed": placed}
    assumed = frozenset(name for name, value in given.items() if value is None)
    return Settings(
        role=role if role is not None else "integrator",
        eu_established=eu_established if eu_established is not None else True,
        commercial=commercial if commercial is not None else True,
        placed=placed,
        modification_flop=modification_flop,
        placement_channel=placement_channel,
        eu_business_users=eu_business_users,
        annual_turnover_eur=annual_turnover_eur,
        assumed=assumed,
    )
