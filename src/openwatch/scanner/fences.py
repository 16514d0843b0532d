"""Code blocks of Markdown (fences) and reStructuredText (`.. code-block::`), with where their lines are."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[ \t]*\{?\.?([\w+#.-]*)")
_RST_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*([\w+#.-]*)")
_RST_OPTION = re.compile(r"^[ \t]+:[\w-]+:")


@dataclass(frozen=True)
class CodeBlock:
    """A code block: its language, dedented text, the line before its first line, and each line's indent."""

    language: str
    text: str
    line_offset: int
    indents: tuple[int, ...]


def markdown_blocks(text: str) -> Iterator[CodeBlock]:
    """The fenced code blocks of a Markdown text (an unclosed fence runs to the end)."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None or (match.group(2)[0] == "`" and "`" in lines[index][match.end() :]):
            index += 1
            continue
        indent, fence = len(match.group(1)), match.group(2)
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        yield _block(match.group(3).lower(), lines[index + 1 : end], index + 1, indent)
        index = end + 1


def rst_blocks(text: str) -> Iterator[CodeBlock]:
    """The `.. code-block:: lang` blocks of a reStructuredText text."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        match = _RST_DIRECTIVE.match(lines[index])
        if match is None:
            index += 1
            continue
        base = len(match.group(1))
        start = index + 1
        while start < len(lines) and _RST_OPTION.match(lines[start]):
            start += 1
        end = start
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > base):
            end += 1
        body = lines[start:end]
        indent = min((_indent(line) for line in body if line.strip()), default=0)
        yield _block(match.group(2).lower(), body, start, indent)
        index = max(end, index + 1)


def front_matter(text: str) -> CodeBlock | None:
    """The YAML front matter between `---` lines at the top of a Markdown text, if any."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return None
    lines = text.split("\n")
    for end in range(1, min(len(lines), 2000)):
        if lines[end].rstrip() == "---":
            return _block("yaml", lines[1:end], 1, 0)
    return None


def _block(language: str, body: list[str], line_offset: int, indent: int) -> CodeBlock:
    """A block from its raw lines, each dedented by up to `indent` blanks."""
    dedented, indents = [], []
    for line in body:
        cut = min(indent, _indent(line))
        dedented.append(line[cut:])
        indents.append(cut)
    return CodeBlock(language, "\n".join(dedented), line_offset, tuple(indents))


def _indent(line: str) -> int:
    """How many leading blanks a line has."""
    return len(line) - len(line.lstrip(" \t"))
