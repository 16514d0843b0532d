"""Text helpers every format shares: facts as plain text, and scanned text made inert for each medium."""

from __future__ import annotations

from typing import Any

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#"})


def printable(text: object) -> str:
    """Control characters (terminal escapes, bells, NULs) shown as escapes; the rest unchanged."""
    raw = str(text)
    if raw.isprintable():
        return raw
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in raw)


def terminal_safe(text: object) -> str:
    """Text for a Rich console: control characters shown as escapes and Rich markup escaped."""
    from rich.markup import escape

    return escape(printable(text))


def md_escape(text: object) -> str:
    """Markdown-inert text: active characters escaped, newlines folded, control characters shown."""
    return " ".join(printable(text).split()).translate(_MD_SPECIAL)


def fact_text(value: Any) -> str:
    """A fact's value as words: mappings as `key: value` pairs, lists joined, numbers readable."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dict):
        parts = [
            f"{k.replace('_', ' ')}: {fact_text(v)}" for k, v in value.items() if v not in (None, [], {})
        ]
        return "; ".join(parts) or "unknown"
    if isinstance(value, list | tuple):
        return ", ".join(fact_text(v) for v in value) or "none"
    return str(value)


def where(path: str | None, line: int | None) -> str:
    """`path:line`, `path`, or `-` when a finding has no place."""
    if not path:
        return "-"
    return f"{path}:{line}" if line else path
