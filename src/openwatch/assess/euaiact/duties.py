"""Rules R6–R9 as RuleResults: obligations, deadlines, penalty exposure and the Code of Practice note."""

from __future__ import annotations

from collections.abc import Sequence

from openwatch.assess.euaiact.deadlines import Deadline, Penalty
from openwatch.assess.euaiact.facts import lab_fact, setting_fact
from openwatch.assess.euaiact.obligations import Obligation
from openwatch.assess.euaiact.rules import Inputs
from openwatch.domain import Citation, RuleResult


def _ids(obligations: Sequence[Obligation]) -> str:
    return ", ".join(o.id + (" (conditional)" if o.condition else "") for o in obligations) or "none"


def rule_obligations(
    inp: Inputs, mine: Sequence[Obligation], upstream: Sequence[Obligation], upstream_name: str | None
) -> RuleResult:
    """R6: the obligations of the user's role, and, for context, what the upstream provider owes."""
    facts = (setting_fact(inp.settings, "role"), setting_fact(inp.settings, "eu_established"))
    cites = (Citation("Art. 53(1)"), Citation("Art. 54"), Citation("Art. 55(1)"), Citation("Art. 52(1)"))
    msg = f"Yours: {_ids(mine)}."
    if upstream_name is not None:
        msg += f" Upstream provider {upstream_name} owes: {_ids(upstream)}."
    return RuleResult("euaiact.obligations", "owed" if mine else "none", msg, facts, cites)


def rule_deadlines(inp: Inputs, deadlines: Sequence[Deadline], review: Sequence[str]) -> RuleResult:
    """R7: when the user's obligations fall due."""
    facts = (setting_fact(inp.settings, "placed"),)
    p = inp.params
    cites = (
        p.chapter_v_applies.cite(),
        p.legacy_deadline.cite(),
        p.fines_from.cite(),
        p.notification_days.cite(),
    )
    if not deadlines:
        return RuleResult(
            "euaiact.deadlines", "none", "No Chapter V deadlines for you.", facts, cites, tuple(review)
        )
    parts = [f"{d.what}: {d.date.isoformat() if d.date else d.note}" for d in deadlines]
    outcome = deadlines[0].date.isoformat() if deadlines[0].date else "on placement"
    return RuleResult("euaiact.deadlines", outcome, "; ".join(parts) + ".", facts, cites, tuple(review))


def rule_penalty(inp: Inputs, penalty: Penalty | None) -> RuleResult:
    """R8: the Art. 101 fine cap for the provider the user is (or relies on)."""
    facts = (setting_fact(inp.settings, "annual_turnover_eur"),)
    p = inp.params
    cites = (p.fine_turnover_share.cite(), p.fines_from.cite())
    if penalty is None:
        return RuleResult(
            "euaiact.penalty", "none", "No Art. 101 exposure for you under Chapter V.", facts, cites
        )
    cap = f"EUR {penalty.cap_eur:,.0f}" if penalty.cap_eur is not None else penalty.cap_formula
    msg = f"Cap for {penalty.applies_to}: {cap}, from {penalty.from_date.isoformat()}; {penalty.note}."
    outcome = "exposed" if penalty.applies_to.startswith("you") else "upstream"
    if penalty.applies_to.startswith("you, if"):
        outcome = "conditional"
    return RuleResult("euaiact.penalty", outcome, msg, facts, cites)


COP_TEXT = {
    "full": "signed the GPAI Code of Practice in full: enforcement focuses on adherence (GL §5.1)",
    "safety-security-only": "signed only the Safety & Security chapter: for transparency and copyright "
    "it must show 'alternative adequate means' (GL §5.1)",
    "declined": "declined the Code: it must show 'alternative adequate means', e.g. a gap analysis "
    "against the Code, and can expect more information requests (GL §5.1)",
    "unknown": "Code of Practice status unknown",
}


def rule_code_of_practice(inp: Inputs, provider: str) -> RuleResult:
    """R9: what the lab's Code of Practice status means (informational)."""
    lab = inp.lab
    facts = (lab_fact(lab, "code_of_practice", lab.code_of_practice),)
    cites = (Citation("Art. 53(4)"), Citation("Art. 55(2)"), Citation("Art. 56"), Citation("GL §5.1", "GL"))
    msg = f"{lab.name} {COP_TEXT[lab.code_of_practice]}."
    if provider == "user" and inp.settings.role == "fine-tuner":
        msg += " As a modifier-provider, your own Code status decides how you demonstrate compliance."
    msg += (
        " Signing lets a provider demonstrate compliance; only harmonised standards give a presumption "
        "of conformity."
    )
    return RuleResult("euaiact.code-of-practice", lab.code_of_practice, msg, facts, cites)
