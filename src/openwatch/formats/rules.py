"""What each finding kind means: the name and help text that SARIF rules and reports show."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def _rules() -> dict[str, dict[str, str]]:
    text = resources.files("openwatch.formats").joinpath("rules.yaml").read_text("utf-8")
    loaded: dict[str, dict[str, str]] = yaml.safe_load(text)
    return loaded


def known_rules() -> frozenset[str]:
    """Every rule id that has help text."""
    return frozenset(_rules())


def rule_help(rule_id: str) -> tuple[str, str]:
    """(name, help) of a rule; a rule without entry gets its id and a pointer to the finding's message."""
    entry = _rules().get(rule_id)
    if entry is None:
        return rule_id, f"openwatch rule {rule_id}: the finding's message says what was found and why."
    return entry["name"], entry["help"]
