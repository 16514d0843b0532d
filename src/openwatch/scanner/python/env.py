"""Scopes, bindings, imports and calls of a parsed Python module, collected in one pass without running it."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_COLAB_PARAM = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?::[^=]*)?=.*#\s*@param\s*(\[.*\])")


@dataclass(eq=False)
class Binding:
    """One way a name gets a value: an assignment, a parameter default, a loop, an import, a class."""

    kind: str
    node: ast.AST | None
    scope: Scope
    line: int
    module: str = ""
    name: str = ""
    level: int = 0
    info: ClassInfo | None = None
    function: str = ""
    """For a parameter: the function it belongs to (its callers in the module pass it values)."""
    position: int = -1
    """For a parameter: its place among the positional arguments callers pass (-1: keyword only)."""


@dataclass(eq=False)
class ClassInfo:
    """A class of the module: its field defaults and the attributes its methods assign to self."""

    name: str
    line: int
    fields: dict[str, list[Binding]] = field(default_factory=dict)


@dataclass(eq=False)
class Scope:
    """A module, class or function namespace; lookups fall back to the enclosing non-class scope."""

    env: ModuleEnv
    parent: Scope | None
    cls: ClassInfo | None = None
    is_class: bool = False
    names: dict[str, list[Binding]] = field(default_factory=dict)

    def lookup(self, name: str) -> list[Binding]:
        """The bindings of a name visible from this scope (innermost scope that binds it)."""
        scope: Scope | None = self
        while scope is not None:
            found = scope.names.get(name)
            if found:
                return found
            scope = scope.parent
            while scope is not None and scope.is_class:
                scope = scope.parent
        return []


@dataclass(eq=False)
class ModuleEnv:
    """Everything collected from one module: its scopes, calls, assignments and Colab parameter lists."""

    relpath: str
    lines: list[str]
    scope: Scope = field(init=False)
    calls: list[tuple[ast.Call, Scope]] = field(default_factory=list)
    assigns: list[tuple[ast.expr, ast.expr, Scope]] = field(default_factory=list)
    params: dict[int, tuple[str, list[str]]] = field(default_factory=dict)
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = field(default_factory=list)
    loaded: set[str] = field(default_factory=set)
    """Names and attribute names the module reads somewhere (collected in the same pass)."""

    def __post_init__(self) -> None:
        """Create the module scope."""
        self.scope = Scope(self, None)

    def column(self, node: ast.expr) -> int:
        """The 1-based character column of a node (ast gives UTF-8 byte offsets)."""
        line = self.lines[node.lineno - 1] if 0 < node.lineno <= len(self.lines) else ""
        if line.isascii():
            return node.col_offset + 1
        return len(line.encode("utf-8")[: node.col_offset].decode("utf-8", errors="ignore")) + 1


def build_env(tree: ast.Module, relpath: str, text: str) -> ModuleEnv:
    """Collect the bindings, calls and assignments of a parsed module (iteratively: deep trees are fine)."""
    env = ModuleEnv(relpath, text.splitlines())
    env.params = colab_params(env.lines)
    stack: list[tuple[ast.AST, Scope]] = [(tree, env.scope)]
    loaded = env.loaded
    pop, push, add_call = stack.pop, stack.append, env.calls.append
    while stack:
        node, scope = pop()
        kind = type(node)
        if kind in _SPECIAL:
            _visit(node, scope, env, stack)
            continue
        # A call, or any other node: note the call or a name read, queue the children (the inner loop).
        if kind is ast.Call:
            add_call((node, scope))  # type: ignore[arg-type]
        elif (kind is ast.Name or kind is ast.Attribute) and type(getattr(node, "ctx", None)) is ast.Load:
            loaded.add(getattr(node, "id" if kind is ast.Name else "attr"))
        for name in _fields(kind):
            value: Any = getattr(node, name, None)
            item: Any
            for item in value if type(value) is list else (value,):
                role = _ROLES.get(type(item))
                if role is None:
                    role = _role(type(item))
                if role == _CHILD:
                    push((item, scope))
                elif role == _NAME and type(item.ctx) is ast.Load:
                    loaded.add(item.id)
    return env


def _push(stack: list[tuple[ast.AST, Scope]], nodes: Sequence[ast.AST], scope: Scope) -> None:
    """Queue nodes for visiting in a scope."""
    stack.extend((child, scope) for child in nodes)


_SPECIAL = frozenset({
    ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.Assign, ast.AnnAssign, ast.NamedExpr,
    ast.For, ast.AsyncFor, ast.comprehension, ast.withitem, ast.Import, ast.ImportFrom,
})  # fmt: skip
"""Nodes that bind names or open scopes (_visit); calls are noted in build_env's loop itself."""
_LEAVES = (
    ast.expr_context,
    ast.operator,
    ast.boolop,
    ast.unaryop,
    ast.cmpop,
    ast.Constant,
    ast.Name,
    ast.alias,
)
_OTHER, _LEAF, _NAME, _CHILD = 0, 1, 2, 3
"""What a field value is to the pass: not a node, a leaf node, a Name (a leaf that may be read), a child."""
_ROLES: dict[type, int] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _role(kind: type) -> int:
    """The role of values of this type (computed once per type)."""
    if not issubclass(kind, ast.AST):
        role = _OTHER
    elif issubclass(kind, ast.Name):
        role = _NAME
    elif issubclass(kind, _LEAVES):
        role = _LEAF
    else:
        role = _CHILD
    _ROLES[kind] = role
    return role


