"""Matching the calls of a parsed Python module against the declared SDK call sites, and fine-tune marking."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase

from openwatch.domain import Reference, Use
from openwatch.providers import canonical, from_url
from openwatch.scanner.python.env import ModuleEnv, Scope
from openwatch.scanner.python.modules import ModuleLoader
from openwatch.scanner.python.texts import model_text
from openwatch.scanner.python.values import Resolver, Value
from openwatch.scanner.sdks import CALL_SITES, CLIENT_FLAGS, client_provider
from openwatch.scanner.sdks.declare import CallSite

URL_KEYWORDS = frozenset({"base_url", "api_base", "openai_api_base", "azure_endpoint", "endpoint", "host",
                          "api_url", "endpoint_url"})  # fmt: skip
"""Keywords of a client or model constructor that hold the endpoint URL."""
Pattern = tuple[str, ...]
Argument = tuple[ast.expr, Scope, ast.expr]


@dataclass(frozen=True)
class Callee:
    """A callee's import-qualified dotted name, where its root comes from, the client call it is made on."""

    segments: tuple[str, ...]
    origin: str
    ctor: tuple[ast.Call, Scope] | None = None
    ctor_segments: tuple[str, ...] = ()


Entry = tuple[int, CallSite, Pattern]
Index = dict[str, dict[str | None, list[Entry]]]


def _wild(segment: str) -> bool:
    """True if a pattern segment uses shell wildcards."""
    return any(char in segment for char in "*?[")


def _build_index() -> tuple[Index, list[Entry]]:
    """Declared sites by the last two segments of their callee pattern (None: any second-last segment).

    Patterns whose last segment has wildcards are listed apart.
    """
    index: Index = {}
    wild: list[Entry] = []
    for order, declared in enumerate(CALL_SITES):
        for callee in declared.callees:
            pattern = tuple(callee.split("."))
            if _wild(pattern[-1]):
                wild.append((order, declared, pattern))
                continue
            second = pattern[-2] if len(pattern) > 1 and not _wild(pattern[-2]) else None
            index.setdefault(pattern[-1], {}).setdefault(second, []).append((order, declared, pattern))
    return index, wild


_INDEX, _WILD = _build_index()
_WILDCARDS = frozenset(
    p for by_second in _INDEX.values() for entries in [*by_second.values(), _WILD] for _, _, p in entries
    if any(_wild(segment) for segment in p)
)  # fmt: skip


def _matches(pattern: Pattern, segments: tuple[str, ...]) -> bool:
    """True if the pattern matches the trailing segments of a qualified callee."""
    if len(segments) < len(pattern):
        return False
    tail = segments[len(segments) - len(pattern) :]
    if tail == pattern:
        return True
    return pattern in _WILDCARDS and all(fnmatchcase(s, p) for p, s in zip(pattern, tail, strict=True))


def _is_true(expr: ast.expr | None) -> bool:
    """True if an expression is the literal True."""
    return isinstance(expr, ast.Constant) and expr.value is True


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    """The value of a keyword argument of a call, or None."""
    return next((kw.value for kw in call.keywords if kw.arg == name), None)


