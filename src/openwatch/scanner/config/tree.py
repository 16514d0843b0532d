"""A small positioned tree for parsed configuration files, and the bounded YAML reader that builds one."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from openwatch.safeyaml import AliasExpansion

NODE_BUDGET = 200_000
EXPANSION_CAP = 10 * NODE_BUDGET
"""Alias expansion is counted up to here (a billion-laughs document would otherwise make huge numbers)."""
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TEXT_TAG = "tag:yaml.org,2002:str"


@dataclass
class Scalar:
    """A leaf value; `start`/`end` are its offsets in the source (quotes included), -1 when unknown."""

    value: str
    is_text: bool
    start: int = -1
    end: int = -1


@dataclass
class Mapping:
    """A mapping with string keys, in source order."""

    items: list[tuple[str, Node]] = field(default_factory=list)


@dataclass
class Sequence:
    """A list of nodes."""

    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


@dataclass
class Parsed:
    """The documents of one config text, whether reading stopped early, and the problem if it failed."""

    documents: list[Node] = field(default_factory=list)
    truncated: bool = False
    problem: str | None = None
    expanded: int = 0
    """Nodes the documents would have with their YAML aliases expanded (at most EXPANSION_CAP)."""


def value_offset(source: str, scalar: Scalar, text: str) -> int:
    """The offset of `text` inside a scalar's source span, else of the scalar's first character."""
    if scalar.start < 0:
        return -1
    found = source.find(text, scalar.start, max(scalar.end, scalar.start + len(text)))
    if found >= 0:
        return found
    quoted = scalar.start < len(source) and source[scalar.start] in "\"'"
    return scalar.start + (1 if quoted else 0)


def parse_yaml(text: str, budget: int = NODE_BUDGET) -> Parsed:
    """Every YAML document of a text as positioned trees, read from parser events.

    Aliases are never expanded (their text was read where the anchor stands), so alias bombs stay small,
    and reading stops after `budget` events."""
    parsed = Parsed()
    builder = _Builder(parsed)
    try:
        for count, event in enumerate(yaml.parse(text, Loader=_LOADER)):
            if count >= budget:
                parsed.truncated = True
                break
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + 1}" if mark is not None else ""
        parsed.problem = f"invalid YAML{where}: {error.problem or error.context}"
    except RecursionError:
        parsed.problem = "invalid YAML: nested too deeply"
    except (yaml.YAMLError, ValueError) as error:
        parsed.problem = f"invalid YAML: {type(error).__name__}"
    return parsed


class _Builder:
    """Builds positioned trees from a stream of YAML parser events."""

    def __init__(self, parsed: Parsed) -> None:
        """An empty tree; anchors and sizes for counting what aliases would expand to."""
        self.parsed = parsed
        self.stack: list[Mapping | Sequence] = []
        self.keys: list[str | None] = []
        self.resolver = yaml.SafeLoader("")
        self.expansion = AliasExpansion(EXPANSION_CAP)

    def feed(self, event: yaml.Event) -> None:
        """Take one parser event."""
        self.expansion.feed(event)
        self.parsed.expanded = self.expansion.nodes
        if isinstance(event, yaml.ScalarEvent):
            if self.stack and isinstance(self.stack[-1], Mapping) and self.keys[-1] is None:
                self.keys[-1] = str(event.value)
                return
            tag = event.tag if event.tag not in (None, "!") else None
            tag = tag or self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
            start = event.start_mark.index if event.start_mark is not None else -1
            end = event.end_mark.index if event.end_mark is not None else -1
            self._attach(Scalar(str(event.value), tag == _TEXT_TAG, start, end))
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            container: Mapping | Sequence = (
                Mapping() if isinstance(event, yaml.MappingStartEvent) else Sequence()
            )
            self._attach(container)
            self.stack.append(container)
            self.keys.append(None)
        elif isinstance(event, yaml.CollectionEndEvent) and self.stack:
            self.stack.pop()
            self.keys.pop()
        elif isinstance(event, yaml.AliasEvent):
            self._attach(None)

    def _attach(self, node: Node | None) -> None:
        """Place a node (None for an alias) in the open container, or as a new document."""
        if not self.stack:
            if node is not None:
                self.parsed.documents.append(node)
            return
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            if node is not None:
                parent.items.append(node)
            return
        key = self.keys[-1]
        if key is None:
            self.keys[-1] = ""  # a complex or aliased key: its value is kept under ""
            return
        if node is not None:
            parent.items.append((key, node))
        self.keys[-1] = None