def _fields(kind: type) -> tuple[str, ...]:
    """The field names of a node type (cached)."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(getattr(kind, "_fields", ()))
    return found


def _children(node: ast.AST, loaded: set[str]) -> list[ast.AST]:
    """The child nodes that can hold calls or bindings (contexts, operators, names and constants left out).

    Names read on the way are added to `loaded`.
    """
    found: list[ast.AST] = []
    for name in _fields(type(node)):
        value: Any = getattr(node, name, None)
        item: Any
        for item in value if type(value) is list else (value,):
            role = _ROLES.get(type(item))
            if role is None:
                role = _role(type(item))
            if role == _CHILD:
                found.append(item)
            elif role == _NAME and type(item.ctx) is ast.Load:
                loaded.add(item.id)
    return found


def _visit(node: ast.AST, scope: Scope, env: ModuleEnv, stack: list[tuple[ast.AST, Scope]]) -> None:
    """Record what one binding, scope or call node does and queue its children."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        if not isinstance(node, ast.Lambda):
            env.functions.append(node)
            _bind(scope, node.name, Binding("def", node, scope, node.lineno))
            _push(stack, node.decorator_list, scope)
        outer = scope
        while outer.is_class and outer.parent is not None:
            outer = outer.parent
        inner = Scope(env, outer, cls=scope.cls)
        _bind_params(node.args, inner, scope, "" if isinstance(node, ast.Lambda) else node.name)
        _push(stack, [*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)], scope)
        _push(stack, node.body if isinstance(node.body, list) else [node.body], inner)
        return
    if isinstance(node, ast.ClassDef):
        info = ClassInfo(node.name, node.lineno)
        _bind(scope, node.name, Binding("class", node, scope, node.lineno, name=node.name, info=info))
        _push(stack, [*node.bases, *node.decorator_list], scope)
        _push(stack, node.body, Scope(env, scope, cls=info, is_class=True))
        return
    if isinstance(node, ast.Assign | ast.AnnAssign | ast.NamedExpr) and node.value is not None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            _bind_target(target, node.value, scope, "assign")
            env.assigns.append((target, node.value, scope))
    elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
        _bind_target(node.target, node.iter, scope, "for")
    elif isinstance(node, ast.withitem) and node.optional_vars is not None:
        _bind_target(node.optional_vars, node.context_expr, scope, "assign")
        env.assigns.append((node.optional_vars, node.context_expr, scope))
    elif isinstance(node, ast.Import):
        for alias in node.names:
            local = alias.asname or alias.name.split(".")[0]
            module = alias.name if alias.asname else local
            _bind(scope, local, Binding("module", None, scope, node.lineno, module=module))
    elif isinstance(node, ast.ImportFrom):
        for alias in node.names:
            if alias.name != "*":
                binding = Binding("from", None, scope, node.lineno, node.module or "", alias.name, node.level)
                _bind(scope, alias.asname or alias.name, binding)
    _push(stack, _children(node, env.loaded), scope)


