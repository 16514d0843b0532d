"""Rules R0–R4 of the GPAI spec: scope, GPAI status, the modifier test, who the provider is, systemic risk."""

from __future__ import annotations

from dataclasses import dataclass

from openwatch.assess.euaiact.compute import compute_text, fmt_flop, margin_text, position
from openwatch.assess.euaiact.facts import compute_fact, lab_fact, model_fact, setting_fact
from openwatch.assess.euaiact.modifier import ModifierTest
from openwatch.assess.euaiact.params import Params
from openwatch.assess.euaiact.regional import eu_exclusion
from openwatch.assess.euaiact.settings import Settings
from openwatch.catalog.schema import Access, Lab, Licence, Model
from openwatch.domain import Citation, RuleResult

LANGUAGE_OUTPUTS = {"text", "code", "speech", "audio"}
GPAI_POSITIVE = ("likely", "yes", "review")
R2C_UNCERTAIN = (
    "[UNCERTAIN] How GL §3.1.3 applies to licences that deny rights over the multimodal models to "
    "EU-domiciled licensees but exempt end users of a product or service (S10): flag any EU-facing product "
    "built on such a model for legal review."
)


@dataclass(frozen=True)
class Inputs:
    """Everything the rules read: the catalog records, the user's settings and the parameter set."""

    model: Model
    lab: Lab
    licence: Licence | None
    settings: Settings
    params: Params


def rule_scope(inp: Inputs) -> RuleResult:
    """R0 (with R3): is the model placed on the EU market, so that Chapter V is triggered at all?"""
    channel, s = inp.settings.placement_channel, inp.settings
    facts = (setting_fact(s, "placement_channel"), setting_fact(s, "commercial"))
    cites = [Citation("Art. 2(1)(a)"), Citation("Art. 3(9)"), Citation("Rec. 97", "REC")]
    paid = "" if s.commercial else " A free, non-commercial release still counts (Art. 3(3), 3(10))."
    if channel == "none":
        msg = "Not placed on the EU market and no placement given: Chapter V is not triggered yet (R0.1)."
        return RuleResult("euaiact.scope", "not-placed", msg + paid, facts, tuple(cites))
    if channel == "internal-nonessential":
        cites.append(Citation("GL §3.1.2", "GL"))
        msg = "Internal use not essential to a third-party product or service is not placing on the market."
        review = (
            "internal use: whether it is 'essential to providing a product or service to third parties' is "
            "undefined (R0.3) [UNCERTAIN]",
            "Rec. 97: SR models 'should always be subject' to the obligations; whether this narrows the "
            "internal-use exclusion is open (R0.4) [UNCERTAIN]",
        )
        return RuleResult("euaiact.scope", "review", msg + paid, facts, tuple(cites), review)
    if channel is None:
        cites.append(Citation("GL §3.1.2", "GL"))
        msg = (
            "Assumed: the model is placed on the EU market (no channel given; a public hub upload, API, "
            "library or app counts as placement, R3)."
        )
        return RuleResult("euaiact.scope", "in-scope", msg + paid, facts, tuple(cites))
    msg = f"Placed on the EU market via '{channel}' (GL §3.1.2 examples)."
    return RuleResult("euaiact.scope", "in-scope", msg + paid, facts, (*cites, Citation("GL §3.1.2", "GL")))


def _narrow_reason(model: Model) -> str | None:
    if model.task_breadth == "narrow":
        return "the catalog marks its task as narrow"
    if model.kind == "embedding":
        return "embedding models are treated as narrow (one task: vectors, no generation)"
    if model.kind == "speech" and model.task_breadth != "broad":
        return (
            "speech models (speech-to-text, text-to-speech) are treated as narrow, as in the GL §2.1 examples"
        )
    return None


def _generates(model: Model) -> str | None:
    out, inp = set(model.modalities.output), set(model.modalities.input)
    if out & LANGUAGE_OUTPUTS:
        return "generates language (text, code or speech)"
    if "image" in out and "text" in inp:
        return "is text-to-image"
    if "video" in out and "text" in inp:
        return "is text-to-video"
    return None


def rule_gpai(inp: Inputs) -> RuleResult:
    """R1: is it a GPAI model? likely / unlikely / no / review (GL ¶17, §2.1)."""
    m, p = inp.model, inp.params
    threshold, margin = p.gpai_indicative_flop.value, p.estimation_margin.value
    facts = (
        compute_fact(m),
        model_fact(m, "kind", m.kind),
        model_fact(m, "task_breadth", m.task_breadth),
        model_fact(m, "modalities", {"input": m.modalities.input, "output": m.modalities.output}),
        model_fact(m, "systemic_risk", m.systemic_risk),
    )
    cites = (Citation("Art. 3(63)"), p.gpai_indicative_flop.cite(), Citation("GL §2.1", "GL"))

    def result(outcome: str, message: str, *review: str) -> RuleResult:
        return RuleResult("euaiact.gpai", outcome, message, facts, cites, review)

    if m.systemic_risk is True:
        return result("yes", "The catalog records the model as SR; only GPAI models are SR (Art. 51(1)).")
    if (narrow := _narrow_reason(m)) is not None:
        return result(
            "no", f"Narrow task: {narrow}; not GPAI even above {fmt_flop(threshold)} FLOP (GL §2.1)."
        )
    compute, broad = m.training_compute, m.task_breadth == "broad"
    if not compute.known:
        hint = ""
        if m.parameters.total and m.parameters.total >= 1_000_000_000:
            hint = " It has at least 1 bn parameters, an indicator of generality (Rec. 98)."
        return result(
            "review",
            "Training compute unknown: the indicative criterion cannot be applied." + hint,
            "training compute unknown (R1.4)",
        )
    generates = _generates(m)
    if generates is None:
        if broad:
            return result(
                "review",
                "Does not generate language, images or video, but is marked broad: GPAI only "
                "'exceptionally' (GL §2.1).",
                "broad model outside the indicative criterion (R1.3)",
            )
        return result(
            "unlikely", "Does not generate language, images or video: outside the GL ¶17 criterion."
        )
    where, stated = position(compute, threshold, margin), compute_text(compute)
    if where == "unknown":
        return result(
            "review",
            f"Only a lower bound is known ({stated}), below {fmt_flop(threshold)}: the indicative "
            "criterion cannot be applied.",
            f"training compute known only as a lower bound below {fmt_flop(threshold)} (R1.4)",
        )
    if where == "borderline":
        return result(
            "review",
            f"{stated} is within the {margin_text(margin)} estimation margin "
            f"of {fmt_flop(threshold)} (GL Annex A.2); it {generates}.",
            f"training compute {fmt_flop(compute.value)} within {margin_text(margin)} of "
            f"{fmt_flop(threshold)} (R1.4)",
        )
    if where == "above":
        return result("likely", f"{stated} > {fmt_flop(threshold)} and it {generates} (GL ¶17).")
    msg = f"{stated} < {fmt_flop(threshold)}: below the indicative criterion (GL ¶17)."
    if broad:
        return result(
            "review",
            msg + " Marked broad, so it may still be GPAI 'exceptionally' (GL §2.1).",
            "broad capability below the indicative criterion (R1.3)",
        )
    return result("unlikely", msg)


