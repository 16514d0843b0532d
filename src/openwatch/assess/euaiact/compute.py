"""FLOP arithmetic for the rules: the ±30 % estimation band, threshold tests, 2-significant-figure display."""

from __future__ import annotations

from openwatch.catalog.schema import Compute


def fmt_flop(value: float | None) -> str:
    """A FLOP count to 2 significant figures, as GL ¶31 asks for notifications (e.g. 2.3e+25)."""
    return "unknown" if value is None else f"{value:.1e}"


def band(value: float, margin: float) -> tuple[float, float]:
    """The range an estimate may really lie in, given the GL Annex A.2 margin."""
    return value * (1 - margin), value * (1 + margin)


def straddles(value: float, threshold: float, margin: float) -> bool:
    """True when the estimate's ±margin band contains the threshold, so the test cannot be decided."""
    low, high = band(value, margin)
    return low <= threshold <= high


def compare(value: float, threshold: float, margin: float) -> str:
    """'above', 'below' or 'borderline' (the band straddles the threshold)."""
    if straddles(value, threshold, margin):
        return "borderline"
    return "above" if value > threshold else "below"


def margin_text(margin: float) -> str:
    """The margin as a percentage for messages."""
    return f"±{round(margin * 100)} %"


def compute_text(compute: Compute) -> str:
    """The compute as the rules state it: "2.3e+25 FLOP" or "more than 1.0e+25 FLOP (lower bound …)"."""
    if compute.value is not None:
        return f"{fmt_flop(compute.value)} FLOP"
    if compute.lower_bound is not None:
        how = f"; {compute.uncertainty}" if compute.uncertainty else ""
        return f"more than {fmt_flop(compute.lower_bound)} FLOP (a lower bound{how})"
    return "unknown"


def position(compute: Compute, threshold: float, margin: float) -> str:
    """'above', 'below' or 'borderline' for a figure; for a lower bound alone, 'above' when the bound
    reaches the threshold (the compute exceeds the bound), else 'unknown'; 'unknown' when nothing is known."""
    if compute.value is not None:
        return compare(compute.value, threshold, margin)
    if compute.lower_bound is not None and compute.lower_bound >= threshold:
        return "above"
    return "unknown"
