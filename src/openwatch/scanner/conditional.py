"""References that hold only if the catalog knows them, and how several readings of one place combine.

Detectors never ask the catalog. Where a clue is weak (a `repo_id` key, a bare word such as `mistral`, a
string literal in a file that does not parse) the reference is `known_only`; where a place can be read
several ways (the names in a GGUF header, two detectors on one line) the readings form a chain through
`otherwise`, most confident first. The inventory resolves each reference once, after the scan, and keeps
the first reading of each chain that is unconditional or resolved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator

from openwatch.domain import Reference


def chain(readings: Iterable[Reference]) -> Reference:
    """One reference for several readings of a place: the readings most confident first, each standing in
    for the one before it if that is `known_only` and unknown; readings after the first unconditional one
    can never be reached and are dropped."""
    ordered = sorted(
        (reading for ref in readings for reading in _unchained(ref)), key=lambda r: -r.confidence
    )
    kept: list[Reference] = []
    for ref in ordered:
        kept.append(dataclasses.replace(ref, otherwise=None))
        if not ref.known_only:
            break
    result = kept[-1]
    for ref in reversed(kept[:-1]):
        result = dataclasses.replace(ref, otherwise=result)
    return result


def each_reading(ref: Reference, change: Callable[[Reference], Reference]) -> Reference:
    """The reference with `change` applied to it and to every reading it chains."""
    otherwise = each_reading(ref.otherwise, change) if ref.otherwise is not None else None
    return dataclasses.replace(change(ref), otherwise=otherwise)


def _unchained(ref: Reference | None) -> Iterator[Reference]:
    """The readings of a chain, in order."""
    while ref is not None:
        yield ref
        ref = ref.otherwise


def first_kept(ref: Reference | None, known: Callable[[Reference], bool]) -> Reference | None:
    """The first reading of a chain that is unconditional or known, without its chain; None if none is."""
    while ref is not None:
        if not ref.known_only or known(ref):
            return dataclasses.replace(ref, known_only=False, otherwise=None)
        ref = ref.otherwise
    return None
