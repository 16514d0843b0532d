"""YAML that may come from someone else (overlays, baselines, events files): safe loading only, aliases and
nesting bounded, so that a billion-laughs document is refused before anything walks it."""

from __future__ import annotations

from typing import Any

import yaml

MAX_EXPANDED_NODES = 1_000_000
"""Nodes a document may have once its aliases are expanded (validation walks every one of them)."""
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlBombError(yaml.YAMLError):
    """A document whose aliases would expand past MAX_EXPANDED_NODES, or nested past the parser's limit."""


class AliasExpansion:
    """Counts, from parser events, the nodes a YAML stream would have with every alias expanded."""

    def __init__(self, cap: int) -> None:
        """Count up to `cap` (a bomb would otherwise make astronomically large numbers)."""
        self.cap = cap
        self.nodes = 0
        self._open: list[tuple[int, str | None]] = []
        self._anchors: dict[str, int] = {}

    def feed(self, event: yaml.Event) -> None:
        """Count the nodes one event adds (an alias adds the size of the node it names)."""
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._open.append((1, event.anchor))
            return
        if isinstance(event, yaml.CollectionEndEvent):
            if not self._open:
                return
            size, anchor = self._open.pop()
        elif isinstance(event, yaml.AliasEvent):
            size, anchor = self._anchors.get(str(event.anchor), 1), None
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        else:
            return
        if anchor is not None:
            self._anchors[str(anchor)] = size
        if self._open:
            total, held = self._open[-1]
            self._open[-1] = (min(total + size, self.cap), held)
        else:
            self.nodes = min(self.nodes + size, self.cap)


def expanded_nodes(text: str, cap: int = MAX_EXPANDED_NODES + 1) -> int:
    """How many nodes the documents of a text have with aliases expanded (counted up to `cap`)."""
    counter = AliasExpansion(cap)
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        counter.feed(event)
    return counter.nodes


def load_yaml(text: str) -> Any:
    """The data of a YAML text, safely (no tags run anything); YAMLError for invalid or bomb documents."""
    try:
        if "*" in text and expanded_nodes(text) > MAX_EXPANDED_NODES:
            raise YamlBombError(f"aliases would expand to over {MAX_EXPANDED_NODES:,} nodes; refused")
        return yaml.load(text, Loader=SAFE_LOADER)
    except RecursionError:
        raise YamlBombError("nested too deeply") from None
