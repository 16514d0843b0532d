"""Config text inside Python: a YAML string handed to a YAML loader (`ExtractionGraph.from_yaml(SPEC)`)."""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator

from openwatch.domain import Reference
from openwatch.scanner.detectors.base import ScanContext

YAML_LOADERS = frozenset({"from_yaml", "safe_load", "load_yaml", "yaml_load", "full_load"})
"""Last callee segments that parse their first argument as YAML (`yaml.load` is matched apart)."""


def _loader_call(node: ast.Call) -> bool:
    """True for a call that parses YAML text from its first argument."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in YAML_LOADERS:
        return True
    return name == "load" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and (
        func.value.id == "yaml"
    )


def _module_strings(tree: ast.Module) -> dict[str, ast.Constant]:
    """Module-level names bound once to a string literal."""
    found: dict[str, ast.Constant] = {}
    for statement in tree.body:
        if not (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant)):
            continue
        for target in statement.targets if isinstance(statement.value.value, str) else []:
            if isinstance(target, ast.Name):
                found[target.id] = statement.value
    return found


def _yaml_literals(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, text) of string literals that reach a YAML loader directly or through a module-level name."""
    strings = _module_strings(tree)
    seen: set[int] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args and _loader_call(node)):
            continue
        first = node.args[0]
        literal = strings.get(first.id) if isinstance(first, ast.Name) else first
        if isinstance(literal, ast.Constant) and isinstance(literal.value, str) and id(literal) not in seen:
            seen.add(id(literal))
            yield literal.lineno, literal.value


def embedded_config_references(
    tree: ast.Module, text: str, relpath: str, context: ScanContext, line_offset: int, detector: str
) -> tuple[Reference, ...]:
    """References in YAML strings that the code parses, at their lines in the Python file."""
    if "yaml" not in text.lower():
        return ()
    from openwatch.scanner.detectors.config import detect_config_text  # the config detector reads the YAML

    found: list[Reference] = []
    for lineno, body in _yaml_literals(tree):
        if "\n" not in body:
            continue
        start = lineno - 1 + line_offset  # a triple-quoted string's first line is the opening line
        detection = detect_config_text(body, relpath, context, start, kind="yaml")
        for ref in detection.references:
            note = "; ".join(filter(None, (ref.note, "YAML in a string")))
            found.append(dataclasses.replace(ref, detector=detector, note=note))
    return tuple(found)
