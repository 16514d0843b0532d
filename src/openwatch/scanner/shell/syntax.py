"""Shell words with their offsets: quotes, escapes, line continuations, comments and `${VAR:-default}`."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = " \t\r"
_BREAKS = " \t\r\n;&|()<>`"
_PLAIN = re.compile(r"[^\s;&|()<>`'\"\\$]+")
_DEFAULT = re.compile(r"\$\{(\w+):?[-=]([^}]*)\}")
_VARIABLE = re.compile(r"\$(?:\{(\w+)\}|\((\w+)\)|(\w+))")


@dataclass(frozen=True)
class Word:
    """One shell word: its unquoted value, its raw text and the offset where the raw text starts."""

    value: str
    raw: str
    offset: int

    def offset_of(self, text: str) -> int:
        """The offset of `text` within the raw word, else of the word."""
        found = self.raw.find(text)
        return self.offset + (found if found >= 0 else 0)

    def after(self, separator: str) -> Word:
        """The part of the word after the first `separator` (for `--flag=value` and `KEY=value`)."""
        value = self.value.split(separator, 1)[1]
        cut = self.raw.find(separator) + 1
        return Word(value, self.raw[cut:], self.offset + cut)


def split_commands(text: str, start: int = 0, end: int | None = None) -> list[list[Word]]:
    """The simple commands in text[start:end], each a list of words; operators and newlines separate them."""
    end = len(text) if end is None else end
    commands: list[list[Word]] = [[]]
    i = start
    while i < end:
        char = text[i]
        if char == "\\" and i + 1 < end and text[i + 1] == "\n":
            i += 2
        elif char in _SPACE:
            i += 1
            while i < end and text[i] in _SPACE:
                i += 1
        elif char == "#":
            newline = text.find("\n", i, end)
            i = end if newline < 0 else newline
        elif char in "<>":
            i += 1
            while i < end and text[i] in "&>|0123456789-":
                i += 1
        elif char in _BREAKS:
            if commands[-1]:
                commands.append([])
            i += 1
        else:
            word, i = _read_word(text, i, end)
            commands[-1].append(word)
    return [command for command in commands if command]


def _read_word(text: str, i: int, end: int) -> tuple[Word, int]:
    """One word starting at offset i, and the offset after it."""
    begin, parts = i, []
    while i < end and text[i] not in _BREAKS:
        char = text[i]
        if char == "\\" and i + 1 < end:
            if text[i + 1] == "\n":
                break
            parts.append(text[i + 1])
            i += 2
        elif char == "'":
            close = text.find("'", i + 1, end)
            if close < 0:  # unterminated: keep the quote so the word is not a clean literal
                parts.append(text[i:end])
                i = end
                break
            parts.append(text[i + 1 : close])
            i = close + 1
        elif char == '"':
            i = _read_double(text, i + 1, end, parts)
            if i > end:
                parts.append('"')
        elif char == "$" and i + 1 < end and text[i + 1] in "({":
            close = _matching(text, i + 1, end)
            parts.append(text[i:close])
            i = close
        else:
            run = _PLAIN.match(text, i, end)
            step = run.end() - i if run else 1
            parts.append(text[i : i + step])
            i += step
    i = min(i, end)
    return Word("".join(parts), text[begin:i], begin), i


def _read_double(text: str, i: int, end: int, parts: list[str]) -> int:
    """Read a double-quoted string body from offset i into parts; the offset after the closing quote."""
    while i < end and text[i] != '"':
        if text[i] == "\\" and i + 1 < end and text[i + 1] in '"\\$`':
            parts.append(text[i + 1])
            i += 2
        elif text[i] == "\\" and i + 1 < end and text[i + 1] == "\n":
            i += 2
        else:
            parts.append(text[i])
            i += 1
    return i + 1


def _matching(text: str, i: int, end: int) -> int:
    """The offset after the bracket that closes the one at offset i."""
    opening = text[i]
    closing = ")" if opening == "(" else "}"
    depth = 0
    while i < end:
        if text[i] == opening:
            depth += 1
        elif text[i] == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        elif text[i] == "\n" and opening == "{":
            return i
        i += 1
    return end


def resolve_word(word: Word, variables: dict[str, Word]) -> tuple[Word, bool] | None:
    """The literal a word stands for (itself, a `${X:-default}` default, or a known variable's value).

    The flag says whether a variable was followed; None if the word is not a literal."""
    if "$" not in word.value:
        return word, False
    match = _DEFAULT.fullmatch(word.value)
    if match:
        default = match.group(2).strip("\"'")
        return Word(default, default, word.offset_of(default)), True
    match = _VARIABLE.fullmatch(word.value)
    if match:
        name = next(group for group in match.groups() if group)
        known = variables.get(name)
        inner = resolve_word(known, {}) if known is not None else None
        return (inner[0], True) if inner is not None else None
    return None
