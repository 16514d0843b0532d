"""A small JavaScript/TypeScript tokenizer: identifiers, strings, punctuation; comments, regexes skipped."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

_IDENT = r"[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*"
_NUMBER = r"\.?\d[\w.]*"
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)", re.S)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_PLAIN = re.compile(
    r"(?P<space>\s+)|(?P<line>//[^\n]*)|(?P<block>/\*.*?(?:\*/|\Z))"
    rf"|(?P<id>{_IDENT})|(?P<num>{_NUMBER})",
    re.S,
)
"""What needs no look-behind: whitespace (re's \\s is str.isspace), comments, identifiers and numbers."""
_STRING_BODY = {quote: re.compile(rf"(?:[^{quote}\\\n]|\\.)*", re.S) for quote in "\"'"}
"""The body of a quoted string: up to its closing quote or a line end; a backslash escapes any character."""
_DOUBLE_PUNCT = ("?.", "??", "||", "=>", "&&")
_BRACE_DEPTH = {"{": 1, "}": -1}
_REGEX_AFTER_WORDS = frozenset(
    [
        "return",
        "typeof",
        "case",
        "do",
        "else",
        "in",
        "of",
        "new",
        "delete",
        "void",
        "throw",
        "instanceof",
        "yield",
        "await",
    ]
)


class Token(NamedTuple):
    """One token: kind is id, str, tmpl (template with substitutions), num or punct; start is its offset."""

    kind: str
    value: str
    start: int


_token: Callable[[tuple[str, str, int]], Token] = partial(tuple.__new__, Token)
"""A Token built without NamedTuple's Python-level constructor (the tokenizer makes many)."""


def tokenize(text: str) -> list[Token]:
    """The tokens of a JavaScript or TypeScript text; never raises on malformed input."""
    tokens: list[Token] = []
    template_depths: list[int] = []
    depth = 0
    i = 2 if text.startswith("#!") else 0
    if i:
        i = text.find("\n") if "\n" in text else len(text)
    length = len(text)
    while i < length:
        plain = _PLAIN.match(text, i)
        if plain is not None:
            kind = plain.lastgroup
            if kind == "id" or kind == "num":
                tokens.append(_token((kind, plain.group(), i)))
            i = plain.end()
            continue
        char = text[i]
        if char == "/" and _regex_allowed(tokens):
            i = _skip_regex(text, i + 1)
        elif char in "\"'":
            i = _string(text, i, tokens)
        elif char == "`":
            i = _template(text, i + 1, i, tokens, template_depths, depth)
        elif char == "}" and template_depths and template_depths[-1] == depth:
            template_depths.pop()
            i = _template(text, i + 1, i, tokens, template_depths, depth)
        else:
            pair = text[i : i + 2]
            if pair in _DOUBLE_PUNCT and not (pair == "?." and text[i + 2 : i + 3].isdigit()):
                tokens.append(_token(("punct", pair, i)))
                i += 2
                continue
            depth += _BRACE_DEPTH.get(char, 0)
            tokens.append(_token(("punct", char, i)))
            i += 1
    return tokens


def _regex_allowed(tokens: list[Token]) -> bool:
    """True if a `/` here starts a regular expression rather than a division."""
    if not tokens:
        return True
    last = tokens[-1]
    if last.kind == "id":
        return last.value in _REGEX_AFTER_WORDS
    return last.kind == "punct" and last.value not in (")", "]", "}")


def _skip_regex(text: str, i: int) -> int:
    """The offset after a regex literal whose body starts at i (stops at a newline if unterminated)."""
    in_class = False
    while i < len(text) and text[i] != "\n":
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "/" and not in_class:
            i += 1
            while i < len(text) and (text[i].isalnum() or text[i] == "_"):
                i += 1
            return i
        i += 1
    return i


def _string(text: str, i: int, tokens: list[Token]) -> int:
    """Read a quoted string at i into tokens; an unterminated one (JSX text) ends at the line."""
    quote = text[i]
    j = _STRING_BODY[quote].match(text, i + 1).end()  # type: ignore[union-attr]  # matches empty text too
    if j < len(text) and text[j] == quote:
        tokens.append(Token("str", unescape(text[i + 1 : j]), i + 1))
        return j + 1
    if j < len(text) and text[j] == "\\":  # a backslash that ends the text escapes past its end
        return j + 2
    return j


def _template(
    text: str, i: int, start: int, tokens: list[Token], template_depths: list[int], depth: int
) -> int:
    """Read a template part from i up to the closing backtick or a `${`; records where expressions end."""
    j = i
    while j < len(text):
        if text[j] == "\\":
            j += 2
        elif text[j] == "`":
            plain = text[start] == "`"
            tokens.append(Token("str" if plain else "tmpl", unescape(text[i:j]) if plain else "", start + 1))
            return j + 1
        elif text.startswith("${", j):
            tokens.append(Token("tmpl", "", start + 1))
            template_depths.append(depth)
            return j + 2
        else:
            j += 1
    return j


def unescape(body: str) -> str:
    """A string literal's value from its body, decoding the common escapes."""
    if "\\" not in body:
        return body
    return _ESCAPE.sub(_decode, body)


def _decode(match: re.Match[str]) -> str:
    """One decoded escape sequence."""
    code = match.group(1)
    if code[0] == "u" or code[0] == "x":
        digits = code[1:].strip("{}")
        try:
            return chr(int(digits, 16))
        except (ValueError, OverflowError):
            return code
    if code[0] in "\r\n":
        return ""
    return _SIMPLE_ESCAPES.get(code, code)
