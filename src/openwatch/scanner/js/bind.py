"""What a JavaScript token stream binds: matching brackets, string constants and provider imports/clients."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from openwatch.scanner.js.lex import Token
from openwatch.scanner.sdks import JS_CLIENTS, JS_MODULES
from openwatch.scanner.sdks.vercel import CREATE_FUNCTIONS, VERCEL_MODULES, VERCEL_NAMES, module_provider

_OPEN = {"(": ")", "[": "]", "{": "}"}
_STOP_WORDS = frozenset({"const", "let", "var", "export", "function", "class", "import", "return", "if"})
MAX_SPAN = 5_000
"""How many tokens an argument list or initializer is searched (keeps unclosed brackets linear)."""


@dataclass(frozen=True)
class Binding:
    """A name bound to a provider: kind is vercel (a provider function) or client (SDK client or library)."""

    provider: str | None
    kind: str


@dataclass
class JsBindings:
    """Brackets, constants and bindings of one token stream."""

    tokens: list[Token]
    text: str
    closing: dict[int, int] = field(default_factory=dict)
    opening: dict[int, int] = field(default_factory=dict)
    constants: dict[str, tuple[Token, str]] = field(default_factory=dict)
    names: dict[str, Binding] = field(default_factory=dict)

    def build(self) -> JsBindings:
        """Fill brackets, constants and bindings in one pass each."""
        stack: list[int] = []
        for index, token in enumerate(self.tokens):
            if token.kind != "punct":
                continue
            if token.value in _OPEN:
                stack.append(index)
            elif token.value in (")", "]", "}"):
                while stack and _OPEN[self.tokens[stack[-1]].value] != token.value:
                    stack.pop()
                if stack:
                    opener = stack.pop()
                    self.closing[opener] = index
                    self.opening[index] = opener
        for opener in stack:  # never closed: the group runs to the end, and is skipped as a whole
            self.closing[opener] = len(self.tokens)
        for index, token in enumerate(self.tokens):
            if token.kind != "id":
                continue
            if token.value in ("const", "let", "var"):
                self._declaration(index)
            elif token.value == "import":
                self._import(index)
            elif token.value == "require":
                self._require(index)
            elif self._this_assignment(index):
                self.bind_value(token.value, index + 2)
        return self

    def _this_assignment(self, index: int) -> bool:
        """True for the name in `this.name = …`."""
        tokens = self.tokens
        if index < 2 or index + 1 >= len(tokens) or tokens[index + 1].value != "=":
            return False
        return tokens[index - 2].value == "this" and tokens[index - 1].value == "."

    def skip(self, index: int) -> int:
        """The index after the token at `index`, jumping over a bracketed group."""
        return self.closing.get(index, index) + 1

    def top_level(self, start: int, end: int) -> Iterator[int]:
        """Indexes of the tokens in [start, end) outside nested brackets (at most MAX_SPAN tokens on)."""
        index, end = start, min(end, start + MAX_SPAN)
        while index < end:
            yield index
            index = self.skip(index)

    def expression_end(self, start: int) -> int:
        """The index where an initializer starting at `start` ends."""
        previous: Token | None = None
        for index in self.top_level(start, len(self.tokens)):
            token = self.tokens[index]
            if token.kind == "punct" and token.value in (";", ",", ")", "]", "}"):
                return index
            if token.kind == "id" and token.value in _STOP_WORDS:
                return index
            new_line = previous is not None and "\n" in self.text[previous.start : token.start]
            if (
                new_line
                and previous is not None
                and previous.kind in ("str", "id", "num")
                and token.kind != "punct"
            ):
                return index
            previous = token
        return len(self.tokens)

    def value(self, start: int, end: int) -> tuple[Token, str] | None:
        """The string an expression stands for, and the constant it came through ("" if literal)."""
        indexes = list(self.top_level(start, end))
        fallbacks = [i for i in indexes if self.tokens[i].value in ("??", "||")]
        if fallbacks:
            start = fallbacks[-1] + 1
            indexes = [i for i in indexes if i >= start]
        if not indexes:
            return None
        token = self.tokens[start]
        tail = self.tokens[indexes[1]].value if len(indexes) > 1 else None
        if token.kind == "str" and (tail is None or tail in ("as", "satisfies")):
            return token, ""
        if token.kind == "id" and len(indexes) == 1 and token.value in self.constants:
            return self.constants[token.value][0], token.value
        return None

    def _declaration(self, index: int) -> None:
        """`const NAME (: Type)? = value`: a constant, a client (`new X()`) or a provider (`createX()`)."""
        tokens = self.tokens
        if index + 1 >= len(tokens) or tokens[index + 1].kind != "id":
            return
        name = tokens[index + 1].value
        equals = index + 2
        while equals < min(len(tokens), index + 24) and tokens[equals].value not in ("=", ";"):
            equals = self.skip(equals)
        if equals >= len(tokens) or tokens[equals].value != "=":
            return
        self.bind_value(name, equals + 1)

    def bind_value(self, name: str, start: int) -> None:
        """Record what the initializer at `start` gives `name` (nothing when the text ends first)."""
        tokens = self.tokens
        if start >= len(tokens):
            return
        end = self.expression_end(start)
        found = self.value(start, end)
        if found is not None:
            self.constants[name] = (found[0], name)
            return
        head = (
            tokens[start + 1]
            if start + 1 < end and tokens[start].value in ("new", "await")
            else tokens[start]
        )
        if head.kind == "id" and head.value in JS_CLIENTS:
            self.names[name] = Binding(JS_CLIENTS[head.value], "client")
        elif head.kind == "id" and head.value in CREATE_FUNCTIONS:
            self.names[name] = Binding(CREATE_FUNCTIONS[head.value] or None, "vercel")

    def _import(self, index: int) -> None:
        """`import a, { b as c } from "module"`: bind names by module."""
        tokens = self.tokens
        end = index + 1
        while end < min(len(tokens), index + 200) and tokens[end].kind != "str":
            end += 1
        if end >= len(tokens):
            return
        module = tokens[end].value
        names = [
            t.value for k, t in enumerate(tokens[index + 1 : end], index + 1)
            if t.kind == "id" and t.value not in ("type", "from", "as") and tokens[k + 1].value != "as"
        ]  # fmt: skip
        self._bind_module(names, module)

    def _require(self, index: int) -> None:
        """`const x = require("m")` and `const { a, b } = require("m")`."""
        tokens = self.tokens
        if index + 2 >= len(tokens) or tokens[index + 2].kind != "str" or index < 2:
            return
        if tokens[index - 1].value != "=":
            return
        before = tokens[index - 2]
        if before.kind == "id":
            self._bind_module([before.value], tokens[index + 2].value)
        elif before.value == "}":
            opener = self.opening.get(index - 2)
            if opener is not None:
                ids = [t.value for t in tokens[opener + 1 : index - 2] if t.kind == "id"]
                self._bind_module(ids, tokens[index + 2].value)

    def _bind_module(self, names: list[str], module: str) -> None:
        """Bind imported names according to the module they come from."""
        for name in names:
            if module.startswith(VERCEL_MODULES):
                provider = VERCEL_NAMES.get(name) or CREATE_FUNCTIONS.get(name) or module_provider(module)
                self.names[name] = Binding(provider or None, "vercel")
            elif module in JS_MODULES:
                self.names[name] = Binding(JS_MODULES[module], "client")
