"""A bounded, position-keeping JSON reader: the standard parser validates, a token scan records offsets."""

from __future__ import annotations

import json
import re

from openwatch.scanner.config.tree import NODE_BUDGET, Mapping, Node, Parsed, Scalar, Sequence

_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([{}\[\]:,])|(-?\d[\d.eE+-]*|true|false|null)', re.S)


def parse_json(text: str, budget: int = NODE_BUDGET) -> Parsed:
    """A JSON text as a positioned tree; invalid JSON gives a problem naming the line."""
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return Parsed(problem=f"invalid JSON at line {error.lineno}: {error.msg}")
    except RecursionError:
        return Parsed(problem="invalid JSON: nested too deeply")
    except ValueError as error:
        return Parsed(problem=f"invalid JSON: {type(error).__name__}")
    parsed = Parsed()
    stack: list[Mapping | Sequence] = []
    keys: list[str | None] = []
    expect_key = False
    count = 0
    for match in _TOKEN.finditer(text):
        count += 1
        if count > budget:
            parsed.truncated = True
            break
        raw, punct, literal = match.groups()
        node: Node | None = None
        if punct in ("{", "["):
            node = Mapping() if punct == "{" else Sequence()
        elif punct in ("}", "]"):
            stack.pop()
            keys.pop()
            continue
        elif punct == ":":
            expect_key = False
            continue
        elif punct == ",":
            expect_key = bool(stack) and isinstance(stack[-1], Mapping)
            continue
        elif raw is not None:
            value = json.loads(f'"{raw}"') if "\\" in raw else raw
            if expect_key and stack and isinstance(stack[-1], Mapping):
                keys[-1] = value
                continue
            node = Scalar(value, True, match.start(), match.end())
        else:
            node = Scalar(literal or "", False, match.start(), match.end())
        _attach(node, stack, keys, parsed)
        if isinstance(node, Mapping | Sequence):
            stack.append(node)
            keys.append(None)
            expect_key = isinstance(node, Mapping)
    return parsed


def _attach(node: Node, stack: list[Mapping | Sequence], keys: list[str | None], parsed: Parsed) -> None:
    """Add a node to the open container, or as a document when none is open."""
    if not stack:
        parsed.documents.append(node)
    elif isinstance(stack[-1], Mapping):
        stack[-1].items.append((keys[-1] or "", node))
    else:
        stack[-1].items.append(node)
