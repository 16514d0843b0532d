"""The dict literals of a Python module and the key each sits under, for the model-key rules."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from openwatch.scanner.keyrules import AI_TOKENS, classify_key, key_tokens


def _const_str(expr: ast.expr | None) -> str | None:
    """The value of a string constant, or None."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    return None


DICT_HOLDERS = (ast.Dict, ast.List, ast.Tuple, ast.ListComp, ast.Call)  # what dicts() looks into


def dicts(root: ast.AST, root_key: str) -> Iterator[tuple[ast.Dict, str]]:
    """The dict literals under a node, each with the key it is the value of ('' when none)."""
    stack: list[tuple[ast.AST, str]] = [(root, root_key)]
    while stack:
        node, key = stack.pop()
        if isinstance(node, ast.Dict):
            yield node, key
            for entry, value in zip(node.keys, node.values, strict=True):
                stack.append((value, _inner_key(_const_str(entry), key)))
        elif isinstance(node, ast.List | ast.Tuple | ast.ListComp | ast.Call):
            stack.extend((child, key) for child in _child_nodes(node))


def _inner_key(entry: str | None, outer: str) -> str:
    """The key a nested value sits under: its own, unless a model-related key encloses it (`{"llm": {"config":
    {...}}}` is an llm's config)."""
    if entry is None or (set(key_tokens(outer)) & AI_TOKENS and not set(key_tokens(entry)) & AI_TOKENS):
        return outer
    return entry


def _child_nodes(node: ast.AST) -> list[ast.AST]:
    """The direct child nodes, in field order (what ast.iter_child_nodes yields, without its generators)."""
    found: list[ast.AST] = []
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            found.append(value)
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, ast.AST))
    return found


def names_alias(node: ast.Dict) -> bool:
    """True for a dict whose model sits in a nested dict (a LiteLLM router entry, `model_name` an alias)."""
    for value in node.values:
        if isinstance(value, ast.Dict):
            inner = {_const_str(entry) for entry in value.keys}
            if any(key and classify_key(key) for key in inner):
                return True
    return False
