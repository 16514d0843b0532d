"""Where openwatch keeps the user's own data: the history database and the catalog overlay.

The data folder is $OPENWATCH_HOME, else $XDG_DATA_HOME/openwatch, else ~/.local/share/openwatch. It holds
`history.db` (the default SQLite database) and `overlay/` (the user's catalog overlay, loaded whenever it
exists; `openwatch events add` and `triage accept` write there unless given another --catalog folder).
"""

from __future__ import annotations

import os
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
