"""Lower bounds of training compute and imprecise release dates in the GPAI rules."""

from __future__ import annotations

import datetime as dt

import pytest
from euaiact_builders import PERMISSIVE, dates, lab, model, run, step

from openwatch.catalog.schema import Compute, Model


def bounded(lower: float, *, released: dt.date | None = None, precision: str = "day") -> Model:
    """A model whose compute is known only as 'more than `lower`' (Epoch's 'very likely >1e25')."""
    bound = Compute(lower_bound=lower, method="estimated", uncertainty="Epoch's notes: very likely")
    return model(None, released=released).model_copy(
        update={"training_compute": bound, "released_precision": precision}
    )


def test_a_lower_bound_above_1e25_is_enough_for_the_presumption() -> None:
    a = run(bounded(1e25), lab(), PERMISSIVE, role="provider")
    assert (a.gpai, a.systemic_risk) == ("likely", "yes")
    message = step(a, "euaiact.systemic-risk").message
    assert message.startswith("more than 1.0e+25 FLOP (a lower bound; Epoch's notes: very likely) > 1.0e+25")
    assert "presumed SR" in message
    assert not any("compute" in reason for reason in a.review)


def test_a_lower_bound_above_1e23_meets_the_gpai_criterion_but_not_the_presumption() -> None:
    a = run(bounded(1e23), lab(), PERMISSIVE, role="provider")
    assert a.gpai == "likely"
    assert a.systemic_risk == "review"
    assert "training compute known only as a lower bound below 1.0e+25 (R4)" in a.review


def test_a_lower_bound_below_1e23_decides_nothing() -> None:
    a = run(bounded(1e22), lab(), PERMISSIVE, role="provider")
    assert (a.gpai, a.systemic_risk) == ("review", "review")
    assert "Only a lower bound is known" in step(a, "euaiact.gpai").message


def test_the_lower_bound_is_a_fact_the_rule_names() -> None:
    a = run(bounded(1e25), lab(), PERMISSIVE, role="provider")
    fact = next(f for f in step(a, "euaiact.systemic-risk").facts if f.name == "model.training_compute")
    assert fact.value["flop"] is None and fact.value["lower_bound_flop"] == 1e25


def test_a_fine_tuner_of_a_model_above_a_1e25_bound_uses_the_sr_fallback() -> None:
    a = run(bounded(1e25), lab(), PERMISSIVE, role="fine-tuner", modification_flop=4e24)
    assert a.modifier is not None and a.modifier.basis == "sr-fallback"
    assert a.modifier.threshold_flop == pytest.approx(1e25 / 3)
    assert a.modifier.verdict == "yes"


@pytest.mark.parametrize("precision", ["month", "year"])
def test_a_release_month_that_spans_2_august_2025_is_not_granted_the_2027_deadline(precision: str) -> None:
    day = dt.date(2025, 8, 1) if precision == "month" else dt.date(2025, 1, 1)
    a = run(bounded(1e25, released=day, precision=precision), lab(), PERMISSIVE, role="provider")
    assert dates(a)["Chapter V obligations apply"] is None
    deadline = next(d for d in a.deadlines if d.what == "Chapter V obligations apply")
    assert deadline.note.startswith("2027-08-02 if placed before 2025-08-02, else on placement")
    reason = next(r for r in a.review if r.startswith("placement date known only as"))
    assert ("the month 2025-08" if precision == "month" else "the year 2025") in reason
    assert "cannot be decided (R7)" in step(a, "euaiact.deadlines").review[0]


def test_a_day_precise_1_august_2025_still_gets_the_2027_deadline() -> None:
    a = run(bounded(1e25, released=dt.date(2025, 8, 1)), lab(), PERMISSIVE, role="provider")
    assert dates(a)["Chapter V obligations apply"] == dt.date(2027, 8, 2)
    assert not any("placement date known only" in r for r in a.review)


def test_a_release_month_wholly_before_august_2025_is_decided() -> None:
    a = run(
        bounded(1e25, released=dt.date(2025, 7, 1), precision="month"), lab(), PERMISSIVE, role="provider"
    )
    assert dates(a)["Chapter V obligations apply"] == dt.date(2027, 8, 2)


def test_an_integrator_sees_the_upstream_date_question_in_review() -> None:
    a = run(bounded(1e25, released=dt.date(2025, 8, 1), precision="month"), lab(), PERMISSIVE)
    assert a.upstream is not None
    assert a.upstream.deadlines[0].date is None
    assert any(r.startswith("upstream: placement date known only as the month 2025-08") for r in a.review)


def test_a_month_precise_date_must_be_stored_as_the_first() -> None:
    with pytest.raises(ValueError, match="month precision"):
        Model.model_validate(
            {**model(None).model_dump(), "released": "2025-08-21", "released_precision": "month"}
        )
