"""Normalisation of alias text, shared by the index builder and the resolver."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")


def normalise_alias(text: str) -> str:
    """The key under which an alias is indexed: trimmed, lower-case, inner spaces folded to one."""
    return _SPACES.sub(" ", text.strip().strip("\"'`")).lower()
