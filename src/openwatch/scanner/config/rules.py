"""Model hits in a parsed config tree: model keys, LiteLLM, compose/k8s containers, CI `run:` blocks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from openwatch import providers
from openwatch.domain import Use
from openwatch.scanner.config.tree import Mapping, Node, Scalar, Sequence, value_offset
from openwatch.scanner.hits import Hit
from openwatch.scanner.keyrules import KeyRule, Strength, classify_key, key_hit, key_tokens
from openwatch.scanner.shell.rules import match_image
from openwatch.scanner.shell.syntax import Word, split_commands
from openwatch.scanner.shell.text import shell_hits

LITELLM_MODEL = KeyRule(Strength.STRONG, confidence=0.95)
_PARENT_SUFFIXES = ("name", "id", "repo", "repo_id")
_PROVIDER_WORD = re.compile(r"[A-Za-z][\w-]{1,30}")
_PROMPTFOO_ID = re.compile(
    r"^(?P<vendor>" + "|".join(sorted(map(re.escape, providers.SPELLINGS), key=len, reverse=True)) + ")"
    r"(?::(?:chat|completion|messages|embedding|embeddings|text-generation|feature-extraction|responses|"
    r"assistant|converse))?:(?P<model>[^\s:][^\s]*)$"
)
"""A promptfoo provider id (`anthropic:messages:claude-3-haiku-20240307`): vendor, API kind, model."""
PROMPTFOO_KEYS = frozenset({"providers", "provider"})
NAME_WINDOW = 100_000
"""How far before its settings the name of a `models:` entry is looked for (keeps each search bounded)."""
MAX_MISSES = 16
"""Searches for a shell hit's text in its scalar that may fail (each scans the rest of the scalar)."""


