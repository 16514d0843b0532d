"""Baselines: accepted findings, each with a reason and optional expiry, so CI fails only on new ones."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from openwatch.assess.findings import Finding
from openwatch.safeyaml import load_yaml

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".openwatch-baseline.yaml"


class BaselineError(ValueError):
    """The baseline file cannot be read or is malformed."""


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding."""

    fingerprint: str
    rule: str
    model: str | None
    path: str | None
    reason: str
    expires: dt.date | None = None

    def active(self, today: dt.date) -> bool:
        """True until the expiry date has passed."""
        return self.expires is None or today <= self.expires


@dataclass(frozen=True)
class BaselineResult:
    """Findings after the baseline: suppressed ones marked, expired entries listed."""

    findings: tuple[Finding, ...]
    suppressed: int
    expired: tuple[BaselineEntry, ...]


def _entry(raw: Any, where: str) -> BaselineEntry:
    if not isinstance(raw, dict):
        raise BaselineError(f"{where}: each entry must be a mapping")
    missing = {"fingerprint", "rule", "reason"} - raw.keys()
    if missing:
        raise BaselineError(f"{where}: entry misses {', '.join(sorted(missing))}")
    expires = raw.get("expires")
    if expires is not None and not isinstance(expires, dt.date):
        try:
            expires = dt.date.fromisoformat(str(expires))
        except ValueError as exc:
            raise BaselineError(f"{where}: expires must be a date (YYYY-MM-DD)") from exc
    reason = str(raw["reason"]).strip()
    if not reason:
        raise BaselineError(f"{where}: every entry needs a reason")
    return BaselineEntry(
        str(raw["fingerprint"]), str(raw["rule"]), raw.get("model"), raw.get("path"), reason, expires
    )


def load_baseline(path: Path) -> list[BaselineEntry]:
    """Read a baseline file; raise BaselineError with the file name on any problem."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: not an openwatch baseline (version {BASELINE_VERSION})")
    entries = data.get("entries") or []
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: entries must be a list")
    return [_entry(raw, f"{path}: entries[{i}]") for i, raw in enumerate(entries)]


def apply_baseline(
    findings: Sequence[Finding], entries: Sequence[BaselineEntry], today: dt.date
) -> BaselineResult:
    """Mark findings an active entry accepts; list entries whose expiry has passed."""
    active = {e.fingerprint: e for e in entries if e.active(today)}
    out = []
    suppressed = 0
    for finding in findings:
        entry = active.get(finding.fingerprint)
        if entry is not None:
            suppressed += 1
            finding = dataclasses.replace(finding, suppressed_by=entry.reason)
        out.append(finding)
    expired = tuple(e for e in entries if not e.active(today))
    return BaselineResult(tuple(out), suppressed, expired)


def render_baseline(findings: Sequence[Finding], reason: str, expires: dt.date | None, today: dt.date) -> str:
    """A baseline file accepting every given finding with one reason and expiry."""
    seen: dict[str, dict[str, Any]] = {}
    for f in findings:
        seen.setdefault(
            f.fingerprint,
            {
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "model": f.model,
                "path": f.path,
                "message": f.message,
                "reason": reason,
                **({"expires": expires.isoformat()} if expires else {}),
            },
        )
    document = {"version": BASELINE_VERSION, "created": today.isoformat(), "entries": list(seen.values())}
    header = "# openwatch baseline: accepted findings. Each needs a reason; `expires` ends the acceptance.\n"
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
