"""Edge cases of the GPAI rules: margins, unknown compute, modifier branches, EU exclusion, FOSS."""

from __future__ import annotations

import datetime as dt

import pytest
from euaiact_builders import COMMUNITY, PERMISSIVE, PROPRIETARY, dates, ids, lab, model, run, step

from openwatch.assess.euaiact.settings import Settings, make_settings


@pytest.mark.parametrize(
    ("compute", "expected"),
    [(7.5e22, "unlikely"), (8e22, "review"), (1.2e23, "review"), (1.4e23, "review"), (1.5e23, "likely")],
)
def test_gpai_margin_band_straddling_1e23_goes_to_review(compute: float, expected: str) -> None:
    a = run(model(compute), lab(), PERMISSIVE, role="provider")
    assert a.gpai == expected
    assert any("within ±30 %" in r for r in a.review) == (expected == "review")


@pytest.mark.parametrize(
    ("compute", "expected"), [(7e24, "no"), (8e24, "review"), (1.2e25, "review"), (1.5e25, "yes")]
)
def test_systemic_risk_margin_band_straddling_1e25(compute: float, expected: str) -> None:
    a = run(model(compute), lab(), PERMISSIVE, role="provider")
    assert a.systemic_risk == expected


def test_unknown_compute_sends_gpai_and_sr_to_review() -> None:
    a = run(model(None), lab(), PERMISSIVE, role="provider")
    assert (a.gpai, a.systemic_risk) == ("review", "review")
    assert "training compute unknown (R1.4)" in a.review and "training compute unknown (R4)" in a.review
    assert all(o.condition and "if the model is GPAI" in o.condition for o in a.obligations)


def test_embedding_model_is_narrow_even_above_1e23() -> None:
    a = run(model(5e23, kind="embedding", outputs=("embedding",)), lab(), PERMISSIVE, role="provider")
    assert a.gpai == "no"
    assert "embedding models are treated as narrow" in step(a, "euaiact.gpai").message


def test_text_to_image_meets_the_criterion() -> None:
    a = run(model(2e23, kind="image", outputs=("image",)), lab(), PERMISSIVE, role="provider")
    assert a.gpai == "likely" and "text-to-image" in step(a, "euaiact.gpai").message


def test_designation_watch_from_eu_business_users() -> None:
    a = run(model(5e23), lab(), PERMISSIVE, role="provider", eu_business_users=12_000)
    assert a.systemic_risk == "no"
    assert any("12,000 registered EU business users" in f for f in a.flags)


def test_modifier_threshold_from_base_compute() -> None:
    a = run(model(9e23), lab(), PERMISSIVE, role="fine-tuner", modification_flop=1e24)
    assert (
        a.modifier is not None
        and a.modifier.basis == "base-compute"
        and a.modifier.threshold_flop == pytest.approx(3e23)
    )
    assert a.provider.party == "user" and not a.modifier.borderline


def test_modifier_threshold_fallback_for_sr_base() -> None:
    a = run(model(None, systemic_risk=True), lab(), PERMISSIVE, role="fine-tuner", modification_flop=1e24)
    assert a.modifier is not None and a.modifier.basis == "sr-fallback"
    assert a.modifier.threshold_flop == pytest.approx(3.33e24, rel=1e-2)
    assert a.provider.party == "upstream"


def test_modifier_threshold_fallback_for_unknown_non_sr_base() -> None:
    a = run(model(None), lab(), PERMISSIVE, role="fine-tuner", modification_flop=1e23)
    assert a.modifier is not None and a.modifier.basis == "default-fallback"
    assert a.modifier.threshold_flop == pytest.approx(3.33e22, rel=1e-2)
    assert a.provider.party == "user"
    assert a.systemic_risk == "review"  # cumulative compute unknown


def test_modification_compute_not_given_says_what_would_make_you_provider() -> None:
    a = run(model(7.2e23), lab(), PERMISSIVE, role="fine-tuner")
    assert a.provider.party == "review" and "modification compute not given (R2b)" in a.review
    assert "above 2.4e+23 FLOP would make you the provider" in step(a, "euaiact.modifier-threshold").message
    assert all(
        o.condition and o.condition.startswith("if your modification exceeds 2.4e+23") for o in a.obligations
    )


def test_cumulative_compute_near_1e25_goes_to_review() -> None:
    a = run(model(9e24), lab(), PERMISSIVE, role="fine-tuner", modification_flop=4e24)
    assert a.provider.party == "user" and a.systemic_risk == "review"
    assert any("R2b inference" in r for r in a.review)