@dataclass
class ConfigWalk:
    """One walk over a config tree: the source text, how to place scalars, which keys hold shell text."""

    source: str
    shell_keys: frozenset[str] = frozenset()
    only_keys: frozenset[str] | None = None
    locate: Callable[[Scalar, str | None, str], int] | None = None
    hits: list[Hit] = field(default_factory=list)

    def offset(self, scalar: Scalar, key: str | None, text: str) -> int:
        """Where a text inside a scalar starts in the source."""
        if self.locate is not None and scalar.start < 0:
            return self.locate(scalar, key, text)
        return value_offset(self.source, scalar, text)

    def walk(self, root: Node) -> list[Hit]:
        """All hits under a document root."""
        stack: list[tuple[Node, str | None]] = [(root, None)]
        if self.only_keys is not None and isinstance(root, Mapping):
            stack = [(Mapping([(key, node) for key, node in root.items if key in self.only_keys]), None)]
        while stack:
            node, key = stack.pop()
            if isinstance(node, Mapping):
                stack.extend(reversed([(child, k) for k, child in self._mapping(node, key)]))
            elif isinstance(node, Sequence):
                stack.extend(reversed([(child, key) for child in self._sequence(node, key)]))
        return self.hits

    def _mapping(self, node: Mapping, key: str | None) -> list[tuple[str, Node]]:
        """Hits of a mapping's scalar values; the child containers still to walk."""
        keys = {k: v for k, v in node.items}
        provider = _scalar_text(keys.get("provider"))
        provider = providers.canonical(provider) if provider and _PROVIDER_WORD.fullmatch(provider) else None
        image = _scalar_text(keys.get("image"))
        if image:
            for name in ("entrypoint", "command", "args"):
                if name in keys:
                    self.hits.extend(match_image(image, self._words(keys[name]), {}))
                    self._scripts(keys[name])
        name_value, env_value = _scalar_text(keys.get("name")), keys.get("value")
        if name_value and isinstance(env_value, Scalar):
            self._scalar(name_value, env_value, None)  # k8s `env: [{name: MODEL_ID, value: ...}]`
        provider_id = keys.get("id")
        if key in PROMPTFOO_KEYS and isinstance(provider_id, Scalar):
            self._promptfoo(provider_id)
        children: list[tuple[str, Node]] = []
        for child_key, child in node.items:
            if child_key == "model_name" and "litellm_params" in keys:
                continue  # a LiteLLM alias chosen by the user, not a model
            effective = child_key
            if key and child_key in _PARENT_SUFFIXES and classify_key(key):
                effective = f"{key}_{child_key}"
            rule = LITELLM_MODEL if key == "litellm_params" and child_key == "model" else None
            if child_key in self.shell_keys:
                self._shell(child)
            elif isinstance(child, Mapping) and _settings_of_a_named_model(key, child):
                self._named_entry(key or "", child_key, child)  # `models: {"gpt-4o": {api_type: …}}`
                children.append((effective, child))
            elif isinstance(child, Scalar):
                self._scalar(effective, child, rule, provider, parent=key)
            else:
                children.append((effective, child))
        return children

    def _sequence(self, node: Sequence, key: str | None) -> list[Node]:
        """Hits of a list's scalars under a model key (or `KEY=value` environment items)."""
        children: list[Node] = []
        for item in node.items:
            if not isinstance(item, Scalar):
                children.append(item)
            elif key == "environment" and item.is_text and "=" in item.value:
                name, _, value = item.value.partition("=")
                self._scalar(name.strip(), Scalar(value, True, item.start, item.end), None)
            elif key in PROMPTFOO_KEYS:
                self._promptfoo(item)
            elif key is not None:
                self._scalar(key, item, None)
        return children

    def _named_entry(self, key: str, name: str, entry: Mapping) -> None:
        """A model named by the key of its settings under a `models:` mapping (MetaGPT, router configs)."""
        scalars = (child for _, child in entry.items if isinstance(child, Scalar) and child.start >= 0)
        first = next(scalars, None)
        if first is None and self.locate is not None:
            offset = self.locate(Scalar(name, True), None, name)
        else:
            end = first.start if first is not None else len(self.source)
            offset = self.source.rfind(name, max(0, end - NAME_WINDOW), end)
        hit = key_hit(key, name, offset, note=f"{key} entry") if offset >= 0 else None
        self.hits.extend([hit] if hit is not None else [])

    def _promptfoo(self, scalar: Scalar) -> None:
        """The model of a promptfoo provider id; the model part alone is the reference."""
        match = _PROMPTFOO_ID.match(scalar.value.strip()) if scalar.is_text else None
        if match is None:
            return
        note = f"promptfoo provider {match.group(0)}"
        hit = key_hit("model", match.group("model"), 0, note=note)
        if hit is not None:
            start = self.offset(scalar, "id", scalar.value.strip())
            offset = start + match.start("model") if start >= 0 else -1
            self.hits.append(replace(hit, offset=offset, provider=providers.canonical(match.group("vendor"))))

    def _scalar(
        self,
        key: str,
        scalar: Scalar,
        rule: KeyRule | None,
        provider: str | None = None,
        parent: str | None = None,
    ) -> None:
        """The hit of `key: scalar`, if any; under an `embedding…` parent a model is used for embedding."""
        if not scalar.is_text:
            return
        offset = self.offset(scalar, key, scalar.value.strip())
        note = "litellm_params.model" if rule is LITELLM_MODEL else None
        hit = key_hit(key, scalar.value, offset - _lead(scalar.value), rule=rule, note=note)
        if hit is None:
            return
        embedding = parent is not None and any(t.startswith("embed") for t in key_tokens(parent))
        use = Use.EMBEDDING if embedding and hit.use is Use.INFERENCE else hit.use
        self.hits.append(replace(hit, provider=hit.provider or provider, use=use))

    def _shell(self, node: Node) -> None:
        """Hits of shell text held in a scalar or a list of scalars."""
        for scalar in _scalars(node):
            cursor, misses = scalar.start, 0
            for hit in shell_hits(scalar.value, "sh"):
                if misses >= MAX_MISSES:  # the rest is placed where the last one was found, unsearched
                    self.hits.append(hit.moved(cursor))
                    continue
                offset = self.offset(Scalar(scalar.value, True, cursor, scalar.end), None, hit.text)
                misses += scalar.start >= 0 and not self.source.startswith(hit.text, offset)
                cursor = offset + 1 if offset >= 0 and scalar.start >= 0 else cursor
                self.hits.append(hit.moved(offset))

    def _scripts(self, node: Node) -> None:
        """Hits of multi-command scripts in a container command (an `sh -c` block that runs `ollama pull`)."""
        scripts = [s for s in _scalars(node) if s.is_text and ("\n" in s.value.strip() or "&&" in s.value)]
        for scalar in scripts:
            self._shell(scalar)

    def _words(self, node: Node) -> list[Word]:
        """Shell words of a container command given as a string or a list."""
        if isinstance(node, Scalar):
            base = self.offset(node, None, node.value)
            return [
                Word(w.value, w.raw, base + w.offset if base >= 0 else -1)
                for command in split_commands(node.value)
                for w in command
            ]
        return [Word(s.value, s.value, self.offset(s, None, s.value)) for s in _scalars(node)]


CONNECTION_KEYS = frozenset(
    {"api_type", "api_key", "base_url", "api_base", "provider", "temperature", "model"}
)
"""Keys that make an entry of a `models:` mapping the settings of a model to call (not a price table row)."""


def _settings_of_a_named_model(key: str | None, entry: Mapping) -> bool:
    """True for an entry of a `models:` mapping that configures calls to the model its key names."""
    if key_tokens(key or "")[-1:] not in (["models"], ["llms"]):
        return False
    return any(name in CONNECTION_KEYS for name, _ in entry.items)


def _scalars(node: Node) -> list[Scalar]:
    """A scalar itself, or the string scalars directly inside a list or mapping."""
    if isinstance(node, Scalar):
        return [node] if node.is_text else []
    items = node.items if isinstance(node, Sequence) else [child for _key, child in node.items]
    return [item for item in items if isinstance(item, Scalar) and item.is_text]


def _scalar_text(node: Node | None) -> str | None:
    """The text of a string scalar, else None."""
    return node.value if isinstance(node, Scalar) and node.is_text else None


def _lead(value: str) -> int:
    """How many blanks a value starts with."""
    return len(value) - len(value.lstrip())
