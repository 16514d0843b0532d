"""Rule R5: the open-source exemption of Art. 53(2) and 54(6), for the model's release and for the user."""

from __future__ import annotations

from dataclasses import dataclass

from openwatch.assess.euaiact.facts import licence_fact, model_fact
from openwatch.assess.euaiact.rules import GPAI_POSITIVE, Inputs
from openwatch.catalog.schema import Access
from openwatch.domain import Citation, FactUsed, RuleResult

CLOSED_ACCESS = (Access.API_ONLY, Access.HOSTED_NO_API, Access.UNRELEASED)
CITES = (
    Citation("Art. 53(2)"),
    Citation("Art. 54(6)"),
    Citation("Rec. 102-104", "REC"),
    Citation("GL §4.2", "GL"),
)


@dataclass(frozen=True)
class ReleaseExemption:
    """The exemption verdict for the model as its provider releases it."""

    outcome: str
    failures: tuple[str, ...]
    review: tuple[str, ...]
    notes: tuple[str, ...]
    facts: tuple[FactUsed, ...]


def _facts(inp: Inputs) -> tuple[FactUsed, ...]:
    m, lic = inp.model, inp.licence
    out = [
        model_fact(m, "access", m.access.value),
        model_fact(m, "monetised", m.monetised),
        model_fact(m, "gating", m.gating),
        model_fact(
            m,
            "components",
            {"docs": m.components.docs, "inference_code": m.components.inference_code},
            m.components.source,
        ),
    ]
    if lic is not None:
        out.append(licence_fact(lic, "eu_foss_licence_test", lic.eu_foss_licence_test.verdict))
    return tuple(out)


def release_exemption(inp: Inputs, sr: str) -> ReleaseExemption:
    """Not SR, licence passes, not monetised, weights and architecture/usage info public (R5.1–R5.3)."""
    m, lic = inp.model, inp.licence
    fails: list[str] = []
    review: list[str] = []
    notes: list[str] = []
    if sr == "yes":
        fails.append("systemic risk: no exemption at all (Art. 53(2) last sentence, 54(6))")
    elif sr == "review":
        review.append("systemic-risk status open: there is no exemption if the model is SR")
    if m.access in CLOSED_ACCESS:
        fails.append(f"no public weights (access: {m.access.value}; Art. 53(2))")
    elif m.access is Access.UNKNOWN:
        review.append("whether the weights are public is unknown (R5.3)")
    licence_passes = False
    if lic is None:
        review.append("licence unknown: the licence test cannot be applied (R5.1)")
    else:
        test = lic.eu_foss_licence_test
        if test.verdict == "fail":
            fails.append(f"licence {lic.key} fails the licence test: {test.reason} ({test.basis})")
        elif test.verdict == "review":
            review.append(f"licence {lic.key} needs review: {test.reason} ({test.basis})")
        licence_passes = test.verdict == "pass"
        if any(r.kind == "acceptable-use-policy" for r in lic.restrictions):
            notes.append(
                "acceptable-use policy: whether it is proportionate and non-discriminatory needs "
                "clause-by-clause review (GL §4.2.1) [UNCERTAIN]"
            )
    if m.monetised is True:
        fails.append(
            "monetised: price, paid support, paid-only hosting or personal data (Rec. 103; GL §4.2.2)"
        )
    elif m.monetised is None and licence_passes:
        review.append("whether the model is monetised is unknown (GL §4.2.2)")
    if m.gating == "manual":
        review.append("manual access gating may collect personal data beyond security needs (GL §4.2.2)")
    info = {m.components.docs, m.components.inference_code}
    if info == {"closed"}:
        fails.append("architecture and usage information not public (GL §4.2.3)")
    elif not info & {"open", "partial"}:
        review.append("whether architecture and usage information is public is unknown (GL §4.2.3)")
    outcome = "no" if fails else "review" if review else "yes"
    return ReleaseExemption(outcome, tuple(fails), tuple(review), tuple(notes), _facts(inp))


def _summary(release: ReleaseExemption) -> str:
    if release.outcome == "yes":
        return "meets every condition: not SR, licence passes, not monetised, weights and docs public"
    if release.outcome == "no":
        return "; ".join(release.failures)
    return "open: " + "; ".join(release.review)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def rule_foss(inp: Inputs, gpai: str, provider: str, sr: str, release: ReleaseExemption) -> RuleResult:
    """R5 for the user: the exemption matters only to the provider; a modifier's release is its own (R5.4)."""
    cites: tuple[Citation, ...] = CITES
    if gpai not in GPAI_POSITIVE:
        return RuleResult(
            "euaiact.foss-exemption",
            "n/a",
            "Not a GPAI model: the exemption does not arise.",
            release.facts,
            cites,
        )
    if provider not in ("user", "review"):
        msg = (
            f"You are not the provider, so the exemption is not yours. Upstream release: {_summary(release)}."
        )
        return RuleResult("euaiact.foss-exemption", "n/a", msg, release.facts, cites)
    if inp.settings.role == "fine-tuner":
        cites = (*cites, Citation("GL §3.2.1", "GL"))
        if sr == "yes":
            msg = "Your modified model is SR: no exemption (Art. 53(2) last sentence, 54(6))."
            return RuleResult("euaiact.foss-exemption", "no", msg, release.facts, cites)
        msg = (
            "The exemption of your modified model depends on your own release: licence, no monetisation, "
            f"public weights and docs (R5.4 [INFERENCE]). The base model's release: {_summary(release)}."
        )
        return RuleResult(
            "euaiact.foss-exemption",
            "review",
            msg,
            release.facts,
            cites,
            ("open-source exemption of your modified model depends on your release terms (R5.4)",),
        )
    return RuleResult(
        "euaiact.foss-exemption",
        release.outcome,
        _sentence(_summary(release)),
        release.facts,
        cites,
        release.review,
    )
