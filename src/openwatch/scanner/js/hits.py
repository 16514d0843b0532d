"""Model hits in JavaScript/TypeScript: declared calls, provider functions, constants, known properties."""

from __future__ import annotations

from openwatch.domain import Use
from openwatch.scanner.hits import Hit
from openwatch.scanner.js.bind import JsBindings
from openwatch.scanner.js.lex import Token, tokenize
from openwatch.scanner.keyrules import classify_key, key_hit, key_tokens
from openwatch.scanner.modelshape import model_text
from openwatch.scanner.sdks import JS_CALLS
from openwatch.scanner.sdks.declare import JsCall
from openwatch.scanner.sdks.local import JS_DOWNLOAD_CLASSES, JS_EMBEDDING_TASKS
from openwatch.scanner.sdks.vercel import CREATE_FUNCTIONS, VERCEL_METHODS, VERCEL_NAMES

MAX_LINE = 20_000


def _by_last_name(calls: tuple[JsCall, ...]) -> dict[str, tuple[JsCall, ...]]:
    """The declared calls by the last segment of their callee, each list in declaration order."""
    found: dict[str, list[JsCall]] = {}
    for call in calls:
        found.setdefault(call.callee.rsplit(".", 1)[-1], []).append(call)
    return {name: tuple(group) for name, group in found.items()}


_CALLS_BY_LAST = _by_last_name(JS_CALLS)
"""A callee chain can only match the declared calls whose callee ends with its last name."""


def blank_long_lines(text: str, limit: int = MAX_LINE) -> tuple[str, int]:
    """The text with lines longer than `limit` emptied (minified code), and how many there were."""
    lines = text.split("\n")
    long_lines = sum(1 for line in lines if len(line) > limit)
    if not long_lines:
        return text, 0
    return "\n".join("" if len(line) > limit else line for line in lines), long_lines


def js_hits(text: str) -> list[Hit]:
    """All model hits of a JavaScript or TypeScript text (long lines already blanked)."""
    tokens = tokenize(text)
    scope = JsBindings(tokens, text).build()
    hits: list[Hit] = []
    for index, token in enumerate(tokens):
        if token.kind == "punct" and token.value == "(" and index > 0:
            hits.extend(_call(scope, index))
    used = {hit.offset for hit in hits}
    for name, (literal, _via) in scope.constants.items():
        if literal.start not in used and classify_key(name) is not None:
            hit = key_hit(name, literal.value, literal.start, note=f"const {name}")
            if hit is not None:
                hits.append(hit)
                used.add(hit.offset)
    for hit in _model_tables(scope):
        if hit.offset not in used:
            hits.append(hit)
            used.add(hit.offset)
    hits.extend(_known_properties(tokens, used))
    return hits


TABLE_WORDS = frozenset({"models", "llms"})
"""Last words of a constant's name that make its object or array literal a table of models."""


def _model_tables(scope: JsBindings) -> list[Hit]:
    """The string entries of `const AI_MODELS = { openai: "gpt-4o", … }` or `const MODELS = ["…", …]`."""
    tokens = scope.tokens
    hits: list[Hit] = []
    for index in range(len(tokens) - 3):
        name, equals, opener = tokens[index + 1], tokens[index + 2], tokens[index + 3]
        if tokens[index].value not in ("const", "let", "var") or name.kind != "id" or equals.value != "=":
            continue
        if opener.value not in ("{", "[") or not set(key_tokens(name.value)[-1:]) & TABLE_WORDS:
            continue
        for k in scope.top_level(index + 4, scope.closing.get(index + 3, index + 4)):
            token = tokens[k]
            after = tokens[k + 1].value if k + 1 < len(tokens) else ""
            if token.kind == "str" and after in (",", "}", "]"):
                hit = key_hit(name.value, token.value, token.start, note=f"table {name.value}")
                hits.extend([hit] if hit is not None else [])
    return hits


def _chain(tokens: list[Token], index: int) -> tuple[list[str], bool]:
    """The dotted callee before the `(` at index, and whether `new` precedes it."""
    parts: list[str] = []
    j = index - 1
    if tokens[j].kind != "id":
        return parts, False
    parts.append(tokens[j].value)
    j -= 1
    while j >= 1 and tokens[j].value in (".", "?.") and tokens[j - 1].kind == "id":
        parts.insert(0, tokens[j - 1].value)
        j -= 2
    if j >= 0 and tokens[j].value in (".", "?.", "function"):
        return [], False
    return parts, j >= 0 and tokens[j].value == "new"


def _arguments(scope: JsBindings, index: int) -> list[tuple[int, int]]:
    """Token ranges of the arguments of the call whose `(` is at index."""
    close = scope.closing.get(index, len(scope.tokens))
    ranges, start = [], index + 1
    for k in scope.top_level(index + 1, close):
        if scope.tokens[k].value == ",":
            ranges.append((start, k))
            start = k + 1
    if start < close:
        ranges.append((start, close))
    return ranges


