"""FLOP arithmetic for the rules: the ±30 % estimation band, threshold tests, 2-significant-figure display."""

from __future__ import annotations


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
