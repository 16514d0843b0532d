"""The roots of a scan: the paths given, duplicates and nested ones dropped, and the folder they share."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Root:
    """One path to walk and where it sits in the frame ('' when it is the frame itself)."""

    path: Path
    relpath: str


@dataclass(frozen=True)
class Roots:
    """The roots to walk and their frame: the folder that shown paths, contexts and imports are relative to.

    However the paths are given (one folder, several folders, file names as pre-commit passes them, the
    same path twice), a file is shown, classified and has its imports followed the same way.
    """

    frame: Path
    roots: tuple[Root, ...]


def _inside(path: str, folder: str) -> bool:
    """True if an absolute path is the folder or lies under it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _folder(path: Path) -> str:
    """The folder a root stands for: itself when it is a folder, else the folder holding it."""
    return str(path) if path.is_dir() else os.path.dirname(str(path))


def scan_roots(paths: Sequence[Path], cwd: Path | None = None) -> Roots:
    """The roots to walk, each once, and their frame.

    The frame is the folder itself when one folder is scanned; the working folder when every path is given
    relative to it (`scan assistant training`, or the file names pre-commit passes); otherwise the deepest
    folder all the paths share.
    """
    here = str(Path(os.path.abspath(cwd or Path.cwd())))
    absolute = [Path(os.path.abspath(path)) for path in paths]
    kept: list[Path] = []
    seen: set[str] = set()
    for path in sorted(absolute, key=lambda p: len(p.parts)):
        real = os.path.realpath(path)
        if real in seen or any(_inside(str(path), str(outer)) for outer in kept if outer.is_dir()):
            continue
        seen.add(real)
        kept.append(path)
    kept.sort(key=absolute.index)
    if len(kept) == 1 and kept[0].is_dir():
        frame = kept[0]
    elif all(not path.is_absolute() for path in paths) and all(_inside(str(p), here) for p in kept):
        frame = Path(here)
    else:
        frame = Path(os.path.commonpath([_folder(path) for path in kept])) if kept else Path(here)
    return Roots(frame, tuple(Root(path, _relative(path, frame)) for path in kept))


def _relative(path: Path, frame: Path) -> str:
    """A path relative to the frame in POSIX form, '' for the frame itself."""
    relative = Path(os.path.relpath(path, frame)).as_posix()
    return "" if relative == "." else relative
