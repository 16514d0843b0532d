"""The spec's worked examples E1–E12 (with E3b and E7b), spec §9, as tests of the rules."""

from __future__ import annotations

import datetime as dt

from euaiact_builders import (
    COMMUNITY,
    FOSS_SET,
    FULL_53,
    PERMISSIVE,
    PROPRIETARY,
    RESEARCH_ONLY,
    SR_SET,
    dates,
    ids,
    lab,
    model,
    run,
    step,
)

from openwatch.assess.euaiact.assessment import SYSTEM_NOTE

CHAPTER_V = "Chapter V obligations apply"
FINES = "Fines enforceable"
AR = "Authorised representative mandated"
NOTIFY = "Notify the Commission"
E1_MODEL = model(8e9 * 15e12 * 6, released=dt.date(2025, 10, 15))  # 7.2e23, Apache-style, hub, docs public


def test_e1_open_8b_eu_startup_is_foss_exempt() -> None:
    a = run(
        E1_MODEL, lab(eu=True), PERMISSIVE, role="provider", eu_established=True, placed=dt.date(2025, 10, 15)
    )
    assert (a.gpai, a.provider.party, a.systemic_risk, a.foss_exemption) == ("likely", "user", "no", "yes")
    assert ids(a) == FOSS_SET and ids(a, conditional=True) == set()
    assert dates(a) == {CHAPTER_V: dt.date(2025, 10, 15), FINES: dt.date(2026, 8, 2)}
    assert a.review == () and a.flags == ()


def test_e1_non_eu_developer_owes_no_authorised_representative() -> None:
    a = run(
        E1_MODEL,
        lab(eu=False),
        PERMISSIVE,
        role="provider",
        eu_established=False,
        placed=dt.date(2025, 10, 15),
    )
    assert ids(a) == FOSS_SET
    assert AR not in dates(a)


E2_MODEL = model(
    70e9 * 15e12 * 6, access="open-weights-restricted", licence_key="community", released=dt.date(2024, 7, 23)
)


def test_e2_community_licence_fails_exemption_and_needs_ar() -> None:
    a = run(
        E2_MODEL,
        lab(eu=False, cop="declined"),
        COMMUNITY,
        role="provider",
        eu_established=False,
        placed=dt.date(2025, 9, 1),
    )
    assert (a.gpai, a.provider.party, a.systemic_risk, a.foss_exemption) == ("likely", "user", "no", "no")
    assert ids(a) == FULL_53 | {"O-54"} and ids(a, conditional=True) == set()
    assert dates(a)[CHAPTER_V] == dt.date(2025, 9, 1) and dates(a)[AR] == dt.date(2025, 9, 1)
    assert "700M-MAU" in step(a, "euaiact.foss-exemption").message
    assert any(f.startswith("designation watch: compute 6.3e+24 near the frontier") for f in a.flags)
    assert any("acceptable-use policy" in f for f in a.flags)
    assert any("alternative adequate means" in f for f in a.flags)
    assert not any("R2c" in r for r in a.review)  # the EU exclusion covers only the multimodal variants


def test_e2_legacy_placement_moves_deadlines_to_2027() -> None:
    a = run(
        E2_MODEL, lab(eu=False), COMMUNITY, role="provider", eu_established=False, placed=dt.date(2024, 7, 23)
    )
    assert dates(a)[CHAPTER_V] == dt.date(2027, 8, 2) and dates(a)[AR] == dt.date(2027, 8, 2)


def test_e2_seen_by_an_eu_integrator_shows_upstream_duties_from_release_date() -> None:
    a = run(E2_MODEL, lab(eu=False, name="Upstream Lab"), COMMUNITY)
    assert a.provider.party == "upstream" and a.provider.who == "Upstream Lab (upstream)"
    assert a.obligations == () and a.deadlines == () and a.foss_exemption == "n/a"
    assert a.upstream is not None and a.upstream.foss_exemption == "no"
    assert {o.id for o in a.upstream.obligations} == FULL_53 | {"O-54"}
    legacy = a.upstream.deadlines[0]
    assert legacy.date == dt.date(2027, 8, 2) and "release date" in legacy.note


def test_e2_multimodal_variant_in_an_eu_product_goes_to_review() -> None:
    vision = model(
        6.3e24,
        kind="multimodal",
        inputs=("text", "image"),
        access="open-weights-restricted",
        licence_key="community",
    )
    a = run(vision, lab(eu=False), COMMUNITY, role="integrator", eu_established=True)
    assert a.provider.party == "upstream"
    assert any(r.startswith("EU exclusion by the upstream provider (R2c)") for r in a.review)
    assert "[UNCERTAIN]" in next(r for r in a.review if "R2c" in r)


