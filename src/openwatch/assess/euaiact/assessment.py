"""Run rules R0–R9 in order for one model and one user, and collect the result as a frozen assessment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from openwatch.assess.euaiact.deadlines import Deadline, Penalty, compute_deadlines, compute_penalty
from openwatch.assess.euaiact.duties import (
    rule_code_of_practice,
    rule_deadlines,
    rule_obligations,
    rule_penalty,
)
from openwatch.assess.euaiact.foss import release_exemption, rule_foss
from openwatch.assess.euaiact.modifier import ModifierTest, modifier_test
from openwatch.assess.euaiact.obligations import Obligation, select_obligations
from openwatch.assess.euaiact.params import Params, load_params
from openwatch.assess.euaiact.rules import (
    GPAI_POSITIVE,
    Inputs,
    rule_gpai,
    rule_modifier_threshold,
    rule_provider,
    rule_scope,
)
from openwatch.assess.euaiact.settings import Settings
from openwatch.assess.euaiact.systemic_risk import designation_watch, rule_systemic_risk
from openwatch.catalog.schema import Lab, Licence, Model, date_span
from openwatch.domain import RuleResult

Tri = Literal["yes", "no", "review"]
SYSTEM_NOTE = "check Art. 50 and high-risk duties for your AI system separately (outside Chapter V)"
LEGACY_NOTE = (
    "legacy model: no retraining or unlearning where impossible; disclose gaps in the copyright policy "
)
LEGACY_NOTE += "and the training summary (GL §5.3)"


@dataclass(frozen=True)
class ProviderInfo:
    """Who the provider is for this user, and why."""

    party: str
    who: str
    why: str


@dataclass(frozen=True)
class UpstreamContext:
    """What the upstream provider owes for the model as released (context for integrators and modifiers)."""

    provider: str
    foss_exemption: str
    obligations: tuple[Obligation, ...]
    deadlines: tuple[Deadline, ...]


@dataclass(frozen=True)
class EuAiActAssessment:
    """The EU AI Act (GPAI) assessment of one model for one user, with the decision path."""

    model_id: str
    gpai: str
    systemic_risk: str
    foss_exemption: str
    provider: ProviderInfo
    obligations: tuple[Obligation, ...]
    deadlines: tuple[Deadline, ...]
    penalty: Penalty | None
    review: tuple[str, ...]
    flags: tuple[str, ...]
    steps: tuple[RuleResult, ...]
    modifier: ModifierTest | None
    upstream: UpstreamContext | None
    settings: Settings
    params_version: str
    text_version: str


def _tri(outcome: str) -> Tri:
    if outcome in ("yes", "likely"):
        return "yes"
    return "review" if outcome == "review" else "no"


def _release_date(model: Model) -> tuple[dt.date | None, dt.date | None, str]:
    """The release date as first and last day it may be (a month-only date spans the month), and a note."""
    if model.released is None:
        return None, None, "first EU placement and release date unknown"
    first, last = date_span(model.released, model.released_precision)
    note = "assumed: the model's release date stands in for its first EU placement"
    if model.released_precision != "day":
        note += f" (known to the {model.released_precision} only)"
    return first, last, note


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def assess_eu_ai_act(
    model: Model,
    lab: Lab,
    licence: Licence | None,
    settings: Settings | None = None,
    params: Params | None = None,
) -> EuAiActAssessment:
    """Apply R0–R9 (spec §3) to a catalog model for a user in the given role."""
    s, p = settings or Settings(), params or load_params()
    inp = Inputs(model, lab, licence, s, p)
    scope, gpai = rule_scope(inp), rule_gpai(inp)
    test = modifier_test(model, s.modification_flop, p) if s.role == "fine-tuner" else None
    steps: list[RuleResult] = [scope, gpai]
    if test is not None:
        steps.append(rule_modifier_threshold(inp, test))
    provider = rule_provider(inp, gpai.outcome, test)
    sr = rule_systemic_risk(inp, gpai.outcome, test)
    base_sr = rule_systemic_risk(inp, gpai.outcome, None) if test is not None else sr
    release = release_exemption(inp, base_sr.outcome)
    foss = rule_foss(inp, gpai.outcome, provider.outcome, sr.outcome, release)
    steps += [provider, sr, foss]

    is_provider = provider.outcome == "user" or (test is not None and test.verdict == "not given")
    mine: tuple[Obligation, ...] = ()
    if is_provider and scope.outcome != "not-placed":
        conds = [
            f"if your modification exceeds {test.threshold_flop:.1e} FLOP"
            if provider.outcome == "review" and test
            else "",
            "if your use counts as placing on the market" if scope.outcome == "review" else "",
        ]
        cond = "; ".join(c for c in conds if c) or None
        mine = select_obligations(
            gpai=_tri(gpai.outcome),
            systemic_risk=_tri(sr.outcome),
            foss=_tri(foss.outcome),
            outside_eu="no" if s.eu_established else "yes",
            modifier=s.role == "fine-tuner",
            condition=cond,
        )
    upstream: UpstreamContext | None = None
    their_review: tuple[str, ...] = ()
    if s.role != "provider":
        outside: Tri = "review" if lab.eu_established is None else "no" if lab.eu_established else "yes"
        theirs = select_obligations(
            gpai=_tri(gpai.outcome),
            systemic_risk=_tri(base_sr.outcome),
            foss=_tri(release.outcome),
            outside_eu=outside,
            modifier=False,
        )
        released, released_latest, note = _release_date(model)
        their_dates, their_review = compute_deadlines(p, released, note, theirs, released_latest)
        upstream = UpstreamContext(f"{lab.name} (upstream)", release.outcome, theirs, their_dates)
    steps.append(
        rule_obligations(
            inp, mine, upstream.obligations if upstream else (), upstream.provider if upstream else None
        )
    )

    placed_latest: dt.date | None = None
    if s.role == "provider" and s.placed is None:
        placed, placed_latest, placed_note = _release_date(model)
    else:
        placed, placed_note = s.placed, "" if s.placed else "placement date not given"
    deadlines, date_review = compute_deadlines(p, placed, placed_note, mine, placed_latest)
    upstream_review = tuple(f"upstream: {reason}" for reason in their_review) if upstream else ()
    steps.append(rule_deadlines(inp, deadlines, date_review + upstream_review))

    penalty: Penalty | None = None
    if gpai.outcome in GPAI_POSITIVE:
        who = "you" if mine else f"{lab.name} (upstream)"
        if mine and provider.outcome == "review":
            who = "you, if your modification makes you the provider"
        penalty = compute_penalty(p, who, s.annual_turnover_eur if mine else None)
    steps.append(rule_penalty(inp, penalty))
    steps.append(rule_code_of_practice(inp, provider.outcome))

    flags: list[str] = []
    if sr.outcome == "no" and gpai.outcome in GPAI_POSITIVE:
        compute = (
            (test.base_compute_flop or 0) + (test.modification_flop or 0)
            if test and test.user_is_provider
            else model.training_compute.value
        )
        flags += [f"designation watch: {w}" for w in designation_watch(inp, compute)]
    if gpai.outcome in GPAI_POSITIVE:
        flags += list(release.notes)
        if lab.code_of_practice in ("declined", "safety-security-only") and (mine or upstream):
            flags.append(
                f"{lab.name}: Code of Practice {lab.code_of_practice}; alternative adequate means (GL §5.1)"
            )
    if mine and placed is not None and (placed_latest or placed) < p.chapter_v_applies.value:
        flags.append(LEGACY_NOTE)
    if not mine and s.role != "provider":
        flags.append(SYSTEM_NOTE)

    who = "you" if provider.outcome == "user" else f"{lab.name} (upstream)"
    if provider.outcome == "review":
        who = f"{lab.name} (upstream), unless your modification makes you the provider"
    review = _unique([reason for step in steps for reason in step.review])
    return EuAiActAssessment(
        model_id=model.id,
        gpai=gpai.outcome,
        systemic_risk=sr.outcome,
        foss_exemption=foss.outcome,
        provider=ProviderInfo(provider.outcome, who, provider.message),
        obligations=mine,
        deadlines=deadlines,
        penalty=penalty,
        review=review,
        flags=_unique(flags),
        steps=tuple(steps),
        modifier=test,
        upstream=upstream,
        settings=s,
        params_version=p.version,
        text_version=p.text_version,
    )