class CallScan:
    """Finds references at the declared call sites of one module."""

    def __init__(
        self, env: ModuleEnv, loader: ModuleLoader | None, detector: str, line_offset: int = 0
    ) -> None:
        """Scan `env`; references are reported for `detector`, lines shifted by `line_offset`."""
        self.env = env
        self.loader = loader
        self.resolver = Resolver(env, loader)
        self.detector = detector
        self.line_offset = line_offset
        self._client_providers: dict[int, str | None] = {}
        self.matched: set[int] = set()
        """Ids of the calls a declared site applies to (filled by `references`): those calls are judged by
        the declarations alone (a site of another package, agno's `OpenRouter` for LlamaIndex's, is none)."""

    def references(self) -> tuple[Reference, ...]:
        """Every reference found, fine-tuned models marked, in file order."""
        found: dict[tuple[int, int, str], Reference] = {}
        produced: dict[int, set[str]] = {}
        adapting: list[tuple[CallSite, ast.Call, Scope]] = []
        for call, scope in self.env.calls:
            callee, sites = self._sites(call, scope)
            for declared in sites:
                if callee is None or not self._applies(declared, call, callee):
                    continue
                self.matched.add(id(call))
                if declared.adapts:
                    adapting.append((declared, call, scope))
                provider = self._provider(declared, call, scope, callee)
                for value, anchor in self._values(declared, call, scope):
                    reference = self._reference(value, anchor, declared, provider)
                    if reference is not None:
                        found.setdefault((reference.line, reference.column, reference.text), reference)
                        produced.setdefault(id(call), set()).add(reference.text)
        marked = self._fine_tuned(produced, adapting) if adapting else set()
        ordered = sorted(found.values(), key=lambda r: (r.line, r.column, r.text))
        return tuple(replace(r, use=Use.FINE_TUNE) if r.text in marked else r for r in ordered)

    def _sites(self, call: ast.Call, scope: Scope) -> tuple[Callee | None, list[CallSite]]:
        """The qualified callee and the declared sites whose pattern matches it, in declaration order."""
        func = call.func
        if isinstance(func, ast.Attribute):
            last = func.attr
        elif isinstance(func, ast.Name):
            binding = next((b for b in scope.lookup(func.id) if b.kind == "from"), None)
            last = binding.name if binding is not None else func.id
        else:
            return None, []
        by_second = _INDEX.get(last)
        if by_second is None and not _WILD:
            return None, []
        callee = self.callee(func, scope)
        segments = callee.segments
        second = segments[-2] if len(segments) > 1 else ""
        candidates = [*(by_second or {}).get(second, []), *(by_second or {}).get(None, []), *_WILD]
        candidates.sort(key=lambda entry: entry[0])
        sites = {id(d): d for _, d, pattern in candidates if _matches(pattern, segments)}
        return callee, list(sites.values())

    def callee(self, func: ast.expr, scope: Scope, depth: int = 0) -> Callee:
        """The qualified callee: imports resolved, variables holding clients followed to their constructor."""
        tail: list[str] = []
        node = func
        while isinstance(node, ast.Attribute):
            tail.append(node.attr)
            node = node.value
        rest = tuple(reversed(tail))
        if isinstance(node, ast.Call) and depth < 8:
            inner = self.callee(node.func, scope, depth + 1)
            return Callee(inner.segments + rest, inner.origin, (node, scope), inner.segments)
        if not isinstance(node, ast.Name) or depth >= 8:
            return Callee(("?", *rest), "unbound")
        if node.id == "self" and scope.cls is not None and rest:
            for binding in scope.cls.fields.get(rest[0], []):
                if isinstance(binding.node, ast.Call | ast.Name | ast.Attribute):
                    inner = self.callee(binding.node, binding.scope, depth + 1)
                    return replace(inner, segments=inner.segments + rest[1:])
            return Callee(("self", *rest), "unbound")
        for binding in scope.lookup(node.id):
            if binding.kind == "module":
                return Callee((*binding.module.split("."), *rest), self._origin(binding.module, 0))
            if binding.kind == "from":
                qualified = f"{binding.module}.{binding.name}" if binding.module else binding.name
                return Callee((*qualified.split("."), *rest), self._origin(binding.module, binding.level))
            if binding.kind == "assign" and isinstance(binding.node, ast.Call | ast.Name | ast.Attribute):
                inner = self.callee(binding.node, binding.scope, depth + 1)
                return replace(inner, segments=inner.segments + rest)
        return Callee((node.id, *rest), "unbound")

    def _origin(self, module: str, level: int) -> str:
        """`local` for modules of the scanned repository, `import` for anything else imported."""
        if level > 0 or (self.loader is not None and self.loader.is_local(self.env.relpath, module, 0)):
            return "local"
        return "import"

    def _applies(self, declared: CallSite, call: ast.Call, callee: Callee) -> bool:
        """True if the site's module constraint, skip conditions and required keywords hold for this call."""
        if declared.modules:
            if callee.origin == "import":
                qualified = ".".join(callee.segments)
                if not any(qualified == m or qualified.startswith(m + ".") for m in declared.modules):
                    return False
            elif declared.strict:
                return False
        for name, literal in declared.skip_if:
            given = _keyword(call, name)
            if isinstance(given, ast.Constant) and given.value == literal:
                return False
        for name in declared.requires:
            given = _keyword(call, name)
            if given is None or (isinstance(given, ast.Constant) and given.value in (False, None)):
                return False
        return True

    def arguments(self, declared: CallSite, call: ast.Call, scope: Scope) -> list[Argument]:
        """The argument expressions that carry the model: declared positions, keywords, `**dict` entries."""
        found: list[Argument] = []
        starred = next((i for i, a in enumerate(call.args) if isinstance(a, ast.Starred)), len(call.args))
        found += [(call.args[i], scope, call.args[i]) for i in declared.positions if i < starred]
        for keyword in call.keywords:
            if keyword.arg in declared.keywords:
                found.append((keyword.value, scope, keyword.value))
            elif keyword.arg is None:
                for name in declared.keywords:
                    found += [
                        (e, s, keyword.value) for e, s in self.resolver.lookup(keyword.value, name, scope, 0)
                    ]
        return found

    def _values(self, declared: CallSite, call: ast.Call, scope: Scope) -> Iterator[tuple[Value, ast.expr]]:
        """The values reaching the site's model arguments, each with the node to report it at."""
        for expr, expr_scope, anchor in self.arguments(declared, call, scope):
            if declared.config_keys:
                values = self.resolver.key_values(expr, expr_scope, declared.config_keys)
            else:
                values = self.resolver.strings(expr, expr_scope)
            for value in values:
                if anchor is not expr:
                    value = value.hop(0.95, "via ** expansion")
                inline = value.anchor is not None and expr_scope.env is self.env
                yield value, value.anchor if inline and value.anchor is not None else anchor

    def _provider(self, declared: CallSite, call: ast.Call, scope: Scope, callee: Callee) -> str | None:
        """The provider: an explicit provider keyword, an endpoint URL, the client class, else the site's."""
        if declared.provider_keyword and (given := _keyword(call, declared.provider_keyword)) is not None:
            named = self.resolver.strings(given, scope)
            if named:
                return canonical(named[0].text)
        provider = self._endpoint_provider(call, scope)
        if provider is None and callee.ctor is not None:
            ctor, ctor_scope = callee.ctor
            key = id(ctor)
            if key not in self._client_providers:
                self._client_providers[key] = (
                    self._endpoint_provider(ctor, ctor_scope)
                    or next((p for flag, p in CLIENT_FLAGS.items() if _is_true(_keyword(ctor, flag))), None)
                    or client_provider(callee.ctor_segments)
                )
            provider = self._client_providers[key]
        return provider or declared.provider

    def _endpoint_provider(self, call: ast.Call, scope: Scope) -> str | None:
        """The provider an endpoint URL keyword of a call points to, or None."""
        for keyword in call.keywords:
            if keyword.arg in URL_KEYWORDS:
                urls = self.resolver.strings(keyword.value, scope)
                provider = next((p for u in urls if (p := from_url(u.text))), None)
                if provider:
                    return provider
        return None

    def _reference(
        self, value: Value, anchor: ast.expr, declared: CallSite, provider: str | None
    ) -> Reference | None:
        """The reference for one value at one place, or None if the value names no model."""
        cleaned = model_text(value.text, declared.basename)
        if cleaned is None:
            return None
        text, extra = cleaned
        notes = (*value.notes, *([extra] if extra else []), *([declared.note] if declared.note else []))
        return Reference(
            text=text,
            path=self.env.relpath,
            line=anchor.lineno + self.line_offset,
            column=self.env.column(anchor),
            detector=self.detector,
            confidence=round(value.confidence, 2),
            use=declared.use,
            provider=provider,
            note="; ".join(notes) or None,
        )

    def _fine_tuned(
        self, produced: dict[int, set[str]], adapting: list[tuple[CallSite, ast.Call, Scope]]
    ) -> set[str]:
        """Texts of models passed (directly or through variables) to a call that trains or adapts them."""
        bound: dict[str, set[str]] = {}
        for _ in range(4):
            changed = False
            for target, value, _scope in self.env.assigns:
                texts = _texts(value, produced, bound)
                for key in _target_keys(target) if texts else []:
                    if not texts <= bound.get(key, set()):
                        bound.setdefault(key, set()).update(texts)
                        changed = True
            if not changed:
                break
        marked: set[str] = set()
        for declared, call, scope in adapting:
            for expr, _scope, _anchor in self.arguments(declared, call, scope):
                marked |= _texts(expr, produced, bound)
        adapting_calls = {id(call) for _, call, _ in adapting}
        marked |= {text for key, texts in produced.items() if key in adapting_calls for text in texts}
        return marked


def _texts(expr: ast.expr, produced: dict[int, set[str]], bound: dict[str, set[str]]) -> set[str]:
    """The reference texts an expression carries: from declared calls in it and variables bound to them."""
    texts: set[str] = set()
    for node in ast.walk(expr):
        if isinstance(node, ast.Call):
            texts |= produced.get(id(node), set())
        elif isinstance(node, ast.Name):
            texts |= bound.get(node.id, set())
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            texts |= bound.get(f"self.{node.attr}", set())
    return texts


def _target_keys(target: ast.expr) -> list[str]:
    """The variable keys an assignment target binds: names, `self.x`, names inside tuples."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
        return [f"self.{target.attr}"]
    if isinstance(target, ast.Tuple | ast.List):
        return [key for element in target.elts for key in _target_keys(element)]
    return []