E3_MODEL = model(5e25, access="api-only", licence_key="proprietary", docs="closed")


def test_e3_frontier_api_model_is_sr_with_full_set() -> None:
    a = run(
        E3_MODEL,
        lab(eu=False),
        PROPRIETARY,
        role="provider",
        eu_established=False,
        placed=dt.date(2026, 3, 10),
    )
    assert (a.gpai, a.provider.party, a.systemic_risk) == ("likely", "user", "yes")
    # The table writes "n/a (SR, and not open)": the exemption does not apply, on both grounds.
    assert a.foss_exemption == "no"
    reasons = step(a, "euaiact.foss-exemption").message.lower()
    assert "systemic risk" in reasons and "no public weights" in reasons
    assert ids(a) == SR_SET and ids(a, conditional=True) == set()
    d = {x.what: x for x in a.deadlines}
    assert d[CHAPTER_V].date == dt.date(2026, 3, 10)
    assert d[AR].date == dt.date(2026, 3, 10) and d[AR].note == "before placing on the market"
    assert d[NOTIFY].date is None and "within 14 days" in d[NOTIFY].note
    assert d[FINES].date == dt.date(2026, 8, 2)


def test_e3b_open_weights_change_nothing_above_1e25() -> None:
    open_frontier = model(5e25, licence_key="permissive")
    a = run(
        open_frontier,
        lab(eu=False),
        PERMISSIVE,
        role="provider",
        eu_established=False,
        placed=dt.date(2026, 3, 10),
    )
    assert (a.systemic_risk, a.foss_exemption) == ("yes", "no")
    assert "Art. 53(2) last sentence" in step(a, "euaiact.foss-exemption").message
    assert ids(a) == SR_SET


def test_e4_small_fine_tune_stays_downstream() -> None:
    a = run(E1_MODEL, lab(), PERMISSIVE, role="fine-tuner", modification_flop=8e9 * 2e9 * 6)
    assert a.modifier is not None and a.modifier.threshold_flop == 7.2e23 / 3 and a.modifier.verdict == "no"
    assert a.gpai == "likely" and a.provider.party == "upstream" and a.foss_exemption == "n/a"
    assert a.obligations == () and a.deadlines == ()
    assert SYSTEM_NOTE in a.flags
    assert a.upstream is not None and {o.id for o in a.upstream.obligations} == FOSS_SET


def test_e5_continued_pretraining_makes_the_modifier_provider() -> None:
    a = run(
        E1_MODEL, lab(), PERMISSIVE, role="fine-tuner", modification_flop=2.9e23, placed=dt.date(2026, 1, 15)
    )
    assert a.modifier is not None and a.modifier.verdict == "yes"
    assert (a.gpai, a.provider.party, a.systemic_risk) == ("likely", "user", "no")
    assert "1.0e+24" in step(a, "euaiact.systemic-risk").message  # cumulative base + modification
    assert a.foss_exemption == "review"  # "yes if R5 is met": it depends on the modifier's own release (R5.4)
    assert ids(a, conditional=False) == FOSS_SET
    assert ids(a, conditional=True) == {"O-53-1a", "O-53-1b"}
    limited = {o.id for o in a.obligations if "limited to the modification" in o.scope}
    assert limited == {"O-53-1a", "O-53-1b", "O-53-1c", "O-53-1d"}
    assert dates(a)[CHAPTER_V] == dt.date(2026, 1, 15)
    assert any("within ±30 % of the threshold" in r for r in a.review)  # 2.9e23 vs 2.4e23


def test_e5_non_eu_modifier_also_owes_ar_unless_exempt() -> None:
    a = run(E1_MODEL, lab(), PERMISSIVE, role="fine-tuner", modification_flop=2.9e23, eu_established=False)
    assert ids(a, conditional=True) == {"O-53-1a", "O-53-1b", "O-54"}


def test_e6_heavy_modification_of_undisclosed_sr_model() -> None:
    base = model(None, access="open-weights-restricted", licence_key="community", systemic_risk=True)
    a = run(base, lab(eu=False), COMMUNITY, role="fine-tuner", modification_flop=4e24, eu_established=False)
    assert a.gpai == "yes"  # recorded as SR, so a GPAI model (Art. 51(1))
    assert a.modifier is not None and a.modifier.basis == "sr-fallback"
    assert abs(a.modifier.threshold_flop - 1e25 / 3) < 1e15
    assert (a.provider.party, a.systemic_risk, a.foss_exemption) == ("user", "yes", "no")
    assert ids(a) == SR_SET and ids(a, conditional=True) == set()
    assert not any(
        o.scope.startswith("limited") for o in a.obligations
    )  # SR modifier: full scope (GL §3.2.2)
    assert NOTIFY in dates(a)