def test_fine_tuning_an_api_only_model_asks_who_controls_weights() -> None:
    a = run(model(5e23, access="api-only"), lab(), PROPRIETARY, role="fine-tuner", modification_flop=1e20)
    assert any("GL fn. 12" in r for r in a.review)


def test_eu_exclusion_reviewed_only_for_eu_users_of_covered_models() -> None:
    vision = model(6e24, kind="multimodal", inputs=("text", "image"), licence_key="community")
    eu_user = run(vision, lab(eu=False), COMMUNITY, role="fine-tuner", modification_flop=1e20)
    outside = run(
        vision, lab(eu=False), COMMUNITY, role="fine-tuner", modification_flop=1e20, eu_established=False
    )
    text_only = run(model(6e24, licence_key="community"), lab(eu=False), COMMUNITY)
    assert any("R2c" in r for r in eu_user.review)
    assert not any("R2c" in r for r in outside.review)
    assert not any("R2c" in r for r in text_only.review)


def test_api_only_model_has_no_exemption() -> None:
    a = run(model(5e23, access="api-only", licence_key="permissive"), lab(), PERMISSIVE, role="provider")
    assert (
        a.foss_exemption == "no" and "no public weights" in step(a, "euaiact.foss-exemption").message.lower()
    )


def test_manual_gating_and_unknown_monetisation_go_to_review() -> None:
    a = run(model(5e23, gating="manual", monetised=None), lab(), PERMISSIVE, role="provider")
    assert a.foss_exemption == "review"
    assert any("personal data" in r for r in a.review) and any("monetised is unknown" in r for r in a.review)
    assert ids(a, conditional=True) == {"O-53-1a", "O-53-1b"}


def test_unknown_monetisation_is_not_reviewed_when_the_licence_fails() -> None:
    a = run(model(5e23, monetised=None, licence_key="community"), lab(), COMMUNITY, role="provider")
    assert a.foss_exemption == "no" and not any("monetised" in r for r in a.review)


def test_not_placed_means_no_obligations_yet() -> None:
    a = run(model(5e23), lab(), PERMISSIVE, role="provider", placement_channel="none")
    assert step(a, "euaiact.scope").outcome == "not-placed" and a.obligations == ()


def test_internal_non_essential_use_is_flagged() -> None:
    a = run(model(5e23), lab(), PERMISSIVE, role="provider", placement_channel="internal-nonessential")
    assert any("R0.3" in r for r in a.review) and any("R0.4" in r for r in a.review)
    assert {o.condition for o in a.obligations} == {"if your use counts as placing on the market"}


def test_placement_before_chapter_v_date_is_legacy_and_after_is_on_placement() -> None:
    early = run(model(5e23), lab(), PERMISSIVE, role="provider", placed=dt.date(2025, 8, 1))
    late = run(model(5e23), lab(), PERMISSIVE, role="provider", placed=dt.date(2025, 8, 2))
    assert dates(early)["Chapter V obligations apply"] == dt.date(2027, 8, 2)
    assert dates(late)["Chapter V obligations apply"] == dt.date(2025, 8, 2)


@pytest.mark.parametrize(("turnover", "cap"), [(1e9, 3e7), (1e8, 15e6), (0.0, 15e6)])
def test_penalty_cap_is_the_higher_of_3_percent_and_15_million(turnover: float, cap: float) -> None:
    a = run(model(5e23), lab(), PERMISSIVE, role="provider", annual_turnover_eur=turnover)
    assert a.penalty is not None and a.penalty.cap_eur == pytest.approx(cap)
    assert a.penalty.from_date == dt.date(2026, 8, 2) and "no SME cap" in a.penalty.note


def test_code_of_practice_declined_means_alternative_means() -> None:
    a = run(model(5e23), lab(cop="declined"), PERMISSIVE)
    assert "alternative adequate means" in step(a, "euaiact.code-of-practice").message


def test_settings_record_assumed_defaults() -> None:
    given = make_settings(role="fine-tuner", eu_established=False)
    assert given.assumed == frozenset({"commercial", "placed"})
    assert given.as_dict()["assumed"] == ["commercial", "placed"]
    assert Settings().assumed == frozenset({"role", "eu_established", "commercial", "placed"})
    assert Settings(role="provider", placed=dt.date(2026, 1, 1)).assumed == frozenset(
        {"eu_established", "commercial"}
    )
    with pytest.raises(ValueError, match="role must be one of"):
        Settings(role="deployer")  # type: ignore[arg-type]
