"""What Python expressions denote besides strings: modules, classes, instances, literal structures."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from openwatch.scanner.python.env import Binding, ClassInfo, ModuleEnv, Scope
from openwatch.scanner.python.modules import ModuleLoader

MAX_DEPTH = 14
MAX_VALUES = 16
MODULE_HOP = 3


@dataclass(frozen=True)
class Mod:
    """A module of the scanned repository."""

    env: ModuleEnv


@dataclass(frozen=True)
class Cls:
    """A class defined in the scanned repository."""

    info: ClassInfo


@dataclass(frozen=True)
class Inst:
    """An instance of a repository class, created by a known call."""

    info: ClassInfo
    call: ast.Call
    scope: Scope


@dataclass(frozen=True)
class Node:
    """A literal structure (dict, list, tuple, call) and the scope its parts are evaluated in."""

    node: ast.expr
    scope: Scope


Target = Mod | Cls | Inst | Node


def dotted(expr: ast.expr) -> str:
    """The dotted text of a Name/Attribute chain (`os.environ.get`), or '' for anything else."""
    parts: list[str] = []
    while isinstance(expr, ast.Attribute):
        parts.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return ""
    parts.append(expr.id)
    return ".".join(reversed(parts))


def keyword_value(call: ast.Call, name: str) -> ast.expr | None:
    """The value of a keyword argument of a call, or None."""
    return next((kw.value for kw in call.keywords if kw.arg == name), None)


def constant(expr: ast.expr | None) -> str | int | None:
    """The value of a string or int constant, or None."""
    if (
        isinstance(expr, ast.Constant)
        and isinstance(expr.value, str | int)
        and not isinstance(expr.value, bool)
    ):
        return expr.value
    return None


class Structures:
    """Follows names, attributes, subscripts and calls of one module to the structures they denote."""

    def __init__(self, env: ModuleEnv, loader: ModuleLoader | None) -> None:
        """Look things up in `env`; follow imports of repository modules through `loader` (None: not)."""
        self.env = env
        self.loader = loader
        self._call_index: dict[int, dict[str, list[tuple[ast.Call, Scope]]]] = {}
        self._targets_memo: dict[tuple[int, int], list[Target]] = {}
        self._returns_memo: dict[int, list[tuple[ast.expr, Scope]]] = {}

    def targets(self, expr: ast.expr, scope: Scope, depth: int = 0) -> list[Target]:
        """What an expression denotes when it is a module, class, instance or literal structure.

        At most MAX_VALUES different targets; each (expression, depth) is worked out once, so names bound
        many times over many levels cost their number of bindings, not a power of it."""
        if depth > MAX_DEPTH:
            return []
        key = (id(expr), depth)
        found = self._targets_memo.get(key)
        if found is None:
            found = list(dict.fromkeys(self._targets(expr, scope, depth)))[:MAX_VALUES]
            self._targets_memo[key] = found
        return list(found)

    def _targets(self, expr: ast.expr, scope: Scope, depth: int) -> list[Target]:
        """Dispatch on the expression kind (see `targets`)."""
        if isinstance(expr, ast.Dict | ast.List | ast.Tuple | ast.Set):
            return [Node(expr, scope)]
        if isinstance(expr, ast.Name):
            if expr.id == "self" and scope.cls is not None:
                return [Cls(scope.cls)]
            return [
                t for b in scope.lookup(expr.id)[:MAX_VALUES] for t in self._binding_targets(b, depth + 1)
            ]
        if isinstance(expr, ast.Attribute):
            found: list[Target] = []
            for target in self.targets(expr.value, scope, depth + 1):
                if isinstance(target, Mod):
                    for binding in target.env.scope.names.get(expr.attr, [])[:MAX_VALUES]:
                        found += self._binding_targets(binding, depth + MODULE_HOP)
                elif (
                    isinstance(target, Inst) and (given := keyword_value(target.call, expr.attr)) is not None
                ):
                    found += self.targets(given, target.scope, depth + 1)
                elif isinstance(target, Inst | Cls):
                    for binding in target.info.fields.get(expr.attr, [])[:MAX_VALUES]:
                        found += self._binding_targets(binding, depth + 1)
            return found
        if isinstance(expr, ast.Call):
            made = [t for t in self.targets(expr.func, scope, depth + 1) if isinstance(t, Cls)]
            if made:
                return [Inst(t.info, expr, scope) for t in made]
            if returned := self._returns(expr, scope):
                return [t for e, s in returned for t in self.targets(e, s, depth + 1)]
            return [Node(expr, scope)] if dotted(expr.func) == "dict" else []
        if isinstance(expr, ast.Subscript):
            key = constant(expr.slice)
            found_in = (
                self.lookup(expr.value, key, scope, depth)
                if key is not None
                else self.entries(expr.value, scope, depth)
            )
            return [t for e, s in found_in for t in self.targets(e, s, depth + 1)]
        return []

    def _binding_targets(self, binding: Binding, depth: int) -> list[Target]:
        """What a name denotes through one binding."""
        if binding.kind == "class" and binding.info is not None:
            return [Cls(binding.info)]
        if binding.kind in ("assign", "param") and isinstance(binding.node, ast.expr):
            return self.targets(binding.node, binding.scope, depth + 1)
        if self.loader is None or depth + MODULE_HOP > MAX_DEPTH or binding.kind not in ("module", "from"):
            return []
        relpath = binding.scope.env.relpath
        if binding.kind == "module":
            module = self.loader.load(relpath, binding.module, 0)
            return [Mod(module)] if module is not None else []
        other = self.loader.load(relpath, binding.module, binding.level)
        if other is not None and binding.name in other.scope.names:
            inner = other.scope.names[binding.name][:MAX_VALUES]
            return [t for b in inner for t in self._binding_targets(b, depth + MODULE_HOP)]
        submodule = f"{binding.module}.{binding.name}" if binding.module else binding.name
        module = self.loader.load(relpath, submodule, binding.level)
        return [Mod(module)] if module is not None else []

    def lookup(
        self, container: ast.expr, key: str | int, scope: Scope, depth: int
    ) -> list[tuple[ast.expr, Scope]]:
        """The expressions under `key` in the literal dicts (or at index `key` in lists) `container` is."""
        found: list[tuple[ast.expr, Scope]] = []
        for target in self.targets(container, scope, depth + 1):
            if not isinstance(target, Node):
                continue
            node = target.node
            if isinstance(node, ast.Dict):
                found += [
                    (v, target.scope)
                    for k, v in zip(node.keys, node.values, strict=True)
                    if constant(k) == key
                ]
            elif (
                isinstance(node, ast.Call)
                and isinstance(key, str)
                and (given := keyword_value(node, key)) is not None
            ):
                found.append((given, target.scope))
            elif (
                isinstance(node, ast.List | ast.Tuple)
                and isinstance(key, int)
                and -len(node.elts) <= key < len(node.elts)
            ):
                found.append((node.elts[key], target.scope))
        return found

    def entries(self, container: ast.expr, scope: Scope, depth: int) -> list[tuple[ast.expr, Scope]]:
        """Every value of the literal dicts, and every element of the literal lists, `container` is."""
        found: list[tuple[ast.expr, Scope]] = []
        for target in self.targets(container, scope, depth + 1):
            if isinstance(target, Node) and isinstance(target.node, ast.Dict):
                found += [(value, target.scope) for value in target.node.values]
            elif isinstance(target, Node) and isinstance(target.node, ast.List | ast.Tuple):
                found += [(e, target.scope) for e in target.node.elts if not isinstance(e, ast.Starred)]
        return found[:MAX_VALUES]

    def _elements(self, expr: ast.expr, scope: Scope, depth: int) -> list[tuple[ast.expr, Scope]]:
        """The elements a loop over `expr` visits, when it is a literal collection (dict: its keys)."""
        found: list[tuple[ast.expr, Scope]] = []
        for target in self.targets(expr, scope, depth):
            if isinstance(target, Node) and isinstance(target.node, ast.List | ast.Tuple | ast.Set):
                found += [(e, target.scope) for e in target.node.elts if not isinstance(e, ast.Starred)]
            elif isinstance(target, Node) and isinstance(target.node, ast.Dict):
                found += [(k, target.scope) for k in target.node.keys if k is not None]
        return found[:MAX_VALUES]

    def _returns(self, call: ast.Call, scope: Scope) -> list[tuple[ast.expr, Scope]]:
        """The literals (a string, a list, a tuple) a function of this module returns when `call` calls it by
        name; a computed return (a table look-up) is not followed."""
        if not isinstance(call.func, ast.Name):
            return []
        binding = next((b for b in scope.lookup(call.func.id) if b.kind == "def"), None)
        if binding is None or not isinstance(binding.node, ast.FunctionDef | ast.AsyncFunctionDef):
            return []
        known = self._returns_memo.get(id(binding.node))
        if known is None:  # a function's body is walked once, however often it is called
            known = self._returns_memo[id(binding.node)] = self._literal_returns(binding)
        return known

    @staticmethod
    def _literal_returns(binding: Binding) -> list[tuple[ast.expr, Scope]]:
        """The literal return values in a function's own body (not in nested functions or classes)."""
        assert isinstance(binding.node, ast.FunctionDef | ast.AsyncFunctionDef)
        found: list[tuple[ast.expr, Scope]] = []
        stack: list[ast.AST] = list(binding.node.body)
        while stack and len(found) < MAX_VALUES:
            node = stack.pop()
            literal = isinstance(node, ast.Return) and isinstance(
                node.value, ast.Constant | ast.List | ast.Tuple
            )
            if literal and isinstance(node, ast.Return) and node.value is not None:
                found.append((node.value, binding.scope))
            elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
                stack.extend(ast.iter_child_nodes(node))
        return found

    def _calls_to(self, env: ModuleEnv) -> dict[str, list[tuple[ast.Call, Scope]]]:
        """The calls of a module by the last name of their callee (built once per module)."""
        index = self._call_index.get(id(env))
        if index is None:
            index = self._call_index[id(env)] = {}
            for call, scope in env.calls:
                name = str(getattr(call.func, "id", None) or getattr(call.func, "attr", ""))
                index.setdefault(name, []).append((call, scope))
        return index
