"""The .gitignore files a walk honours: bounded in bytes and in patterns, each content compiled once."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from openwatch.domain import Skipped

MAX_IGNORE_BYTES = 1_000_000
"""How much of one .gitignore is read."""
MAX_PATTERNS = 1_000
"""Patterns in effect for any one path, over all the .gitignore files above it. Each path is matched against
them, so a repository with a huge .gitignore (or many nested ones) and many files would otherwise cost their
product; real .gitignore files have tens to a few hundred patterns. Patterns past the bound are reported."""

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_ANY_FOLDER = "^(?:.+/)?"


@dataclass(frozen=True)
class IgnoreFile:
    """One .gitignore and the folder (relative to the root, '' for the root) it applies to."""

    base: str
    spec: pathspec.GitIgnoreSpec
    any_pattern: re.Pattern[str] | None
    """All patterns in one regex, each anchored at the start: most paths match none, and one match says so."""
    patterns: int
    """How many patterns it holds (comments and blank lines not counted)."""

    def decides(self, path: str) -> bool | None:
        """True if ignored, False if re-included by a negation, None if no pattern matches."""
        if self.any_pattern is not None and not self.any_pattern.match(path):
            return None
        return self.spec.check_file(path).include


def _union(spec: pathspec.GitIgnoreSpec) -> re.Pattern[str] | None:
    """One regex matching, from the start of a path, wherever any pattern of the spec matches.

    Most gitignore patterns match in any folder (`^(?:.+/)?name…`): they share that prefix in the union, so a
    path's folders are tried once rather than once per pattern. None if the union cannot be built.
    """
    anywhere: list[str] = []
    rooted: list[str] = []
    for pattern in spec.patterns:
        regex = getattr(pattern, "regex", None)
        if getattr(pattern, "include", None) is None or regex is None:
            continue
        body = _NAMED_GROUP.sub("(?:", regex.pattern)
        if body.startswith(_ANY_FOLDER):
            anywhere.append("(?:" + body[len(_ANY_FOLDER) :] + ")")
        elif body.startswith("^"):
            rooted.append("(?:" + body[1:] + ")")
        else:
            return None  # unanchored: the union could not be tried at the start only
    if anywhere:
        rooted.insert(0, "(?:.+/)?(?:" + "|".join(anywhere) + ")")
    try:
        return re.compile("^(?:" + "|".join(rooted) + ")") if rooted else None
    except re.error:
        return None


def _is_pattern(line: str) -> bool:
    """True for a line that is a pattern (not blank, not a comment)."""
    return bool(line.strip()) and not line.startswith("#")


@functools.lru_cache(maxsize=16)
def _compiled(lines: tuple[str, ...]) -> tuple[pathspec.GitIgnoreSpec, re.Pattern[str] | None]:
    """The spec and union regex of some lines (cached: sibling folders often hold the same .gitignore)."""
    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec, _union(spec)


def read_gitignore(folder: Path, base: str, room: int) -> tuple[IgnoreFile | None, Skipped | None]:
    """The .gitignore of a folder with at most `room` patterns (None if it has none or no room is left),
    and the report of the patterns left out, if any."""
    try:
        with open(folder / ".gitignore", encoding="utf-8", errors="replace") as handle:
            lines = handle.read(MAX_IGNORE_BYTES).splitlines()
    except OSError:
        return None, None
    total = sum(1 for line in lines if _is_pattern(line))
    if total > room:
        kept, cut = 0, len(lines)
        for index, line in enumerate(lines):
            if _is_pattern(line):
                if kept == room:
                    cut = index
                    break
                kept += 1
        lines = lines[:cut]
        where = f"{base}/.gitignore" if base else ".gitignore"
        reason = (
            f"{total:,} patterns; only the first {room:,} are honoured "
            f"(at most {MAX_PATTERNS:,} are in effect for any path)"
        )
        skipped: Skipped | None = Skipped(where, reason, degraded=True)
    else:
        skipped = None
    if not any(_is_pattern(line) for line in lines):
        return None, skipped
    spec, union = _compiled(tuple(lines))
    return IgnoreFile(base, spec, union, min(total, room)), skipped


def room_left(ignores: Sequence[IgnoreFile]) -> int:
    """How many more patterns may come into effect below these .gitignore files."""
    return max(0, MAX_PATTERNS - sum(ignore.patterns for ignore in ignores))


def ignored(ignores: Sequence[IgnoreFile], relpath: str, is_dir: bool) -> bool:
    """Git's rule: the deepest .gitignore with a matching pattern decides (negations included)."""
    for ignore in reversed(ignores):
        inner = relpath[len(ignore.base) + 1 :] if ignore.base else relpath
        decision = ignore.decides(inner + "/" if is_dir else inner)
        if decision is not None:
            return decision
    return False
