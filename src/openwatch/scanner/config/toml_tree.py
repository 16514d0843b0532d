"""TOML read with tomllib into the positioned tree; a string value's offset is found by searching the text."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from openwatch.scanner.config.tree import NODE_BUDGET, Mapping, Node, Parsed, Scalar, Sequence

_AT_LINE = re.compile(r"at line (\d+)")


def parse_toml(text: str, budget: int = NODE_BUDGET) -> Parsed:
    """A TOML text as a tree whose scalars carry no offsets (see `locate_toml_value`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = _AT_LINE.search(message)
        where = f" at line {line.group(1)}" if line else ""
        return Parsed(problem=f"invalid TOML{where}: {message.split(' (at ')[0]}")
    except (RecursionError, ValueError) as error:
        return Parsed(problem=f"invalid TOML: {type(error).__name__}")
    parsed = Parsed()
    root = Mapping()
    stack: list[tuple[Any, Mapping | Sequence]] = [(data, root)]
    count = 0
    while stack:
        value, target = stack.pop()
        pairs = list(value.items()) if isinstance(value, dict) else [(None, item) for item in value]
        for key, item in pairs:
            count += 1
            if count > budget:
                parsed.truncated = True
                stack.clear()
                break
            node: Node
            if isinstance(item, dict):
                node = Mapping()
                stack.append((item, node))
            elif isinstance(item, list):
                node = Sequence()
                stack.append((item, node))
            else:
                node = Scalar(item if isinstance(item, str) else str(item), isinstance(item, str))
            if isinstance(target, Mapping):
                target.items.append((str(key), node))
            else:
                target.items.append(node)
    parsed.documents.append(root)
    return parsed


class TomlLocator:
    """Finds the offsets of TOML string values in document order, each occurrence used once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursors: dict[str, int] = {}

    def locate(self, key: str | None, value: str) -> int:
        """The offset of a quoted value after the last one found for it, preferring a line naming its key."""
        start = self.cursors.get(value, 0)
        offset = self._search(key, value, start)
        if offset < 0 and start > 0:
            offset = self._search(key, value, 0)
        if offset < 0:
            offset = self.text.find(value)
        if offset >= 0:
            self.cursors[value] = offset + 1
        return offset

    def _search(self, key: str | None, value: str, start: int) -> int:
        """The first quoted occurrence of value from `start`, checking a few candidates for the key."""
        pattern = re.compile(r"(\"|')" + re.escape(value) + r"\1")
        first = -1
        for tries, match in enumerate(pattern.finditer(self.text, start)):
            offset = match.start() + 1
            line_start = self.text.rfind("\n", 0, match.start()) + 1
            before = self.text[line_start:offset]
            if key is None or re.search(r"(^|[\s{,.\"'])" + re.escape(key) + r"[\"']?\s*=", before):
                return offset
            first = offset if first < 0 else first
            if tries >= 8:
                break
        return first
