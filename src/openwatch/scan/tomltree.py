"""TOML read with tomllib into the positioned tree; a string value's offset is found by searching the text."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from openwatch.scan.cfgtree import NODE_BUDGET, Mapping, Node, Parsed, Scalar, Sequence

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


def locate_toml_value(text: str, key: str | None, value: str, used: set[int]) -> int:
    """The offset of a quoted string value, preferring one on a line that names its key; -1 if not found."""
    fallback = -1
    for match in re.finditer(r"(\"|')" + re.escape(value) + r"\1", text):
        offset = match.start() + 1
        if offset in used:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        if key is None or re.search(
            r"(^|[\s{,.\"'])" + re.escape(key) + r"[\"']?\s*=", text[line_start:offset]
        ):
            used.add(offset)
            return offset
        if fallback < 0:
            fallback = offset
    if fallback < 0:
        fallback = text.find(value)
    if fallback >= 0:
        used.add(fallback)
    return fallback
