"""The versioned parameter set and the R6 obligations table: values, citations, tags and selection."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from openwatch.assess.euaiact.obligations import TABLE, select_obligations
from openwatch.assess.euaiact.params import FloatParam, load_params, parse_params


def test_parameter_set_carries_version_text_version_and_citations() -> None:
    p = load_params()
    assert p.version and p.text_version == "Reg. (EU) 2024/1689 as published, pre-Omnibus; GL C(2025) 5045"
    assert (p.gpai_indicative_flop.value, p.gpai_indicative_flop.citation, p.gpai_indicative_flop.tag) == (
        1e23,
        "GL ¶17",
        "GL",
    )
    assert (p.sr_presumption_flop.value, p.sr_presumption_flop.citation, p.sr_presumption_flop.tag) == (
        1e25,
        "Art. 51(2)",
        "LAW",
    )
    assert p.modifier_divisor.value == 3 and p.modifier_divisor.citation == "GL ¶60"
    assert p.modifier_fallback_flop.citation == p.modifier_fallback_sr_flop.citation == "GL ¶61"
    assert p.estimation_margin.value == 0.30 and p.estimation_margin.citation == "GL Annex A.2"
    assert (p.chapter_v_applies.value, p.fines_from.value, p.legacy_deadline.value) == (
        dt.date(2025, 8, 2),
        dt.date(2026, 8, 2),
        dt.date(2027, 8, 2),
    )
    assert p.notification_days.value == 14 and p.designation_business_users.value == 10_000
    assert (p.fine_turnover_share.value, p.fine_floor_eur.value) == (0.03, 15_000_000)
    every = [
        getattr(p, name) for name in type(p).model_fields if name not in ("version", "text_version", "note")
    ]
    assert all(param.citation and param.tag for param in every)


def test_parameter_file_rejects_unknown_tags_and_missing_citations() -> None:
    with pytest.raises(ValidationError):
        FloatParam.model_validate({"value": 1.0, "citation": "x", "tag": "BLOG"})
    with pytest.raises(ValidationError):
        parse_params("version: '1'\ntext_version: x\n")


def test_obligation_table_ids_are_unique_and_cite_articles() -> None:
    ids = [row.id for row in TABLE]
    assert len(ids) == len(set(ids)) and all(row.article for row in TABLE)


def test_foss_removes_53_1a_1b_and_54_but_sr_overrides() -> None:
    foss = select_obligations(gpai="yes", systemic_risk="no", foss="yes", outside_eu="yes", modifier=False)
    assert [o.id for o in foss] == ["O-53-1c", "O-53-1d", "O-53-3"]
    sr = select_obligations(gpai="yes", systemic_risk="yes", foss="yes", outside_eu="no", modifier=True)
    assert {"O-52-1", "O-53-1a", "O-53-1b", "O-55-1a"} <= {o.id for o in sr}
    assert not any(o.scope.startswith("limited") for o in sr)


def test_open_questions_become_conditions() -> None:
    rows = select_obligations(
        gpai="yes", systemic_risk="review", foss="no", outside_eu="review", modifier=False
    )
    conditions = {o.id: o.condition for o in rows}
    assert conditions["O-52-1"] == "if the model is SR"
    assert conditions["O-54"] == "if the provider is established outside the EU"
    assert conditions["O-53-1c"] is None
    assert (
        select_obligations(gpai="no", systemic_risk="yes", foss="no", outside_eu="yes", modifier=False) == ()
    )
