"""Model ids that Python code binds to model-named keys outside declared SDK calls (read, never run).

Declared call sites (scan/sdks) find a model passed to a known SDK. Real code also names its models where no
declared SDK is in sight: `MODEL_NAME = "claude-3-5-sonnet-20241022"`, `{"model": "gpt-4o", "messages": ...}`
sent with `requests`, `SomeOptions(model="...")` of an SDK nobody declared, `add_argument("--model-id",
default="o1")`, `st.selectbox("LLM model", ["llama3.2", "phi3"])`. The key decides (keyrules.classify_key);
in Python the value must also look specific (a digit, `/` or `:`) or be a model the catalog knows, so that
`model_name = "user"` in a Django migration stays silent. An assignment counts only if the module reads the
name (a settings module's constants are reported where a declared call uses them), and a dict only if it is
a request payload (a `messages`/`prompt`... key beside `model`) or sits under a model-related key (`"llm"`).
Models a declared call site already found in the file are not reported again (detectors/python.py).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from openwatch.domain import Reference
from openwatch.providers import from_prefix
from openwatch.scanner.keyrules import AI_TOKENS, CHOICE_WORDS, KeyRule, Strength, key_tokens, name_rule
from openwatch.scanner.modelshape import looks_like_model_id, looks_specific
from openwatch.scanner.modelshape import model_text as gguf_text
from openwatch.scanner.python.dicts import DICT_HOLDERS, dicts, names_alias
from openwatch.scanner.python.env import ModuleEnv, Scope
from openwatch.scanner.python.structures import dotted
from openwatch.scanner.python.texts import model_text
from openwatch.scanner.python.values import Resolver, Value

OPTION_CALLS = frozenset({"add_argument", "option", "Option", "argument"})
"""Callees whose first argument is a command-line option name and whose `default=` is its value."""
PAYLOAD_KEYS = frozenset(
    {"messages", "prompt", "input", "contents", "system", "system_prompt", "instructions", "temperature",
     "max_tokens", "max_completion_tokens", "max_new_tokens", "top_p", "top_k", "response_format"}
)  # fmt: skip
"""Keys that make a dict with a `model` entry a request payload or the settings of a model call
(`{"model": ..., "messages": [...]}`, `{"model": ..., "temperature": 0.7}`)."""
NOT_A_USE = re.compile(
    r"(?i)(num|count|counting|estimate)_?tokens?|tokens?_?(count|len)|encoding_for_model|price|cost"
)
"""Functions and calls that name a model without using it: token counting, price look-ups."""
FAKE_RESPONSES = frozenset(
    {"Mock", "MagicMock", "AsyncMock", "SimpleNamespace", "ChatCompletion", "ChatCompletionChunk",
     "Completion", "ModelResponse", "Message"}
)  # fmt: skip
"""Mocks and response objects built in tests: the model they carry is a recorded answer's, not a use."""
REQUEST_WORDS = frozenset({"payload", "request", "body"})
"""Words of the name a dict is bound to that make it a request body (`payload = {"model": …}`)."""
CHOICE_CALLS = frozenset({"selectbox", "radio", "multiselect", "select_slider"})
"""UI choice widgets (Streamlit): a label that names a model, then the options offered to the user."""
INPUT_CALLS = {"ask": "default", "prompt": "default", "text_input": "value"}
"""Input prompts (rich/click/Streamlit): a label that names a model, and the keyword of its default."""
FORM_CALLS = frozenset({"Dropdown", "Radio"})
"""Gradio choice components: `gr.Dropdown(choices, value, label="Model")`."""
_OPTION_LIKE_CALLS = OPTION_CALLS | INPUT_CALLS.keys() | CHOICE_CALLS | FORM_CALLS
KEY_CONFIDENCE = 0.9
"""Factor on a key rule's confidence: a key outside a declared SDK call is a little less sure."""


@dataclass(frozen=True)
class Keyed:
    """One value expression bound to a key and the scope to evaluate it in."""

    key: str
    value: ast.expr
    scope: Scope


def _const_str(expr: ast.expr | None) -> str | None:
    """The value of a string constant, or None."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    """The value of a keyword argument of a call, or None."""
    return next((kw.value for kw in call.keywords if kw.arg == name), None)


def _target_key(target: ast.expr) -> str | None:
    """The key an assignment target names: a variable, an attribute, or a constant subscript."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        return _const_str(target.slice)
    return None


