"""Probable duplicates: a model whose name and facts say it is another model of its lab under a new id."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from openwatch.catalog.core import CatalogProblem
from openwatch.catalog.schema import Model

_DOT_BETWEEN_DIGITS = re.compile(r"(?<=\d)\.(?=\d)")
_NOT_WORD = re.compile(r"[^a-z0-9\0\u00c0-\uffff]+")
_QUALIFIER = re.compile(
    r"(?P<size>\d+(?:\.\d+)?[kmbt]|a\d+(?:\.\d+)?b|\d+x\d+(?:\.\d+)?b|\d+e|e\d+b)"
    r"|(?P<version>v\d+(?:\.\d+)*)|(?P<date>\d{4}|\d{6}|\d{8})"
)
"""Words that qualify a name: a size (7b, 8x7b, a3b, 16e, e4b; also "moe"), a version (v0.1), a snapshot
date (2407; also a month name)."""
_MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
}  # fmt: skip
VARIANT_WORDS = frozenset({"instruct", "chat", "it", "base", "hf", "preview", "latest", "pretrained", "pt"})
"""Words that name a build of a release (base, chat, preview), not a different model."""
_TUNED_WORDS = frozenset({"instruct", "chat", "it"})
PARAMS_TOLERANCE = 0.10
"""Parameter counts within 10 % agree (sources round them differently)."""
CLOSE_PARAMS_TOLERANCE = 0.03
"""A name that differs by one word needs parameter counts within 3 %."""
DAYS_APART = 185
"""Release dates more than about six months apart are different releases."""
CLOSE_DAYS_APART = 62
"""A name that differs by one word needs release dates within two months."""


@dataclass(frozen=True)
class NameParts:
    """A model name split into the words that identify it and the words that only qualify it."""

    core: frozenset[str]
    sizes: frozenset[str]
    versions: frozenset[str]
    dates: frozenset[str]
    tuned: bool


@dataclass(frozen=True)
class Twin:
    """The model another one probably duplicates, and why we think so."""

    model_id: str
    reason: str


@cache
def name_parts(text: str) -> NameParts:
    """Split a name: "Mixtral 8x7B Instruct v0.1" has core {mixtral}, size 8x7b, version v0.1, tuned."""
    lowered = _DOT_BETWEEN_DIGITS.sub("\0", text.strip().lower())
    words = [w.replace("\0", ".") for w in _NOT_WORD.sub(" ", lowered).split()]
    parts: dict[str | None, set[str]] = {"size": set(), "version": set(), "date": set(), None: set()}
    for word in words:
        if word in VARIANT_WORDS:
            continue
        if word.isalpha():  # only "moe" and month names qualify without a digit
            kind = "size" if word == "moe" else "date" if word in _MONTHS else None
        else:
            match = _QUALIFIER.fullmatch(word)
            kind = match.lastgroup if match else None
        parts[kind].add(word)
    core, sizes, versions, dates = parts[None], parts["size"], parts["version"], parts["date"]
    tuned = any(word in _TUNED_WORDS for word in words)
    return NameParts(frozenset(core), frozenset(sizes), frozenset(versions), frozenset(dates), tuned)


def _ratio(a: float, b: float) -> float:
    return max(a, b) / min(a, b) - 1


def _days(a: dt.date | None, b: dt.date | None) -> int | None:
    return abs((a - b).days) if a is not None and b is not None else None


def _params_agree(a: Model, b: Model, tolerance: float) -> bool | None:
    """True / False when both parameter counts are known, None when either is not."""
    x, y = a.parameters.total, b.parameters.total
    return None if x is None or y is None else _ratio(x, y) <= tolerance


def _qualifiers_clash(a: NameParts, b: NameParts) -> bool:
    """Both names state a version or a snapshot date, and they differ."""
    return bool(a.versions and b.versions and a.versions != b.versions) or bool(
        a.dates and b.dates and a.dates != b.dates
    )


def _score(model: Model, other: Model) -> tuple[int, int, int, int] | None:
    """How strongly `other` looks like the same model (higher is stronger), or None if it is not."""
    mine, theirs = name_parts(model.name), name_parts(other.name)
    if not mine.core or _qualifiers_clash(mine, theirs):
        return None
    params = _params_agree(model, other, PARAMS_TOLERANCE)
    days = _days(model.released, other.released)
    if params is False or (days is not None and days > DAYS_APART):
        return None
    if mine.sizes and theirs.sizes and mine.sizes != theirs.sizes and params is not True:
        return None
    same_size = bool(mine.sizes) and mine.sizes == theirs.sizes
    if params is None and days is None and not same_size:
        return None  # a name alone is not enough: some fact must agree
    if mine.core == theirs.core:
        strength = 2
    elif _one_word_more(mine.core, theirs.core):
        close = _params_agree(model, other, CLOSE_PARAMS_TOLERANCE)
        if not close or days is None or days > CLOSE_DAYS_APART:
            return None
        strength = 1
    else:
        return None
    same_build = int(mine.tuned == theirs.tuned)
    return strength, int(params is True), same_build, -(days if days is not None else DAYS_APART)


def _one_word_more(a: frozenset[str], b: frozenset[str]) -> bool:
    """One name has exactly one more word than the other, and that word is a plain word (no digits)."""
    extra = a ^ b
    return len(extra) == 1 and (a < b or b < a) and next(iter(extra)).isalpha()


def _reason(model: Model, other: Model, score: tuple[int, int, int, int]) -> str:
    said = ["the same name once sizes, versions and build words are set aside"]
    if score[0] == 1:
        said = ["names that differ by one word"]
    if score[1]:
        said.append("the same parameter count")
    days = _days(model.released, other.released)
    if days is not None:
        said.append("the same release date" if days == 0 else f"release dates {days} days apart")
    return f"{other.id} ({other.name}): " + ", ".join(said)


def twin_of(model: Model, candidates: Sequence[Model]) -> Twin | None:
    """The one candidate of the model's lab it probably duplicates; None if none or if two fit equally."""
    scored = [
        (score, other)
        for other in candidates
        if other.lab == model.lab and other.id != model.id and (score := _score(model, other)) is not None
    ]
    if not scored:
        return None
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    best_score, best = scored[0]
    return Twin(best.id, _reason(model, best, best_score))


