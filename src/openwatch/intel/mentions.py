"""Find catalog labs, families and models mentioned in news text, through names and aliases.

Single plain words (\"Meta\", \"Muse\", \"Phi\") match only as the catalog spells them, so that ordinary
words (\"muse\", \"command\") do not; names with a digit, a space or punctuation match in any case. The
longest match wins where matches overlap, and a match must stand between word boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from openwatch.catalog.load import Catalog

_PLAIN_WORD = re.compile(r"^[A-Za-z]+$")
_MIN_LENGTH = 3


@dataclass(frozen=True)
class Target:
    """Something in the catalog a word can name."""

    kind: str
    """"lab", "family" or "model"."""
    id: str
    name: str
    lab: str


@dataclass
class Mention:
    """A catalog target and the words of the text that named it."""

    target: Target
    words: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (kept with the queued item)."""
        return {**vars(self.target), "words": sorted(set(self.words))}


def family_stem(family: str) -> str | None:
    """A family name without its version: the words before the first one holding a digit ("Llama 3.1" ->
    "Llama"); None when nothing is left or nothing was cut."""
    words = family.split()
    kept: list[str] = []
    for word in words:
        if any(ch.isdigit() for ch in word):
            break
        kept.append(word)
    stem = " ".join(kept).rstrip("-")
    return stem if stem and len(kept) < len(words) else None


def _targets(catalog: Catalog) -> dict[str, set[Target]]:
    words: dict[str, set[Target]] = {}

    def add(word: str, target: Target) -> None:
        word = word.strip()
        if len(word) >= _MIN_LENGTH:
            words.setdefault(word, set()).add(target)

    for lab in catalog.labs.values():
        target = Target("lab", lab.id, lab.name, lab.id)
        for word in (lab.name, *lab.aliases):
            add(word, target)
    for model in catalog.models.values():
        target = Target("model", model.id, model.name, model.lab)
        for word in (model.name, *(text for _, text in model.aliases.all())):
            add(word, target)
        family = Target("family", model.family, model.family, model.lab)
        add(model.family, family)
        stem = family_stem(model.family)
        if stem:
            add(stem, Target("family", stem, stem, model.lab))
    return words


def _lowered(text: str) -> str:
    """Lower case without changing the length (characters whose lower case is longer stay as they are)."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


class MentionFinder:
    """Finds mentions of the catalog in text; build once per catalog, use for many items."""

    def __init__(self, catalog: Catalog) -> None:
        self._exact = ahocorasick.Automaton()
        self._folded = ahocorasick.Automaton()
        for word, targets in _targets(catalog).items():
            if _PLAIN_WORD.match(word):
                self._add(self._exact, word, word, targets)
            else:
                self._add(self._folded, _lowered(word), word, targets)
        for automaton in (self._exact, self._folded):
            if len(automaton):
                automaton.make_automaton()

    @staticmethod
    def _add(automaton: Any, key: str, word: str, targets: set[Target]) -> None:
        found = automaton.get(key, None)
        merged = (found[1] | targets) if found else targets
        automaton.add_word(key, (word, frozenset(merged)))

    def _spans(self, text: str) -> list[tuple[int, int, frozenset[Target]]]:
        spans = []
        for automaton, haystack in ((self._exact, text), (self._folded, _lowered(text))):
            if not len(automaton):
                continue
            for end, (word, targets) in automaton.iter(haystack):
                start = end - len(word) + 1
                before = text[start - 1] if start > 0 else " "
                after = text[end + 1] if end + 1 < len(text) else " "
                if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
                    spans.append((start, end + 1, targets))
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        kept: list[tuple[int, int, frozenset[Target]]] = []
        for span in spans:
            if not any(k[0] <= span[0] and span[1] <= k[1] for k in kept):
                kept.append(span)
        return kept

    def find(self, text: str) -> list[Mention]:
        """Every catalog target the text mentions, with the words that named it (labs, families, models)."""
        mentions: dict[Target, Mention] = {}
        for start, end, targets in self._spans(text):
            for target in targets:
                mentions.setdefault(target, Mention(target)).words.append(text[start:end])
        order = {"lab": 0, "family": 1, "model": 2}
        return sorted(mentions.values(), key=lambda m: (order[m.target.kind], m.target.id))
