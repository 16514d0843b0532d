"""Training compute from an Epoch AI row: the FLOP column, else a figure or a lower bound in its notes."""

from __future__ import annotations

import re

from openwatch.catalog.schema import Compute, ComputeMethod, Source

Row = dict[str, str]

_REPORTED = re.compile(r"\b(stated|reported|disclosed)\s+(in|by)\b|^\s*(stated|reported)\b", re.IGNORECASE)
_SIX_ND = re.compile(r"\b6\s*(?:flop\s*/\s*param|nd\b|[*x×·]\s*[\d(])", re.IGNORECASE)
_HARDWARE = re.compile(r"\b(gpu|chip|tpu|h100|h800|a100)[- ]?(hours|days)\b", re.IGNORECASE)
_FLOP = r"(\d+(?:\.\d+)?(?:e\+?\d+)?|10\^\d+)"
_ESTIMATE = re.compile(
    rf"\b(?:estimated|imputed) to be {_FLOP}(?:\s*FLOP)?\s*"
    r"(from benchmark scores|using benchmark imputation)?",
    re.IGNORECASE,
)
_CONFIDENCE_INTERVAL = re.compile(r"(\d+%\s*CI\s*\[[^\]]+\])", re.IGNORECASE)
_BOUND_AFTER = re.compile(
    rf"\b(almost certainly|very likely|likely)\b[^.;<]{{0,30}}?>\s*{_FLOP}", re.IGNORECASE
)
_BOUND_BEFORE = re.compile(
    rf">\s*{_FLOP}\s*(?:FLOP\s*)?is (almost certainly|very likely|likely)\b", re.IGNORECASE
)


def flop(text: str) -> float:
    """A FLOP figure as Epoch writes it: 3.8e25, 3.6e+25 or 10^25."""
    if text.startswith("10^"):
        return 10.0 ** int(text[3:])
    return float(text)


def compute_method(row: Row) -> ComputeMethod:
    """Epoch's estimation method where clear: reported, hardware or 6ND; else unknown."""
    methods = {m.strip() for m in row.get("Training compute estimation method", "").split(",") if m.strip()}
    notes = row.get("Training compute notes", "")
    if "Reported" in methods or _REPORTED.search(notes):
        return "reported"
    if methods == {"Hardware"}:
        return "hardware"
    if methods == {"Operation counting"}:
        return "6ND"
    if methods:
        return "unknown"
    if _SIX_ND.search(notes):
        return "6ND"
    return "hardware" if _HARDWARE.search(notes) else "unknown"


def positive_number(text: str) -> float | None:
    """A CSV cell as a positive number, else None."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value > 0 else None


def _from_notes(notes: str, source: Source) -> Compute | None:
    """A figure Epoch estimated in its notes ("estimated to be 3.8e25 FLOP"), else a stated lower bound."""
    if (estimate := _ESTIMATE.search(notes)) is not None:
        how = f" {estimate.group(2)}" if estimate.group(2) else ""
        interval = _CONFIDENCE_INTERVAL.search(notes)
        spread = f"; {interval.group(1)}" if interval else ""
        return Compute(
            value=flop(estimate.group(1)),
            method="estimated",
            uncertainty=f"Epoch's notes: estimated{how}{spread}",
            source=source,
        )
    if (bound := _BOUND_AFTER.search(notes)) is not None:
        qualifier, figure = bound.group(1), bound.group(2)
    elif (bound := _BOUND_BEFORE.search(notes)) is not None:
        figure, qualifier = bound.group(1), bound.group(2)
    else:
        return None
    value = flop(figure)
    return Compute(
        lower_bound=value,
        method="estimated",
        uncertainty=f"Epoch's notes: {qualifier.lower()} more than {value:.0e} FLOP (no figure)",
        source=source,
    )


def training_compute(row: Row, source: Source) -> Compute | None:
    """The row's training compute with method, Epoch's confidence and source; None when nothing is known."""
    value = positive_number(row.get("Training compute (FLOP)", ""))
    if value is None:
        return _from_notes(" ".join(row.get("Training compute notes", "").split()), source)
    confidence = row.get("Confidence", "")
    return Compute(
        value=value,
        method=compute_method(row),
        uncertainty=f"Epoch confidence: {confidence}" if confidence else None,
        source=source,
    )