E7_MODEL = model(7e9 * 8e12 * 6, released=dt.date(2024, 3, 1))


def test_e7_legacy_open_model_complies_by_2027() -> None:
    a = run(E7_MODEL, lab(), PERMISSIVE, role="provider", placed=dt.date(2024, 3, 1))
    assert (a.gpai, a.provider.party, a.systemic_risk, a.foss_exemption) == ("likely", "user", "no", "yes")
    assert ids(a) == FOSS_SET
    assert dates(a)[CHAPTER_V] == dt.date(2027, 8, 2)
    assert any("no retraining or unlearning" in f for f in a.flags)


def test_e7_without_placement_date_uses_release_date_and_says_so() -> None:
    a = run(E7_MODEL, lab(), PERMISSIVE, role="provider")
    first = a.deadlines[0]
    assert first.date == dt.date(2027, 8, 2) and "assumed: the model's release date" in first.note
    assert "placed" in a.settings.assumed


def test_e7b_legacy_sr_model_notification_timing_is_uncertain() -> None:
    legacy_sr = model(3e25, access="api-only", licence_key="proprietary", docs="closed")
    a = run(
        legacy_sr,
        lab(eu=False),
        PROPRIETARY,
        role="provider",
        eu_established=False,
        placed=dt.date(2024, 5, 1),
    )
    assert (a.systemic_risk, a.foss_exemption) == ("yes", "no")
    assert ids(a) == SR_SET
    assert dates(a)[CHAPTER_V] == dt.date(2027, 8, 2)
    assert any("legacy SR model" in r and "[UNCERTAIN]" in r for r in a.review)


def test_e8_small_model_below_threshold_is_unlikely_gpai() -> None:
    a = run(model(3.8e9 * 3.3e12 * 6), lab(), PERMISSIVE, role="provider")
    assert a.gpai == "unlikely" and a.obligations == () and a.foss_exemption == "n/a"
    assert "7.5e+22" in step(a, "euaiact.gpai").message


def test_e8_broadly_capable_small_model_goes_to_review() -> None:
    a = run(model(7.5e22, breadth="broad"), lab(), PERMISSIVE, role="provider")
    assert a.gpai == "review"
    assert "broad capability below the indicative criterion (R1.3)" in a.review
    assert ids(a, conditional=True) == FOSS_SET  # owed only if the model is GPAI


def test_e9_speech_to_text_is_not_gpai_even_above_1e23() -> None:
    stt = model(1e24, kind="speech", inputs=("audio",), outputs=("text",))
    a = run(stt, lab(), PERMISSIVE, role="provider")
    assert a.gpai == "no" and a.obligations == () and a.penalty is None
    assert "GL §2.1" in step(a, "euaiact.gpai").message


def test_e10_paid_support_or_paid_hosting_is_monetisation() -> None:
    a = run(model(5e23, monetised=True), lab(eu=False), PERMISSIVE, role="provider", eu_established=False)
    assert a.foss_exemption == "no" and "monetised" in step(a, "euaiact.foss-exemption").message.lower()
    assert ids(a) == FULL_53 | {"O-54"}


def test_e11_research_only_licence_fails_use() -> None:
    nc = model(5e23, access="open-weights-non-commercial", licence_key="research-only")
    a = run(nc, lab(eu=False), RESEARCH_ONLY, role="provider", eu_established=False)
    assert a.foss_exemption == "no" and "research-only" in step(a, "euaiact.foss-exemption").message
    assert ids(a) == FULL_53 | {"O-54"}


def test_e12_api_integrator_has_no_chapter_v_duties() -> None:
    a = run(model(5e23, access="api-only", licence_key="proprietary"), lab(eu=False), PROPRIETARY)
    assert a.gpai == "likely" and a.provider.party == "upstream"
    assert a.obligations == () and a.deadlines == () and a.foss_exemption == "n/a"
    assert a.penalty is not None and a.penalty.applies_to == "Test Lab (upstream)"
    assert SYSTEM_NOTE in a.flags
    assert {"role", "eu_established", "commercial", "placed"} == a.settings.assumed
