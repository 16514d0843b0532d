"""Static value tracking: the strings a Python expression can hold, through names, configs and imports."""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass, replace

from openwatch.scanner.python.env import Binding, ModuleEnv, Scope
from openwatch.scanner.python.modules import ModuleLoader
from openwatch.scanner.python.structures import (
    MAX_DEPTH,
    MAX_VALUES,
    MODULE_HOP,
    Cls,
    Inst,
    Mod,
    Node,
    Structures,
    constant,
    dotted,
    keyword_value,
)

_ENV_GETTERS = ("getenv", "environ.get", "environ.setdefault")
_COLAB = "Colab @param option"


@dataclass(frozen=True)
class Value:
    """A string an expression can hold, how sure we are, how it was reached, where it is written inline."""

    text: str
    confidence: float = 1.0
    notes: tuple[str, ...] = ()
    anchor: ast.expr | None = None

    def hop(self, factor: float, note: str | None = None) -> Value:
        """This value reached through one more step, with the step's note in front."""
        return replace(
            self, confidence=self.confidence * factor, notes=((note,) if note else ()) + self.notes
        )


class Resolver(Structures):
    """Resolves expressions of one module to the strings they can hold, without running anything."""

    def __init__(self, env: ModuleEnv, loader: ModuleLoader | None) -> None:
        """Resolve in `env`; follow imports of repository modules through `loader` (None: this file only)."""
        super().__init__(env, loader)
        self._memo: dict[int, list[Value]] = {}
        self._cut_memo: dict[tuple[int, int], list[Value]] = {}
        """Results cut short by the depth bound or a cycle, by (expression, depth): worked out once each."""
        self._active: set[int] = set()
        self._passing: set[int] = set()
        self._cut = False

    def strings(self, expr: ast.expr, scope: Scope, depth: int = 0) -> list[Value]:
        """The strings `expr` can hold (at most MAX_VALUES), empty when unknown.

        Results are memoised per node unless the depth bound or a cycle cut the search short.
        """
        key = id(expr)
        if key in self._memo:
            return self._memo[key]
        if depth > MAX_DEPTH or key in self._active or (key, depth) in self._cut_memo:
            self._cut = True
            return self._cut_memo.get((key, depth), [])
        outer_cut, self._cut = self._cut, False
        self._active.add(key)
        try:
            found = self._strings(expr, scope, depth)[:MAX_VALUES]
        finally:
            self._active.discard(key)
        if not self._cut:
            self._memo[key] = found
        else:
            self._cut_memo[(key, depth)] = found
        self._cut = self._cut or outer_cut
        return found

    def _strings(self, expr: ast.expr, scope: Scope, depth: int) -> list[Value]:
        """Dispatch on the expression kind."""
        if isinstance(expr, ast.Constant):
            return [Value(expr.value)] if isinstance(expr.value, str) else []
        if isinstance(expr, ast.Name):
            return self._name(expr.id, scope, depth)
        if isinstance(expr, ast.Attribute):
            return self._attribute(expr, scope, depth)
        if isinstance(expr, ast.Subscript):
            return self._subscript(expr, scope, depth)
        if isinstance(expr, ast.Call):
            return self._call(expr, scope, depth)
        if isinstance(expr, ast.JoinedStr):
            parts = [self._part(value, scope, depth) for value in expr.values]
            return _combine(parts, "composed from an f-string")
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            parts = [self.strings(expr.left, scope, depth + 1), self.strings(expr.right, scope, depth + 1)]
            return _combine(parts, "composed by concatenation")
        if isinstance(expr, ast.BoolOp) and isinstance(expr.op, ast.Or):
            return [v.hop(0.9) for value in expr.values for v in self.strings(value, scope, depth + 1)]
        if isinstance(expr, ast.IfExp):
            return [
                v.hop(0.85) for part in (expr.body, expr.orelse) for v in self.strings(part, scope, depth + 1)
            ]
        if isinstance(expr, ast.NamedExpr):
            return self.strings(expr.value, scope, depth + 1)
        return []

    def _part(self, value: ast.expr, scope: Scope, depth: int) -> list[Value]:
        """The strings of one f-string part."""
        if isinstance(value, ast.FormattedValue):
            return self.strings(value.value, scope, depth + 1)
        return self.strings(value, scope, depth + 1)

    def _where(self, binding: Binding) -> str:
        """Where a binding is written: `line N` in this file, `path:N` in another."""
        env = binding.scope.env
        return f"line {binding.line}" if env is self.env else f"{env.relpath}:{binding.line}"

    def _name(self, name: str, scope: Scope, depth: int) -> list[Value]:
        """The strings of a name, over all its bindings; several different values each lose confidence."""
        found = [
            v for binding in scope.lookup(name)[:MAX_VALUES] for v in self._binding(binding, name, depth)
        ]
        if len({v.text for v in found if v.notes[-1:] != (_COLAB,)}) > 1:
            found = [v if v.notes[-1:] == (_COLAB,) else v.hop(0.85) for v in found]
        return found

    def _binding(self, binding: Binding, name: str, depth: int) -> list[Value]:
        """The strings one binding gives a name."""
        env, where = binding.scope.env, self._where(binding)
        note = f"via {name} ({where})" if env is self.env else f"via constant {name} from {where}"
        if binding.kind == "param" and binding.function and not binding.function.startswith("__"):
            found = []
            if isinstance(binding.node, ast.expr):
                found = [v.hop(0.95, note) for v in self.strings(binding.node, binding.scope, depth + 1)]
            return found + [v.hop(0.95, note) for v in self._passed(binding, name, depth)]
        if binding.kind in ("assign", "param") and isinstance(binding.node, ast.expr):
            found = [v.hop(0.95, note) for v in self.strings(binding.node, binding.scope, depth + 1)]
            param = env.params.get(binding.line)
            if binding.kind == "assign" and param and param[0] == name:
                known = {v.text for v in found}
                found += [
                    Value(o, 0.6, (f"via {name} ({where})", _COLAB)) for o in param[1] if o not in known
                ]
            return found
        if binding.kind == "for" and isinstance(binding.node, ast.expr):
            return [
                v.hop(0.9, f"loop over {name} ({where})")
                for element, scope in self._elements(binding.node, binding.scope, depth + 1)
                for v in self.strings(element, scope, depth + 1)
            ]
        if binding.kind == "from" and self.loader is not None and depth + MODULE_HOP <= MAX_DEPTH:
            other = self.loader.load(env.relpath, binding.module, binding.level)
            if other is not None:
                inner = other.scope.names.get(binding.name, [])[:MAX_VALUES]
                return [
                    v.hop(0.95) for b in inner for v in self._binding(b, binding.name, depth + MODULE_HOP)
                ]
        return []

    def _passed(self, binding: Binding, name: str, depth: int) -> list[Value]:
        """The values the module's own calls pass a parameter (`ask("gpt-4o", q)` to `def ask(model, …)`).

        A parameter already being followed further up is cut (a function passing its own parameter on, as
        `from_pretrained(name)` inside `def from_pretrained(name)`, would otherwise fan out exponentially).
        """
        if id(binding) in self._passing:
            self._cut = True
            return []
        self._passing.add(id(binding))
        try:
            return self._passed_values(binding, name, depth)
        finally:
            self._passing.discard(id(binding))

    def _passed_values(self, binding: Binding, name: str, depth: int) -> list[Value]:
        """The values of _passed, once the parameter is known not to be followed already."""
        found: list[Value] = []
        for call, scope in self._calls_to(binding.scope.env).get(binding.function, ()):
            if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Call):
                continue  # `super().method(...)`, `make().method(...)`: another class's method of that name
            starred = any(isinstance(arg, ast.Starred) for arg in call.args[: binding.position + 1])
            given = (
                call.args[binding.position]
                if 0 <= binding.position < len(call.args) and not starred
                else None
            )
            given = given if given is not None else keyword_value(call, name)
            if given is not None:
                note = f"passed to {binding.function}() at line {call.lineno}"
                found += [v.hop(0.9, note) for v in self.strings(given, scope, depth + 1)]
            if len(found) >= MAX_VALUES:
                break
        return found[:MAX_VALUES]

    def _attribute(self, expr: ast.Attribute, scope: Scope, depth: int) -> list[Value]:
        """The strings of `x.attr`: a module constant, a class field default, or a constructor keyword."""
        found: list[Value] = []
        for target in self.targets(expr.value, scope, depth + 1):
            if isinstance(target, Mod):
                for binding in target.env.scope.names.get(expr.attr, [])[:MAX_VALUES]:
                    found += self._binding(binding, expr.attr, depth + MODULE_HOP)
                continue
            if isinstance(target, Inst):
                given = keyword_value(target.call, expr.attr)
                if given is not None:
                    note = f"via {target.info.name}({expr.attr}=...)"
                    found += [v.hop(0.95, note) for v in self.strings(given, target.scope, depth + 1)]
                    continue
            if isinstance(target, Inst | Cls):
                label = f"{target.info.name}.{expr.attr}"
                for binding in target.info.fields.get(expr.attr, [])[:MAX_VALUES]:
                    found += self._binding(binding, label, depth + 1)
        return found

    def _subscript(self, expr: ast.Subscript, scope: Scope, depth: int) -> list[Value]:
        """The strings of `CONFIG["model"]` or `MODELS[0]` on a literal dict or list; with a key not known
        until run time (`TEAM[name]`), those of every entry."""
        key = constant(expr.slice)
        if key is None:
            return [
                v.hop(0.9, "one of the entries")
                for element, element_scope in self.entries(expr.value, scope, depth)
                for v in self.strings(element, element_scope, depth + 1)
            ]
        found: list[Value] = []
        for element, element_scope in self.lookup(expr.value, key, scope, depth):
            found += [
                v.hop(0.95, f"via key {key!r}") for v in self.strings(element, element_scope, depth + 1)
            ]
        return found

    def _call(self, call: ast.Call, scope: Scope, depth: int) -> list[Value]:
        """Env defaults (`os.getenv("X", "d")`), dict `.get`, pydantic/dataclass field defaults, `str(x)`, and
        what a function of the module returns (`default_model()`)."""
        name = dotted(call.func)
        last = name.rsplit(".", 1)[-1]
        if returned := self._returns(call, scope):
            return [
                v.hop(0.9, f"returned by {name}()")
                for e, s in returned
                for v in self.strings(e, s, depth + 1)
            ]
        if name.endswith(_ENV_GETTERS):
            default = call.args[1] if len(call.args) > 1 else keyword_value(call, "default")
            var = constant(call.args[0]) if call.args else None
            if default is None:
                return []
            return [
                v.hop(0.8, f"default of environment variable {var}")
                for v in self.strings(default, scope, depth + 1)
            ]
        if (
            last == "get"
            and isinstance(call.func, ast.Attribute)
            and call.args
            and (key := constant(call.args[0]))
        ):
            stored = self.lookup(call.func.value, key, scope, depth)
            if stored:
                return [
                    v.hop(0.95, f"via key {key!r}") for e, s in stored for v in self.strings(e, s, depth + 1)
                ]
            return self.strings(call.args[1], scope, depth + 1) if len(call.args) > 1 else []
        if last in ("Field", "field"):
            default = keyword_value(call, "default") or (
                call.args[0] if call.args and last == "Field" else None
            )
            return self.strings(default, scope, depth + 1) if default is not None else []
        if name == "str" and len(call.args) == 1:
            return self.strings(call.args[0], scope, depth + 1)
        return []

    def key_values(self, expr: ast.expr, scope: Scope, keys: tuple[str, ...], depth: int = 0) -> list[Value]:
        """The strings under `keys` anywhere in the dict/list structure `expr` (inline ones anchored)."""
        return self._keys(expr, scope, keys, depth, inline=True)[:MAX_VALUES]

    def _keys(
        self, expr: ast.expr, scope: Scope, keys: tuple[str, ...], depth: int, inline: bool
    ) -> list[Value]:
        """Walk one level of a config structure."""
        if depth > MAX_DEPTH:
            return []
        if isinstance(expr, ast.Dict):
            pairs = [
                (constant(k) if k is not None else None, v)
                for k, v in zip(expr.keys, expr.values, strict=True)
            ]
        elif isinstance(expr, ast.Call) and dotted(expr.func) == "dict":
            pairs = [(kw.arg, kw.value) for kw in expr.keywords]
        elif isinstance(expr, ast.List | ast.Tuple | ast.Set):
            pairs = [(None, e) for e in expr.elts]
        else:
            return [
                v.hop(0.95)
                for t in self.targets(expr, scope, depth + 1)
                if isinstance(t, Node)
                for v in self._keys(t.node, t.scope, keys, depth + 1, inline=False)
            ]
        found: list[Value] = []
        for key, value in pairs:
            if isinstance(key, str) and key in keys:
                leaves = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
                for leaf in leaves:
                    anchor = leaf if inline else None
                    found += [
                        replace(v.hop(1.0, f"config key {key!r}"), anchor=anchor)
                        for v in self.strings(leaf, scope, depth + 1)
                    ]
            else:
                found += self._keys(value, scope, keys, depth + 1, inline)
        return found


def _combine(parts: list[list[Value]], note: str) -> list[Value]:
    """Every concatenation of one value per part (bounded); empty if any part is unknown."""
    if not parts or any(not part for part in parts):
        return []
    combined: list[Value] = []
    for choice in itertools.islice(itertools.product(*parts), MAX_VALUES):
        notes = tuple(dict.fromkeys([note, *(n for v in choice for n in v.notes)]))
        confidence = min(v.confidence for v in choice) * 0.9
        combined.append(Value("".join(v.text for v in choice), confidence, notes))
    return combined