def _option_name(call: ast.Call) -> str | None:
    """The long option name of an `add_argument("-m", "--model-id", ...)` style call, dashes stripped."""
    names = [text for arg in call.args if (text := _const_str(arg)) and text.startswith("-")]
    if not names:
        return None
    return max(names, key=len).lstrip("-")


class KeyScan:
    """Finds model ids bound to model-named keys in one module."""

    def __init__(
        self,
        env: ModuleEnv,
        tree: ast.Module,
        resolver: Resolver,
        detector: str,
        line_offset: int = 0,
        skip_calls: frozenset[int] = frozenset(),
    ) -> None:
        """Scan `env` (parsed from `tree`); calls in `skip_calls` (ids) were judged by a declared site."""
        self.env = env
        self.tree = tree
        self.resolver = resolver
        self.detector = detector
        self.line_offset = line_offset
        self.skip_calls = skip_calls

    def references(self) -> list[Reference]:
        """Every reference found through a model-named key, in file order, one per (line, column, text)."""
        found: dict[tuple[int, int, str], Reference] = {}
        for keyed in self._keyed():
            rule = name_rule(keyed.key)
            if rule is None:
                continue
            for element in _elements(keyed.key, keyed.value):
                for value, anchor in self._values(element, keyed.scope):
                    reference = self._reference(keyed.key, rule, value, anchor)
                    if reference is not None:
                        found.setdefault((reference.line, reference.column, reference.text), reference)
        return sorted(found.values(), key=lambda r: (r.line, r.column, r.text))

    def _keyed(self) -> Iterator[Keyed]:
        """Every (key, value) pair of the module: call keywords and options, assignments, dicts, defaults."""
        for call, scope in self.env.calls:
            if id(call) not in self.skip_calls:
                yield from self._call_pairs(call, scope)
        for target, value, scope in self.env.assigns:
            key = _target_key(target)
            if key is None or name_rule(key) is None:
                continue
            read = isinstance(target, ast.Subscript | ast.Attribute) or key in self.env.loaded
            form = self.env.params.get(getattr(target, "lineno", 0))
            if form is not None and form[0] == key:
                yield from self._form_field(key, value, form[1], scope)
            elif read or scope.is_class or (scope is self.env.scope and self._constants_module):
                yield Keyed(key, value, scope)  # used here, a config class's field, or a constants module's
        yield from self._dict_pairs()
        for function in self.env.functions:
            if not NOT_A_USE.search(function.name):
                yield from self._defaults(function.args)

    def _form_field(self, key: str, value: ast.expr, options: list[str], scope: Scope) -> Iterator[Keyed]:
        """A Colab form field `MODEL_ID = "a"  # @param ["a", "b"]`: its value and every option it offers,
        whether Python reads it or only shell cells (`!curl …/${MODEL_ID}`) do."""
        yield Keyed(key, value, scope)
        for option in options:
            yield Keyed(key, ast.copy_location(ast.Constant(option), value), scope)

    @cached_property
    def _constants_module(self) -> bool:
        """True for a module of imports and assignments only (a settings module): its definitions count."""
        return all(
            isinstance(stmt, ast.Import | ast.ImportFrom | ast.Assign | ast.AnnAssign)
            or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
            for stmt in self.tree.body
        )

    def _dict_pairs(self) -> Iterator[Keyed]:
        """Entries of dict literals that are request payloads or sit under a model-related key, however deep
        (`{"llm": {"provider": "vllm", "config": {"model": …}}}`)."""
        roots: list[tuple[ast.AST, Scope, str]] = [
            (value, scope, _target_key(target) or "") for target, value, scope in self.env.assigns
        ]
        for call, scope in self.env.calls:
            roots += [(arg, scope, "") for arg in call.args]
            roots += [(kw.value, scope, kw.arg or "") for kw in call.keywords]
        seen: set[int] = set()
        for root, scope, root_key in roots:
            if not isinstance(root, DICT_HOLDERS):
                continue  # a name, constant or other expression: no dict literal is walked under it
            for node, parent_key in dicts(root, root_key):
                if id(node) in seen:
                    continue
                seen.add(id(node))
                keys = {text for entry in node.keys if (text := _const_str(entry)) is not None}
                holder = set(key_tokens(parent_key))
                if not (keys & PAYLOAD_KEYS or holder & (AI_TOKENS | REQUEST_WORDS)) or names_alias(node):
                    continue
                for entry, value in zip(node.keys, node.values, strict=True):
                    if (text := _const_str(entry)) is not None:
                        yield Keyed(text, value, scope)

    def _call_pairs(self, call: ast.Call, scope: Scope) -> Iterator[Keyed]:
        """Keyword arguments, option defaults, input defaults and UI choices of one call (not of a call that
        only counts tokens or builds a fake response)."""
        func = call.func
        tail = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if NOT_A_USE.search(tail) or tail in FAKE_RESPONSES:
            return
        for keyword in call.keywords:
            if keyword.arg is not None:
                yield Keyed(keyword.arg, keyword.value, scope)
        if tail not in _OPTION_LIKE_CALLS:
            return  # the callee's last name is none of the option, input or choice calls below
        name = dotted(call.func)
        last = name.rsplit(".", 1)[-1] if name else ""
        if last in OPTION_CALLS and (option := _option_name(call)) and (default := _keyword(call, "default")):
            yield Keyed(option, default, scope)
        elif last in INPUT_CALLS and (
            label := _const_str(call.args[0] if call.args else _keyword(call, "label"))
        ):
            default = _keyword(call, INPUT_CALLS[last])
            if default is not None:
                yield Keyed(label, default, scope)
        elif last in CHOICE_CALLS:
            label = _const_str(call.args[0] if call.args else _keyword(call, "label"))
            options = call.args[1] if len(call.args) > 1 else _keyword(call, "options")
            if label and options is not None:
                yield Keyed(label, options, scope)
        elif last in FORM_CALLS and (label := _const_str(_keyword(call, "label"))):
            choices = call.args[0] if call.args else _keyword(call, "choices")
            value = call.args[1] if len(call.args) > 1 else _keyword(call, "value")
            yield from (Keyed(label, given, scope) for given in (choices, value) if given is not None)

    def _defaults(self, args: ast.arguments) -> Iterator[Keyed]:
        """Parameters with literal defaults: `def call(prompt, model="llama3.2")`."""
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults, strict=True))
        pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
        for arg, default in pairs:
            if _const_str(default) is not None:
                yield Keyed(arg.arg, default, self.env.scope)

    def _values(self, expr: ast.expr, scope: Scope) -> list[tuple[Value, ast.expr]]:
        """The strings an element can hold: a literal where it is written, else what it resolves to."""
        if (text := _const_str(expr)) is not None:
            return [(Value(text), expr)]
        if isinstance(expr, ast.Name | ast.Attribute | ast.Subscript | ast.Call | ast.BoolOp | ast.IfExp):
            return [(value, expr) for value in self.resolver.strings(expr, scope)]
        return []

    def _reference(self, key: str, rule: KeyRule, value: Value, anchor: ast.expr) -> Reference | None:
        """The reference for one value under one key, or None if the value is not a model id."""
        cleaned = model_text(value.text)
        text = cleaned[0] if cleaned is not None else ""
        if text.lower().endswith(".gguf"):  # `org/repo-GGUF/file.gguf`: the file names the model
            found = gguf_text(text, gguf_path=True)
            text = found[0] if found is not None else ""
        elif not looks_like_model_id(text):
            return None
        if not text:
            return None
        specific = looks_specific(text)
        if not specific and text != text.lower():
            return None  # a bare word must be written as code writes ids ("Claude" is a label)
        notes = (*value.notes, f"key {key}")
        return Reference(
            text=text,
            path=self.env.relpath,
            line=anchor.lineno + self.line_offset,
            column=self.env.column(anchor),
            detector=self.detector,
            confidence=round(rule.confidence * KEY_CONFIDENCE * value.confidence, 2),
            use=rule.use,
            provider=rule.provider or from_prefix(text),
            note="; ".join(notes),
            known_only=rule.strength is Strength.WEAK or not specific,
        )


def _elements(key: str, expr: ast.expr) -> list[ast.expr]:
    """A value, the elements of a literal list/tuple/set, or a literal dict's values (plural/choice keys)."""
    if isinstance(expr, ast.List | ast.Tuple | ast.Set):
        return [e for e in expr.elts if not isinstance(e, ast.Starred)]
    if isinstance(expr, ast.Dict):
        tokens = key_tokens(key)
        listing = tokens[-1:] in (["models"], ["llms"]) or (tokens[-1:] and tokens[-1] in CHOICE_WORDS)
        return [v for v in expr.values if not isinstance(v, ast.Dict)] if listing else []
    return [expr]
