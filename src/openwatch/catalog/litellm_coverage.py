"""How many LiteLLM model ids the resolver maps to a catalog model, and why the others stay unmapped."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from openwatch.catalog.load import curated_data_dir
from openwatch.catalog.resolve import Resolver

UNMAPPED_FILE = "litellm-unmapped.yaml"
NO_RULE = "no rule"


@dataclass(frozen=True)
class UnmappedRule:
    """A glob over LiteLLM ids that the resolver deliberately leaves unmapped, with the reason."""

    pattern: str
    reason: str
    regex: re.Pattern[str]


class UnmappedFileError(Exception):
    """The unmapped-ids file could not be read or has a bad entry."""


def load_unmapped(path: Path | None = None) -> list[UnmappedRule]:
    """The deliberately unmapped LiteLLM id patterns (package data unless a path is given)."""
    path = path or curated_data_dir() / UNMAPPED_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UnmappedFileError(f"cannot read {path}: {exc}") from exc
    rules: list[UnmappedRule] = []
    for i, entry in enumerate(data.get("unmapped", []) if isinstance(data, dict) else []):
        if not isinstance(entry, dict) or not entry.get("pattern") or not entry.get("reason"):
            raise UnmappedFileError(f"{path}: entry {i} needs a pattern and a reason")
        pattern = str(entry["pattern"])
        regex = re.compile(fnmatch.translate(pattern.lower()))
        rules.append(UnmappedRule(pattern, str(entry["reason"]), regex))
    return rules


def unmapped_reason(key: str, rules: Iterable[UnmappedRule]) -> str | None:
    """The reason of the first rule whose pattern matches the id, else None."""
    lower = key.lower()
    return next((rule.reason for rule in rules if rule.regex.match(lower)), None)


@dataclass
class Coverage:
    """Resolution counts over LiteLLM ids, with the ids that stayed unresolved and why."""

    total: int = 0
    resolved: int = 0
    by_lab: dict[str, int] = field(default_factory=dict)
    unresolved: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Share of ids resolved to a model with its lab (0..1)."""
        return self.resolved / self.total if self.total else 0.0

    @property
    def explained(self) -> int:
        """Unresolved ids that a rule of the unmapped file explains."""
        return sum(1 for _, _, reason in self.unresolved if reason != NO_RULE)


def coverage(
    entries: Mapping[str, Mapping[str, Any]],
    resolver: Resolver,
    rules: Iterable[UnmappedRule],
    modes: frozenset[str],
) -> Coverage:
    """Resolve every id whose mode is in `modes`; ids matched by an unmapped rule count as not resolved."""
    rule_list = list(rules)
    result = Coverage()
    for key in sorted(entries):
        entry = entries[key]
        if entry.get("mode") not in modes:
            continue
        result.total += 1
        provider = str(entry.get("litellm_provider") or "")
        reason = unmapped_reason(key, rule_list)
        model_id = None if reason else resolver.resolve(key).model_id
        model = resolver.catalog.models.get(model_id) if model_id else None
        if model is not None and model.lab in resolver.catalog.labs:
            result.resolved += 1
            result.by_lab[model.lab] = result.by_lab.get(model.lab, 0) + 1
        else:
            result.unresolved.append((key, provider, reason or NO_RULE))
    return result