def _property(scope: JsBindings, start: int, end: int, keys: tuple[str, ...]) -> tuple[Token, str] | None:
    """The value of the first of `keys` in an object literal spanning tokens [start, end)."""
    tokens = scope.tokens
    if start >= end or tokens[start].value != "{":
        return None
    inner_end = min(scope.closing.get(start, end), end)
    entries = list(scope.top_level(start + 1, inner_end))
    for position, k in enumerate(entries):
        token = tokens[k]
        if token.kind not in ("id", "str") or token.value not in keys:
            continue
        following = entries[position + 1] if position + 1 < len(entries) else inner_end
        if following < inner_end and tokens[following].value == ":":
            stop = next((e for e in entries[position + 2 :] if tokens[e].value == ","), inner_end)
            return scope.value(following + 1, stop)
        if token.kind == "id" and (following == inner_end or tokens[following].value == ","):
            return scope.constants.get(token.value)
    return None


def _call(scope: JsBindings, index: int) -> list[Hit]:
    """The hits of the call whose `(` is at index."""
    tokens = scope.tokens
    if tokens[index - 1].value == ")":
        inner = scope.opening.get(index - 1)
        creator = tokens[inner - 1].value if inner else ""
        if creator not in CREATE_FUNCTIONS:
            return []
        return _string_arg(scope, index, 0, Use.INFERENCE, CREATE_FUNCTIONS[creator] or None, 1.0, creator)
    parts, is_new = _chain(tokens, index)
    if not parts:
        return []
    root = scope.names.get(parts[0]) or (
        scope.names.get(parts[1]) if parts[0] == "this" and len(parts) > 1 else None
    )
    for call in _CALLS_BY_LAST.get(parts[-1], ()):
        if _matches(call, parts, is_new, root.provider if root else parts[0]):
            return _declared(
                scope, index, call, parts, root.provider if root and root.kind == "client" else None
            )
    method = parts[1] if len(parts) == 2 else None
    if len(parts) > 2 or method not in VERCEL_METHODS:
        return []
    if root is not None and root.kind == "vercel":
        return _string_arg(scope, index, 0, VERCEL_METHODS[method], root.provider, 1.0, ".".join(parts))
    if root is None and parts[0] in VERCEL_NAMES:
        return _string_arg(
            scope, index, 0, VERCEL_METHODS[method], VERCEL_NAMES[parts[0]], 0.9, ".".join(parts)
        )
    return []


def _matches(call: JsCall, parts: list[str], is_new: bool, root: str | None) -> bool:
    """True if a callee chain is the declared call."""
    wanted = call.callee.split(".")
    if call.new != is_new or parts[-len(wanted) :] != wanted:
        return False
    if call.root is not None:
        return len(parts) == len(wanted) + 1 and root == call.root
    if call.new or len(wanted) > 1 or call.callee == "from_pretrained":
        return True
    return len(parts) <= 2


def _declared(scope: JsBindings, index: int, call: JsCall, parts: list[str], client: str | None) -> list[Hit]:
    """The hit of a declared call: its string argument or object-literal property."""
    arguments = _arguments(scope, index)
    if call.arg >= len(arguments):
        return []
    start, end = arguments[call.arg]
    found = _property(scope, start, end, call.keys) if call.keys else scope.value(start, end)
    use = call.use
    if call.callee == "pipeline" and arguments and scope.tokens[arguments[0][0]].kind == "str":
        use = Use.EMBEDDING if scope.tokens[arguments[0][0]].value in JS_EMBEDDING_TASKS else use
    if call.callee == "from_pretrained" and len(parts) >= 2 and parts[-2] in JS_DOWNLOAD_CLASSES:
        use = Use.DOWNLOAD
    label = ("new " if call.new else "") + ".".join(parts[-3:])
    return _hit(found, use, client or call.provider, 1.0, label)


def _string_arg(
    scope: JsBindings, index: int, arg: int, use: Use, provider: str | None, confidence: float, label: str
) -> list[Hit]:
    """The hit of a call whose argument `arg` is the model string."""
    arguments = _arguments(scope, index)
    if arg >= len(arguments):
        return []
    return _hit(scope.value(*arguments[arg]), use, provider, confidence, f"{label}()")


def _hit(
    found: tuple[Token, str] | None, use: Use, provider: str | None, confidence: float, label: str
) -> list[Hit]:
    """A hit for a string token (directly or through a constant) if it looks like a model id."""
    if found is None:
        return []
    token, via = found
    shaped = model_text(token.value)
    if shaped is None:
        return []
    note = f"{label} via const {via}" if via else label
    return [Hit(shaped[0], token.start + shaped[1], use, provider, confidence - (0.1 if via else 0.0), note)]


def _known_properties(tokens: list[Token], used: set[int]) -> list[Hit]:
    """`{ model: "…" }` outside declared calls, only when the value is a known model."""
    hits: list[Hit] = []
    for k in range(1, len(tokens) - 2):
        key, colon, value = tokens[k], tokens[k + 1], tokens[k + 2]
        if value.kind != "str" or colon.value != ":" or tokens[k - 1].value not in ("{", ","):
            continue
        rule = classify_key(key.value) if key.kind in ("id", "str") and value.start not in used else None
        shaped = model_text(value.value) if rule is not None else None
        if rule is not None and shaped is not None:
            note = f"property {key.value}"
            hits.append(
                Hit(shaped[0], value.start + shaped[1], rule.use, rule.provider, 0.6, note, known_only=True)
            )
    return hits