def _bind(scope: Scope, name: str, binding: Binding) -> None:
    """Add a binding of a name in a scope (and as a class field when the scope is a class body)."""
    scope.names.setdefault(name, []).append(binding)
    if scope.is_class and scope.cls is not None and binding.kind in ("assign", "for"):
        scope.cls.fields.setdefault(name, []).append(binding)


def _bind_target(target: ast.expr, value: ast.expr, scope: Scope, kind: str) -> None:
    """Bind the names in an assignment or loop target; unpack tuples element by element when possible."""
    if isinstance(target, ast.Name):
        _bind(scope, target.id, Binding(kind, value, scope, target.lineno))
    elif isinstance(target, ast.Tuple | ast.List):
        parallel = (
            kind == "assign"
            and isinstance(value, ast.Tuple | ast.List)
            and len(value.elts) == len(target.elts)
        )
        for index, element in enumerate(target.elts):
            if parallel and isinstance(value, ast.Tuple | ast.List):
                _bind_target(element, value.elts[index], scope, kind)
            elif isinstance(element, ast.Name):
                _bind(scope, element.id, Binding("unpack", value, scope, element.lineno))
    elif (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
        and scope.cls is not None
    ):
        scope.cls.fields.setdefault(target.attr, []).append(Binding(kind, value, scope, target.lineno))


def _bind_params(args: ast.arguments, inner: Scope, outer: Scope, function: str) -> None:
    """Bind a function's parameters in its scope, with their defaults evaluated in the enclosing scope."""
    positional = [*args.posonlyargs, *args.args]
    first_default = len(positional) - len(args.defaults)
    shift = 1 if positional and positional[0].arg in ("self", "cls") else 0
    for index, arg in enumerate(positional):
        default = args.defaults[index - first_default] if index >= first_default else None
        binding = Binding("param", default, outer, arg.lineno, function=function, position=index - shift)
        _bind(inner, arg.arg, binding)
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        _bind(inner, arg.arg, Binding("param", kw_default, outer, arg.lineno, function=function))
    for extra in (args.vararg, args.kwarg):
        if extra is not None:
            _bind(inner, extra.arg, Binding("param", None, outer, extra.lineno))


def colab_params(lines: list[str]) -> dict[int, tuple[str, list[str]]]:
    """Colab form fields `x = "a"  # @param ["a", "b"]`: by 1-based line, the variable and its options."""
    found: dict[int, tuple[str, list[str]]] = {}
    for number, line in enumerate(lines, start=1):
        if "@param" not in line:
            continue
        match = _COLAB_PARAM.match(line)
        if match is None:
            continue
        try:
            options = ast.parse(match.group(2), mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        if isinstance(options, ast.List):
            texts = [
                e.value for e in options.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
            found[number] = (match.group(1), texts)
    return found


def module_file(root: Path, from_relpath: str, module: str, level: int) -> Path | None:
    """The file of a module of the scanned repository (relative or absolute import), or None."""
    parts = [part for part in module.split(".") if part]
    here = (root / from_relpath).parent
    if level > 0:
        base = here
        for _ in range(level - 1):
            base = base.parent
        bases = [base]
    else:
        bases = [root, root / "src", here]
    real_root = root.resolve()
    for base in bases:
        target = base.joinpath(*parts)
        for candidate in ((target.with_suffix(".py"),) if parts else ()) + (target / "__init__.py",):
            try:
                if candidate.is_file() and candidate.resolve().is_relative_to(real_root):
                    return candidate
            except OSError:
                continue
    return None
