"""Files read and written safely: opening never blocks on a FIFO; writing is whole or not at all, so a full
disk or Ctrl-C never leaves half a report or overlay behind."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading bytes, never blocking: a FIFO or device put where a file was seen
    (after the walk looked, or after `feeds add`) is refused with OSError instead of hanging."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _mode_for(target: Path) -> int:
    """The permission bits the written file gets: the old file's, else what the umask allows."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def replace_file(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder, synced, then renamed over it.

    The old content stays until the new one is complete; OSError (disk full, no permission) leaves it and
    no temporary file. A path that is not a regular file (a device such as /dev/stdout, a pipe) is written
    directly; a symbolic link is followed, so its target is replaced."""
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        with open(target, "w", encoding="utf-8") as out:
            out.write(text)
        return
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
