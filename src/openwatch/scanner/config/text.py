"""Model hits in one configuration text of a known kind: YAML, JSON, TOML or a `.env` file."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from openwatch.scanner.config.json_tree import parse_json
from openwatch.scanner.config.rules import ConfigWalk
from openwatch.scanner.config.toml_tree import TomlLocator, parse_toml
from openwatch.scanner.config.tree import NODE_BUDGET, Parsed, Scalar, parse_yaml
from openwatch.scanner.hits import Hit
from openwatch.scanner.keyrules import Strength, classify_key, key_hit

_ENV_LINE = re.compile(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_]\w*)[ \t]*=[ \t]*(.*?)[ \t\r]*$", re.M)
_FALLBACK = re.compile(r"^[ \t-]*[\"']?([A-Za-z_][\w.-]*)[\"']?[ \t]*[:=][ \t]*[\"']?([^\"'\s,#}\]]+)", re.M)
_PARSERS: dict[str, Callable[[str], Parsed]] = {"yaml": parse_yaml, "json": parse_json, "toml": parse_toml}


@dataclass(frozen=True)
class ConfigHits:
    """The hits of one config text, the problem met, and whether reading was partial."""

    hits: list[Hit]
    problem: str | None = None
    degraded: bool = False


def shell_keys_for(relpath: str) -> frozenset[str]:
    """Keys whose values are shell commands in this kind of file (CI workflows, task runners)."""
    name = posixpath.basename(relpath).lower()
    if "/.github/workflows/" in f"/{relpath}" or name in ("action.yml", "action.yaml"):
        return frozenset({"run"})
    if name == ".gitlab-ci.yml":
        return frozenset({"script", "before_script", "after_script"})
    if name in ("taskfile.yml", "taskfile.yaml"):
        return frozenset({"cmds"})
    if name == "package.json":
        return frozenset({"scripts"})
    return frozenset()


def config_hits(text: str, relpath: str, kind: str) -> ConfigHits:
    """The hits of a config text of kind yaml, json, toml or env."""
    if kind == "env":
        return ConfigHits(env_hits(text))
    parsed = _PARSERS[kind](text)
    if parsed.problem is not None:
        return ConfigHits(fallback_hits(text), parsed.problem, degraded=True)
    locator = TomlLocator(text)

    def locate(scalar: Scalar, key: str | None, value: str) -> int:
        """The offset of a TOML value, found by searching the text."""
        return locator.locate(key, value)

    only = frozenset({"scripts", "config"}) if posixpath.basename(relpath) == "package.json" else None
    walk = ConfigWalk(text, shell_keys_for(relpath), only, locate if kind == "toml" else None)
    for document in parsed.documents:
        walk.walk(document)
    if parsed.truncated:
        return ConfigHits(walk.hits, "large data file: stopped reading after the node budget", degraded=True)
    if parsed.expanded > NODE_BUDGET:
        problem = (
            f"YAML aliases would expand to more than {NODE_BUDGET:,} nodes (an alias bomb); read unexpanded"
        )
        return ConfigHits(walk.hits, problem, degraded=True)
    return ConfigHits(walk.hits)


def env_hits(text: str) -> list[Hit]:
    """Hits of `KEY=value` lines whose key names a model (OPENAI_MODEL, MODEL_NAME, EMBEDDING_MODEL…)."""
    hits: list[Hit] = []
    for match in _ENV_LINE.finditer(text):
        key, value = match.group(1), match.group(2)
        start = match.start(2)
        if value[:1] and value[0] in "\"'":
            close = value.find(value[0], 1)
            value, start = value[1 : close if close > 0 else len(value)], start + 1
        else:
            value = value.split(" #", 1)[0]
        if classify_key(key) is not None:
            hit = key_hit(key, value, start, note=f"variable {key}")
            hits.extend([hit] if hit else [])
    return hits


def fallback_hits(text: str) -> list[Hit]:
    """Line-based hits for model-specific keys, for a config that does not parse."""
    hits: list[Hit] = []
    for match in _FALLBACK.finditer(text):
        rule = classify_key(match.group(1))
        if rule is None or rule.strength is Strength.WEAK:
            continue
        lowered = replace(rule, confidence=round(rule.confidence - 0.2, 2))
        hit = key_hit(match.group(1), match.group(2), match.start(2), rule=lowered, note="line fallback")
        hits.extend([hit] if hit else [])
    return hits
