"""The prefilter: one Aho-Corasick pass decides which detectors a text file is worth handing to."""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from openwatch.scanner.detectors.base import Detector

MIN_ALIAS_LENGTH = 4
"""Aliases shorter than this (e.g. "o1", "phi") match too much text to filter anything."""

_KEYWORD, _ALIAS, _WORD_ALIAS = 0, 1, 2
"""Pattern kinds: a detector keyword (substring), an alias (substring), an all-letter alias (whole word).

An all-letter alias such as "xception", "parti" or "command" must stand as a word: otherwise
"exception" and "partial" would send nearly every file to every detector."""


@dataclass(frozen=True)
class _Entry:
    """What one automaton pattern means: the detectors it is a keyword of, and whether it is an alias."""

    owners: frozenset[str]
    kind: int
    length: int


def _standalone(text: str, end: int, length: int) -> bool:
    """True if text[end - length + 1 : end + 1] has no letter right before or right after it."""
    start = end - length + 1
    before = text[start - 1] if start > 0 else " "
    after = text[end + 1] if end + 1 < len(text) else " "
    return not before.isalpha() and not after.isalpha()


@dataclass(frozen=True)
class Prefilter:
    """A multi-pattern matcher over lower-cased catalog aliases and detectors' keywords."""

    automaton: ahocorasick.Automaton
    patterns: int
    always: frozenset[str]

    def wanted_by(self, text: str, accepting: Collection[str]) -> frozenset[str]:
        """Which of the accepting detectors (by id) should parse this text."""
        need = set(accepting) - self.always
        found = set(accepting) & self.always
        if not need:
            return frozenset(found)
        lower = text.lower()
        for end, entry in self.automaton.iter(lower):
            if entry.kind == _ALIAS or (entry.kind == _WORD_ALIAS and _standalone(lower, end, entry.length)):
                return frozenset(accepting)
            hit = need & entry.owners
            if hit:
                found |= hit
                need -= hit
                if not need:
                    break
        return frozenset(found)


def _patterns(aliases: Iterable[str], detectors: Sequence[Detector]) -> dict[str, _Entry]:
    """Lower-cased pattern -> its entry (keyword owners, alias kind)."""
    owners: dict[str, set[str]] = {}
    for detector in detectors:
        for keyword in detector.keywords:
            if keyword.strip():
                owners.setdefault(keyword.lower(), set()).add(detector.id)
    kinds: dict[str, int] = {}
    for alias in aliases:
        key = alias.lower()
        if len(key) >= MIN_ALIAS_LENGTH:
            kinds[key] = _WORD_ALIAS if key.isalpha() else _ALIAS
    return {
        key: _Entry(frozenset(owners.get(key, ())), kinds.get(key, _KEYWORD), len(key))
        for key in owners.keys() | kinds.keys()
    }


def build_prefilter(aliases: Iterable[str], detectors: Sequence[Detector]) -> Prefilter:
    """Build the automaton from catalog aliases (longer than 3 characters) and detector keywords."""
    automaton = ahocorasick.Automaton()
    table = _patterns(aliases, detectors)
    for key, owners in table.items():
        automaton.add_word(key, owners)
    if table:
        automaton.make_automaton()
    else:  # an empty automaton cannot be searched; a pattern no text contains keeps it usable
        automaton.add_word("\0\0openwatch-nothing\0\0", _Entry(frozenset(), _KEYWORD, 1))
        automaton.make_automaton()
    always = frozenset(d.id for d in detectors if d.needs_every_file)
    return Prefilter(automaton, len(table), always)


_cache: dict[tuple[int, tuple[tuple[str, tuple[str, ...], bool], ...]], tuple[object, Prefilter]] = {}
_lock = threading.Lock()


def cached_prefilter(alias_index: Mapping[str, str], detectors: Sequence[Detector]) -> Prefilter:
    """The prefilter for this catalog's aliases and these detectors, built once per process."""
    signature = tuple((d.id, d.keywords, d.needs_every_file) for d in detectors)
    key = (id(alias_index), signature)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] is alias_index:
            return hit[1]
        prefilter = build_prefilter(alias_index.keys(), detectors)
        if len(_cache) > 8:
            _cache.clear()
        _cache[key] = (alias_index, prefilter)
        return prefilter
