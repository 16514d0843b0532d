"""The prefilter: one Aho-Corasick pass decides which detectors a text file is worth handing to."""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from openwatch.scan.detectors.base import Detector

MIN_ALIAS_LENGTH = 4
"""Aliases shorter than this (e.g. "o1", "phi") match too much text to filter anything."""

_ALL = frozenset({"*"})
"""The automaton value of a catalog alias: every detector that accepts the file wants it."""


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
        for _end, owners in self.automaton.iter(text.lower()):
            if owners is _ALL or "*" in owners:
                return frozenset(accepting)
            hit = need & owners
            if hit:
                found |= hit
                need -= hit
                if not need:
                    break
        return frozenset(found)


def _patterns(aliases: Iterable[str], detectors: Sequence[Detector]) -> dict[str, frozenset[str]]:
    """Lower-cased pattern -> the detector ids it is for (catalog aliases are for all)."""
    owners: dict[str, set[str]] = {}
    for detector in detectors:
        for keyword in detector.keywords:
            if keyword.strip():
                owners.setdefault(keyword.lower(), set()).add(detector.id)
    table = {key: frozenset(ids) for key, ids in owners.items()}
    for alias in aliases:
        key = alias.lower()
        if len(key) >= MIN_ALIAS_LENGTH:
            table[key] = _ALL
    return table


def build_prefilter(aliases: Iterable[str], detectors: Sequence[Detector]) -> Prefilter:
    """Build the automaton from catalog aliases (longer than 3 characters) and detector keywords."""
    automaton = ahocorasick.Automaton()
    table = _patterns(aliases, detectors)
    for key, owners in table.items():
        automaton.add_word(key, owners)
    if table:
        automaton.make_automaton()
    else:  # an empty automaton cannot be searched; a pattern no text contains keeps it usable
        automaton.add_word("\0\0openwatch-nothing\0\0", frozenset[str]())
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
