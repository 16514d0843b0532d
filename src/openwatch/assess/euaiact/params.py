"""Versioned thresholds and dates of the EU AI Act GPAI rules, read from params.yaml with their citations."""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from openwatch.domain import Citation

Tag = Literal["LAW", "GL", "REC", "CoP", "SEC", "UNCERTAIN", "INFERENCE"]


class _Param(BaseModel):
    """A parameter's citation, confidence tag and note (the value lives in the typed subclasses)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    citation: str
    tag: Tag
    note: str = ""

    def cite(self) -> Citation:
        """The parameter's citation as a rule citation."""
        return Citation(ref=self.citation, tag=self.tag, text=self.note or None)


class FloatParam(_Param):
    """A numeric threshold (FLOP, fraction, euros)."""

    value: float


class IntParam(_Param):
    """A whole-number parameter (days, users, years)."""

    value: int


class DateParam(_Param):
    """A date fixed by the law."""

    value: dt.date


class Params(BaseModel):
    """The whole parameter set, with its version and the legal text version it applies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    text_version: str
    note: str = ""
    gpai_indicative_flop: FloatParam
    sr_presumption_flop: FloatParam
    modifier_divisor: FloatParam
    modifier_fallback_sr_flop: FloatParam
    modifier_fallback_flop: FloatParam
    estimation_margin: FloatParam
    designation_watch_fraction: FloatParam
    designation_business_users: IntParam
    chapter_v_applies: DateParam
    fines_from: DateParam
    legacy_deadline: DateParam
    notification_days: IntParam
    fine_turnover_share: FloatParam
    fine_floor_eur: FloatParam
    ar_retention_years: IntParam


def parse_params(text: str) -> Params:
    """Validate a parameter file's text."""
    return Params.model_validate(yaml.safe_load(text))


@cache
def load_params() -> Params:
    """The parameter set shipped with the package (read once)."""
    text = (resources.files("openwatch.assess.euaiact") / "params.yaml").read_text(encoding="utf-8")
    return parse_params(text)
