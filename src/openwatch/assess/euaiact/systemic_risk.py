"""Rule R4: systemic-risk classification (Art. 51–52, Annex XIII) and the designation watch."""

from __future__ import annotations

from openwatch.assess.euaiact.compute import compare, compute_text, fmt_flop, margin_text, position
from openwatch.assess.euaiact.facts import compute_fact, model_fact, setting_fact
from openwatch.assess.euaiact.modifier import ModifierTest, base_is_sr
from openwatch.assess.euaiact.rules import GPAI_POSITIVE, Inputs
from openwatch.domain import Citation, FactUsed, RuleResult


def designation_watch(inp: Inputs, compute: float | None) -> list[str]:
    """Reasons to watch for a Commission designation below 1e25 (Art. 51(1)(b), Annex XIII)."""
    p, reasons = inp.params, []
    users = inp.settings.eu_business_users
    if users is not None and users >= p.designation_business_users.value:
        reasons.append(
            f"{users:,} registered EU business users ≥ {p.designation_business_users.value:,} (Annex XIII(f))"
        )
    near = p.sr_presumption_flop.value * p.designation_watch_fraction.value
    if compute is not None and near <= compute <= p.sr_presumption_flop.value:
        reasons.append(f"compute {fmt_flop(compute)} near the frontier (≥ {fmt_flop(near)}) [INFERENCE]")
    return reasons


def _sr_of_modified(inp: Inputs, test: ModifierTest) -> tuple[str, str, list[str]]:
    """SR of a modified model whose modifier became its provider (GL §3.2.2; R2b cumulative inference)."""
    p, margin = inp.params, inp.params.estimation_margin.value
    limit = p.sr_presumption_flop.value
    if base_is_sr(inp.model, p):
        return (
            "yes",
            "The base model is SR, so the modified model is presumed SR (Art. 51(1)(a); GL §3.2.2).",
            [],
        )
    base, mod = test.base_compute_flop, test.modification_flop or 0.0
    if base is None:
        return (
            "review",
            "Base compute unknown: the cumulative compute cannot be tested against the SR threshold.",
            ["cumulative compute of the modified model unknown (R2b inference)"],
        )
    total = base + mod
    position = compare(total, limit, margin)
    msg = f"Cumulative compute base + modification = {fmt_flop(total)} FLOP"
    if position == "below":
        return "no", f"{msg} < {fmt_flop(limit)} (Art. 51(2)).", []
    return (
        "review",
        f"{msg} may reach {fmt_flop(limit)} (Art. 51(2)).",
        [
            f"cumulative compute {fmt_flop(total)} of the modified model may cross {fmt_flop(limit)} "
            "(R2b inference) [INFERENCE]"
        ],
    )


def _sr_of_model(inp: Inputs) -> tuple[str, str, list[str]]:
    """SR of the model as the catalog describes it (Art. 51(1)–(2))."""
    m, p = inp.model, inp.params
    limit, margin = p.sr_presumption_flop.value, p.estimation_margin.value
    compute = m.training_compute
    if m.systemic_risk is True:
        return (
            "yes",
            "The catalog records the model as SR (designation, notification or the Art. 52(6) list).",
            [],
        )
    if not compute.known:
        if m.systemic_risk is False:
            return "no", "The catalog records the model as not SR; its compute is unknown.", []
        return (
            "review",
            "Training compute unknown: the Art. 51(2) presumption cannot be tested.",
            ["training compute unknown (R4)"],
        )
    basis = (
        ""
        if compute.basis == "cumulative"
        else (f" (catalog basis: {compute.basis}; the SR test uses cumulative compute, Rec. 111)")
    )
    where, stated = position(compute, limit, margin), compute_text(compute)
    if where == "unknown":
        if m.systemic_risk is False:
            return "no", f"The catalog records the model as not SR; its compute is {stated}.", []
        return (
            "review",
            f"Only a lower bound is known ({stated}), below {fmt_flop(limit)}: the Art. 51(2) "
            "presumption cannot be tested.",
            [f"training compute known only as a lower bound below {fmt_flop(limit)} (R4)"],
        )
    if where == "borderline":
        return (
            "review",
            f"{stated} is within {margin_text(margin)} of {fmt_flop(limit)}{basis}.",
            [
                f"training compute {fmt_flop(compute.value)} within {margin_text(margin)} of "
                f"{fmt_flop(limit)} (R4)"
            ],
        )
    if where == "above":
        return "yes", f"{stated} > {fmt_flop(limit)}: presumed SR (Art. 51(2)){basis}.", []
    return "no", f"{stated} < {fmt_flop(limit)}: not presumed SR{basis}.", []


def rule_systemic_risk(inp: Inputs, gpai: str, test: ModifierTest | None) -> RuleResult:
    """R4: systemic risk yes / no / review, with a designation watch below 1e25."""
    m, p = inp.model, inp.params
    facts: tuple[FactUsed, ...] = (
        compute_fact(m),
        model_fact(m, "systemic_risk", m.systemic_risk),
        setting_fact(inp.settings, "eu_business_users"),
    )
    if test is not None:
        facts = (*facts, setting_fact(inp.settings, "modification_flop"))
    cites: tuple[Citation, ...] = (
        p.sr_presumption_flop.cite(),
        Citation("Art. 51(1)"),
        Citation("Annex XIII"),
    )
    if gpai not in GPAI_POSITIVE:
        return RuleResult(
            "euaiact.systemic-risk", "no", "Not a GPAI model: SR classification does not arise.", facts, cites
        )
    modified = test is not None and test.user_is_provider
    if test is not None and modified:
        outcome, msg, review = _sr_of_modified(inp, test)
        compute = (test.base_compute_flop or 0.0) + (test.modification_flop or 0.0)
        cites = (*cites, Citation("GL §3.2.2", "GL"))
    else:
        outcome, msg, review = _sr_of_model(inp)
        compute = m.training_compute.value or 0.0
    if outcome == "no" and (watch := designation_watch(inp, compute or None)):
        msg += " Designation watch: " + "; ".join(watch) + "."
    return RuleResult("euaiact.systemic-risk", outcome, msg, facts, cites, tuple(review))
