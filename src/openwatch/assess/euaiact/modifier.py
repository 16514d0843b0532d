"""The one-third modifier test (GL ¶60–61): the threshold, what it was based on, and the verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from openwatch.assess.euaiact.compute import compare, fmt_flop
from openwatch.assess.euaiact.params import Params
from openwatch.catalog.schema import Model

Basis = Literal["base-compute", "sr-fallback", "default-fallback"]


@dataclass(frozen=True)
class ModifierTest:
    """Result of the GL ¶60–61 test for a fine-tuner."""

    threshold_flop: float
    basis: Basis
    basis_text: str
    base_compute_flop: float | None
    modification_flop: float | None
    verdict: Literal["yes", "no", "not given"]
    borderline: bool
    citation: str

    @property
    def user_is_provider(self) -> bool:
        """True when the modification compute exceeds the threshold."""
        return self.verdict == "yes"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "threshold_flop": self.threshold_flop,
            "basis": self.basis,
            "basis_text": self.basis_text,
            "base_compute_flop": self.base_compute_flop,
            "modification_flop": self.modification_flop,
            "provider_above_flop": self.threshold_flop,
            "verdict": self.verdict,
            "borderline": self.borderline,
            "citation": self.citation,
        }


def base_is_sr(model: Model, params: Params) -> bool:
    """True when the catalog marks the model SR or its compute (figure or lower bound) is above Art. 51(2)."""
    compute, limit = model.training_compute, params.sr_presumption_flop.value
    above = (compute.value is not None and compute.value > limit) or (
        compute.lower_bound is not None and compute.lower_bound >= limit
    )
    return model.systemic_risk is True or above


def modifier_test(model: Model, modification_flop: float | None, params: Params) -> ModifierTest:
    """Threshold = base compute / 3 if known; else 1e25/3 if the base is SR; else 1e23/3 (GL ¶60–61)."""
    divisor = params.modifier_divisor.value
    base = model.training_compute.value
    basis: Basis
    if base is not None:
        threshold, basis = base / divisor, "base-compute"
        text = f"one third of the base model's training compute ({fmt_flop(base)} / {divisor:g})"
        citation = params.modifier_divisor.citation
    elif base_is_sr(model, params):
        threshold, basis = params.modifier_fallback_sr_flop.value / divisor, "sr-fallback"
        text = (
            "base compute unknown and the base model is SR: one third of the Art. 51(2) threshold "
            f"({fmt_flop(params.modifier_fallback_sr_flop.value)} / {divisor:g})"
        )
        citation = params.modifier_fallback_sr_flop.citation
    else:
        threshold, basis = params.modifier_fallback_flop.value / divisor, "default-fallback"
        text = (
            "base compute unknown and the base model not known to be SR: one third of the GL ¶17 threshold "
            f"({fmt_flop(params.modifier_fallback_flop.value)} / {divisor:g})"
        )
        citation = params.modifier_fallback_flop.citation
    if modification_flop is None:
        return ModifierTest(threshold, basis, text, base, None, "not given", False, citation)
    position = compare(modification_flop, threshold, params.estimation_margin.value)
    verdict: Literal["yes", "no"] = "yes" if modification_flop > threshold else "no"
    return ModifierTest(
        threshold, basis, text, base, modification_flop, verdict, position == "borderline", citation
    )
