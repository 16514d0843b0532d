"""Where openwatch keeps the user's own data: the history database and the catalog overlay.

The data folder is $OPENWATCH_HOME, else $XDG_DATA_HOME/openwatch, else ~/.local/share/openwatch. It holds
`history.db` (the default SQLite database) and `overlay/` (the user's catalog overlay, loaded whenever it
exists; `openwatch events add` and `triage accept` write there unless given another --catalog folder).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def data_dir() -> Path:
    """The user's openwatch data folder."""
    explicit = os.environ.get("OPENWATCH_HOME")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "openwatch"


def user_overlay() -> Path:
    """The user's own catalog overlay folder (it may not exist yet)."""
    return data_dir() / "overlay"


def default_database_url() -> str:
    """The SQLite database in the data folder."""
    return f"sqlite:///{data_dir() / 'history.db'}"


def named_overlays(given: Sequence[Path] | None) -> list[Path]:
    """Overlay folders given by --catalog, else by $OPENWATCH_CATALOG (os.pathsep-separated)."""
    if given:
        return list(given)
    env = os.environ.get("OPENWATCH_CATALOG")
    return [Path(p) for p in env.split(os.pathsep) if p] if env else []


def overlay_folders(given: Sequence[Path] | None) -> list[Path]:
    """The user's own overlay (when it exists), then the folders named by --catalog or $OPENWATCH_CATALOG."""
    named = named_overlays(given)
    user = user_overlay()
    return [user, *named] if user.is_dir() and user not in named else named


def writable_overlay_folder(given: Sequence[Path] | None) -> Path:
    """Where new events go: the last folder of --catalog or $OPENWATCH_CATALOG, else the user overlay."""
    named = named_overlays(given)
    return named[-1] if named else user_overlay()