def rule_modifier_threshold(inp: Inputs, test: ModifierTest) -> RuleResult:
    """R2b: the one-third test that decides whether a modifier becomes the provider (GL ¶60–61)."""
    s, p = inp.settings, inp.params
    facts = (
        compute_fact(inp.model),
        model_fact(inp.model, "systemic_risk", inp.model.systemic_risk),
        setting_fact(s, "modification_flop"),
    )
    cites = (Citation(test.citation, "GL"), Citation("GL §3.2", "GL"))
    head = f"Threshold {fmt_flop(test.threshold_flop)} FLOP: {test.basis_text}."
    if test.verdict == "not given":
        msg = f"{head} A modification above {fmt_flop(test.threshold_flop)} FLOP would make you the provider."
        return RuleResult(
            "euaiact.modifier-threshold",
            "review",
            msg,
            facts,
            cites,
            ("modification compute not given (R2b)",),
        )
    mod = fmt_flop(test.modification_flop)
    relation = ">" if test.verdict == "yes" else "≤"
    msg = f"{head} Your modification {mod} {relation} {fmt_flop(test.threshold_flop)}."
    review: tuple[str, ...] = ()
    if test.borderline:
        margin = margin_text(p.estimation_margin.value)
        review = (f"modification compute {mod} within {margin} of the threshold (GL Annex A.2)",)
    return RuleResult("euaiact.modifier-threshold", test.verdict, msg, facts, cites, review)


def rule_provider(inp: Inputs, gpai: str, test: ModifierTest | None) -> RuleResult:
    """R2: who is the provider of this model for this user (Art. 3(3), 3(68); GL §3.1, §3.2)."""
    s, m, lab = inp.settings, inp.model, inp.lab
    facts = [setting_fact(s, "role"), setting_fact(s, "eu_established"), lab_fact(lab, "name", lab.name)]
    cites = [Citation("Art. 3(3)"), Citation("Art. 3(68)")]
    review: list[str] = []
    prefix = "" if gpai in GPAI_POSITIVE else "Not a GPAI model (R1), so no Chapter V duties follow. "
    if s.role == "provider":
        cites.append(Citation("GL §3.1.1", "GL"))
        msg = (
            "You place the model on the market under your own name: you are its provider (Art. 3(3)), paid "
            "or free. A pure redistributor of a model it did not develop or commission is not its provider."
        )
        return RuleResult("euaiact.provider", "user", prefix + msg, tuple(facts), tuple(cites))
    outcome = "upstream"
    if s.role == "integrator":
        cites.append(Citation("GL §3.1.3", "GL"))
        msg = (
            f"{lab.name} (upstream) is the provider. You integrate the model into your own system: a "
            "downstream provider of an AI system (Art. 3(68)) with no Chapter V model duties (R2d)."
        )
    else:
        assert test is not None
        cites.append(Citation(test.citation, "GL"))
        if test.verdict == "yes":
            outcome = "user"
            msg = (
                "Your modification exceeds the one-third threshold: you become the modified model's provider."
            )
        elif test.verdict == "no":
            msg = (
                f"Your modification is below the one-third threshold: {lab.name} stays the provider; you are "
                "a downstream provider of an AI system at most (Art. 3(68))."
            )
        else:
            outcome = "review"
            msg = (
                f"{lab.name} stays the provider unless your modification exceeds "
                f"{fmt_flop(test.threshold_flop)} FLOP."
            )
        if m.access in (Access.API_ONLY, Access.HOSTED_NO_API):
            review.append("fine-tuning through a vendor API: who controls the weights decides (GL fn. 12)")
    if (
        (exclusion := eu_exclusion(inp.licence, m)) is not None
        and s.eu_established
        and lab.eu_established is not True
    ):
        cites.append(Citation("GL §3.1.3", "GL"))
        facts.append(lab_fact(lab, "eu_established", lab.eu_established))
        msg += (
            " The upstream provider has excluded distribution and use in the EU for this model "
            f"({exclusion}); if you place a system built on it on the EU market, you may become the provider "
            "of the model (GL §3.1.3)."
        )
        review.append("EU exclusion by the upstream provider (R2c). " + R2C_UNCERTAIN)
    return RuleResult("euaiact.provider", outcome, prefix + msg, tuple(facts), tuple(cites), tuple(review))
