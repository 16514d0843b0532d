"""TOML read with tomllib into the positioned tree; a string value's offset is found by searching the text."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from openwatch.scanner.config.tree import NODE_BUDGET, Mapping, Node, Parsed, Scalar, Sequence

_AT_LINE = re.compile(r"at line (\d+)")


def parse_toml(text: str, budget: int = NODE_BUDGET) -> Parsed:
    """A TOML text as a tree whose scalars carry no offsets (see `locate_toml_value`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = _AT_LINE.search(message)
        where = f" at line {line.group(1)}" if line else ""
        return Parsed(problem=f"invalid TOML{where}: {message.split(' (at ')[0]}")
    except RecursionError:
        return Parsed(problem="invalid TOML: nested too deeply")
    except ValueError as error:
        return Parsed(problem=f"invalid TOML: {type(error).__name__}")
    parsed = Parsed()
    root = Mapping()
    stack: list[tuple[Any, Mapping | Sequence]] = [(data, root)]
    count = 0
    while stack:
        value, target = stack.pop()
        pairs = list(value.items()) if isinstance(value, dict) else [(None, item) for item in value]
        for key, item in pairs:
            count += 1
            if count > budget:
                parsed.truncated = True
                stack.clear()
                break
            node: Node
            if isinstance(item, dict):
                node = Mapping()
                stack.append((item, node))
            elif isinstance(item, list):
                node = Sequence()
                stack.append((item, node))
            else:
                node = Scalar(item if isinstance(item, str) else str(item), isinstance(item, str))
            if isinstance(target, Mapping):
                target.items.append((str(key), node))
            else:
                target.items.append(node)
    parsed.documents.append(root)
    return parsed


_QUOTED = re.compile(
    r'"""(?P<mbasic>.*?)"""|\'\'\'(?P<mliteral>.*?)\'\'\'|"(?P<basic>(?:[^"\\\\\n]|\\\\.)*)"|\'(?P<literal>[^\'\n]*)\'',
    re.S,
)
"""TOML strings in the four quotings (multi-line first), read in one pass over the text."""
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_SIMPLE = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "e": "\x1b", '"': '"', "\\": "\\"}
KEY_WINDOW = 512
"""How far before a value (on its line) the key that names it is looked for."""
CANDIDATES = 9
"""How many occurrences of a value are tried for one whose line names the key."""
FALLBACK_SCANS = 16
"""Whole-text searches allowed for values that are not a quoted string (keeps the locator linear)."""


def _unescape(body: str) -> str:
    """The value of a TOML basic string body (escapes decoded; an unknown escape kept as written)."""

    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code is not None:
            try:
                return chr(int(code, 16))
            except ValueError:
                return match.group(0)
        return _SIMPLE.get(match.group(3), match.group(0))

    return _ESCAPE.sub(one, body) if "\\" in body else body


def _quoted_strings(text: str) -> dict[str, list[int]]:
    """Every quoted string's value (and raw body) -> the offsets where its body starts, in text order."""
    found: dict[str, list[int]] = {}
    for match in _QUOTED.finditer(text):
        group = match.lastgroup or "basic"
        body, start = match.group(group), match.start(group)
        values = {body}
        if group in ("basic", "mbasic"):
            values.add(_unescape(body))
        if group in ("mbasic", "mliteral") and body.startswith(("\n", "\r\n")):
            values |= {value.split("\n", 1)[1] for value in values}
            start += body.index("\n") + 1
        for value in values:
            found.setdefault(value, []).append(start)
    return found


def _names_key(before: str, key: str) -> bool:
    """True if the text before a value on its line assigns to `key` (`key =`, `"key" =`, `a.key =`)."""
    position = before.find(key)
    while position >= 0:
        ahead = before[position + len(key) :].lstrip("\"'").lstrip()
        if (position == 0 or before[position - 1] in " \t{,.\"'") and ahead.startswith("="):
            return True
        position = before.find(key, position + 1)
    return False


class TomlLocator:
    """Finds the offsets of TOML string values in document order, each occurrence used once.

    The quoted strings are indexed in one pass, so finding a value costs no search of the text; a value
    that is no quoted string (part of one) is searched for in the whole text a bounded number of times."""

    def __init__(self, text: str) -> None:
        """A locator over one TOML text (the index is built on first use)."""
        self.text = text
        self._index: dict[str, list[int]] | None = None
        self._next: dict[str, int] = {}
        self._fallbacks: dict[str, int] = {}

    def locate(self, key: str | None, value: str) -> int:
        """The offset of a quoted value after the last one found for it, preferring a line naming its key."""
        if self._index is None:
            self._index = _quoted_strings(self.text)
        offsets = self._index.get(value)
        if not offsets:
            return self._anywhere(value)
        start = self._next.get(value, 0)
        start = start if start < len(offsets) else 0  # every occurrence used: start again from the top
        window = range(start, min(start + CANDIDATES, len(offsets)))
        chosen = next((i for i in window if key is None or self._key_before(key, offsets[i])), start)
        self._next[value] = chosen + 1
        return offsets[chosen]

    def _key_before(self, key: str, offset: int) -> bool:
        """True if the line of the value at `offset` names `key` before it."""
        line_start = max(self.text.rfind("\n", max(0, offset - KEY_WINDOW), offset) + 1, offset - KEY_WINDOW)
        return _names_key(self.text[line_start:offset], key)

    def _anywhere(self, value: str) -> int:
        """The first offset of a value that is not a whole quoted string (-1 past the search allowance)."""
        if value not in self._fallbacks:
            allowed = len(self._fallbacks) < FALLBACK_SCANS
            self._fallbacks[value] = self.text.find(value) if allowed and value else -1
        return self._fallbacks[value]
