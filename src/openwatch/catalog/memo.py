"""Values computed once per loaded catalog: a catalog is not changed after load, so what depends only on it
(and a key such as a lab and a day) can be kept for every later question about it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from openwatch.catalog.load import Catalog

T = TypeVar("T")
_MEMO: dict[tuple[Any, ...], tuple[Catalog, Any]] = {}
_LIMIT = 8192
_LOCK = threading.Lock()


def per_catalog(catalog: Catalog, key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """What `build` gives for this catalog object and key, computed once (the catalog object is kept with it,
    so a new catalog at the same address is never mistaken for the old one)."""
    slot = (id(catalog), *key)
    with _LOCK:
        hit = _MEMO.get(slot)
    if hit is not None and hit[0] is catalog:
        value: T = hit[1]
        return value
    value = build()
    with _LOCK:
        if len(_MEMO) >= _LIMIT:
            _MEMO.clear()
        _MEMO[slot] = (catalog, value)
    return value