class TwinFinder:
    """Curated models indexed by lab and core words, so that a model's probable twin is found quickly."""

    def __init__(self, curated: Iterable[Model]) -> None:
        self._by_core: dict[tuple[str, frozenset[str]], list[Model]] = {}
        self._one_word_less: dict[tuple[str, frozenset[str]], list[Model]] = {}
        for model in curated:
            core = name_parts(model.name).core
            self._by_core.setdefault((model.lab, core), []).append(model)
            for word in core:
                self._one_word_less.setdefault((model.lab, core - {word}), []).append(model)

    def candidates(self, model: Model) -> list[Model]:
        """Models of the same lab whose core words equal the model's, or have one word more or less."""
        core = name_parts(model.name).core
        found = [*self._by_core.get((model.lab, core), []), *self._one_word_less.get((model.lab, core), [])]
        for word in core:
            found += self._by_core.get((model.lab, core - {word}), [])
        return list({m.id: m for m in found}.values())

    def twin(self, model: Model) -> Twin | None:
        """The curated model this one probably duplicates, if exactly one fits best."""
        return twin_of(model, self.candidates(model))


def probable_duplicates(models: Iterable[Model]) -> list[tuple[Model, Twin]]:
    """Every imported (non-curated) model that probably duplicates a curated model of its lab."""
    every = list(models)
    finder = TwinFinder(m for m in every if m.curated)
    found = []
    for model in every:
        if not model.curated and (twin := finder.twin(model)) is not None:
            found.append((model, twin))
    return found


def duplicate_problem(path: str, model: Model, twin: Twin) -> CatalogProblem:
    """The validation problem for an imported model that duplicates a curated one."""
    message = f"probable duplicate of curated {twin.reason}; import it as an enrichment of {twin.model_id}"
    return CatalogProblem(path, f"models[{model.id}]", "id", message)
