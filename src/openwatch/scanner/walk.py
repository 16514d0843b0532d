"""Discovery: which files under a root the scan looks at (ignores, globs, vendored folders, odd files)."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from openwatch.domain import Skipped
from openwatch.scanner.gitignore import IgnoreFile, ignored, read_gitignore, room_left

SKIPPED_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", ".venv", "venv", "site-packages", "node_modules", "bower_components",
        "dist", "build", "__pycache__", ".tox", ".nox", ".mypy_cache", ".ruff_cache", ".pytest_cache",
        "vendor", "third_party", "third-party", ".eggs",
    }
)  # fmt: skip
"""Vendored and generated folders that are not walked unless an --include glob names them."""

MAYBE_FIRST_PARTY = frozenset({"third_party", "third-party"})
"""Skipped only when they hold a separate project: cookbooks keep their own integration examples there."""
PROJECT_MARKERS = (
    "LICENSE", "LICENSE.txt", "LICENSE.md", "COPYING", "setup.py", "pyproject.toml", "package.json", "go.mod",
    "Cargo.toml", ".git",
)  # fmt: skip


def _holds_a_project(path: Path) -> bool:
    """True if the folder or a sub-folder has a licence or build file of its own: vendored code."""
    try:
        children = [path, *(child for child in path.iterdir() if child.is_dir() and not child.is_symlink())]
    except OSError:
        return True
    return any((folder / marker).exists() for folder in children for marker in PROJECT_MARKERS)


_HUB_CACHE_DIR = re.compile(r"^models--(?P<repo>[^/]+)$")
_HUB_CACHE_MARKERS = ("snapshots", "blobs", "refs")


@dataclass(frozen=True)
class WalkOptions:
    """What to walk: ignore files honoured or not, and user globs (gitignore syntax)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    respect_ignore: bool = True


@dataclass(frozen=True)
class FoundFile:
    """A regular file (or a symlink to one inside the root) that detectors may read."""

    path: Path
    relpath: str


@dataclass(frozen=True)
class FoundHubCache:
    """A Hugging Face cache folder `models--org--name`: names a downloaded model; blobs are not read."""

    relpath: str
    repo_id: str


WalkItem = FoundFile | FoundHubCache | Skipped


def _spec(patterns: Sequence[str]) -> pathspec.GitIgnoreSpec | None:
    """User globs in gitignore syntax, or None when there are none."""
    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


def _mentioned(patterns: Sequence[str], name: str) -> bool:
    """True if a glob names this folder as one of its path segments (then it is walked after all)."""
    return any(name in re.split(r"[/\\]", pattern) for pattern in patterns)


def _hub_cache_repo(folder: Path, name: str) -> str | None:
    """The repo id of a Hugging Face cache folder, or None if this is not one."""
    match = _HUB_CACHE_DIR.match(name)
    if not match or not any((folder / marker).is_dir() for marker in _HUB_CACHE_MARKERS):
        return None
    return "/".join(part for part in match.group("repo").split("--") if part) or None


@dataclass(frozen=True)
class _Pending:
    """A folder still to be listed, with the ignore files that apply inside it."""

    path: Path
    relpath: str
    ignores: list[IgnoreFile]


class _Walker:
    """Walks one root depth-first in name order, yielding files, cache folders and skipped entries."""

    def __init__(self, root: Path, options: WalkOptions, base: str = "") -> None:
        """Compile the user's globs once for the whole walk; paths are `base` (the root's own path) plus."""
        self.root = root
        self.real_root = os.path.realpath(root)
        self.options = options
        self.base = base
        self.include = _spec(options.include)
        self.exclude = _spec(options.exclude)

    def _outer_ignores(self) -> list[IgnoreFile]:
        """The .gitignore files of the folders between the frame and the root (the root's own comes later)."""
        if not self.base or not self.options.respect_ignore:
            return []
        parts = self.base.split("/")
        frame = self.root.parents[len(parts) - 1]
        found: list[IgnoreFile] = []
        for depth in range(len(parts)):
            folder = frame.joinpath(*parts[:depth])
            ignore, _ = read_gitignore(folder, "/".join(parts[:depth]), room_left(found))
            found += [ignore] if ignore is not None else []
        return found

    def _keep_file(self, relpath: str) -> bool:
        """True if the user's --include/--exclude globs let this file through."""
        if self.exclude and self.exclude.match_file(relpath):
            return False
        return not self.include or self.include.match_file(relpath)

    def _list(self, folder: Path, base: str, ignores: list[IgnoreFile]) -> Iterator[WalkItem | _Pending]:
        """The items of one folder; sub-folders come back as _Pending for the caller's stack."""
        if self.options.respect_ignore:
            ignore, cut = read_gitignore(folder, base, room_left(ignores))
            ignores = ignores if ignore is None else [*ignores, ignore]
            yield from [cut] if cut is not None else []
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except PermissionError:
            yield Skipped(base or ".", "permission denied")
            return
        except OSError as exc:
            yield Skipped(base or ".", f"cannot list folder: {exc.strerror or exc}")
            return
        for entry in entries:
            relpath = f"{base}/{entry.name}" if base else entry.name
            yield from self._entry(entry, relpath, ignores)

    def _entry(
        self, entry: os.DirEntry[str], relpath: str, ignores: list[IgnoreFile]
    ) -> Iterator[WalkItem | _Pending]:
        """One directory entry: a folder to descend into, a file, a symlink or something odd."""
        is_link = entry.is_symlink()
        is_dir = not is_link and entry.is_dir(follow_symlinks=False)
        if self.options.respect_ignore and ignored(ignores, relpath, is_dir):
            return
        if is_dir:
            yield from self._directory(Path(entry.path), entry.name, relpath, ignores)
        elif is_link:
            yield from self._symlink(Path(entry.path), relpath)
        elif entry.is_file(follow_symlinks=False):
            if self._keep_file(relpath):
                yield FoundFile(Path(entry.path), relpath)
        elif self._keep_file(relpath):
            yield Skipped(relpath, "not a regular file")

    def _directory(
        self, path: Path, name: str, relpath: str, ignores: list[IgnoreFile]
    ) -> Iterator[WalkItem | _Pending]:
        """A sub-folder: pruned, a Hugging Face cache entry, or queued for listing."""
        if self.exclude and self.exclude.match_file(relpath + "/"):
            return
        skipped = name in SKIPPED_DIRS and not _mentioned(self.options.include, name)
        if skipped and (name not in MAYBE_FIRST_PARTY or _holds_a_project(path)):
            return
        if name.startswith("models--") and (repo := _hub_cache_repo(path, name)) is not None:
            yield FoundHubCache(relpath, repo)
            return
        yield _Pending(path, relpath, ignores)

    def _symlink(self, path: Path, relpath: str) -> Iterator[WalkItem]:
        """A symlink: followed only to a regular file inside the root; folders and loops are reported."""
        if not self._keep_file(relpath):
            return
        try:
            target = os.stat(path)
        except OSError as exc:
            reason = "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
            yield Skipped(relpath, reason)
            return
        if stat.S_ISDIR(target.st_mode):
            yield Skipped(relpath, "symbolic link to a folder; not followed")
            return
        real = os.path.realpath(path)
        if os.path.commonpath([real, self.real_root]) != self.real_root:
            yield Skipped(relpath, "symbolic link to a file outside the scanned folder; not followed")
        elif not stat.S_ISREG(target.st_mode):
            yield Skipped(relpath, "not a regular file")
        else:
            yield FoundFile(path, relpath)

    def walk(self) -> Iterator[WalkItem]:
        """Every item under the root (or the root itself when it is a file)."""
        try:
            mode = os.stat(self.root).st_mode
        except OSError as exc:
            yield Skipped(self.base or str(self.root), f"cannot read: {exc.strerror or exc}")
            return
        if stat.S_ISDIR(mode):
            stack = [_Pending(self.root, self.base, self._outer_ignores())]
            while stack:
                pending = stack.pop()
                folders: list[_Pending] = []
                for item in self._list(pending.path, pending.relpath, pending.ignores):
                    if isinstance(item, _Pending):
                        folders.append(item)
                    else:
                        yield item
                stack.extend(reversed(folders))
        elif stat.S_ISREG(mode):
            yield FoundFile(self.root, self.base or self.root.name)
        else:
            yield Skipped(self.base or self.root.name, "not a regular file")


def walk(root: Path, options: WalkOptions | None = None, base: str = "") -> Iterator[WalkItem]:
    """Walk one root: files to read, Hugging Face cache folders, and what was skipped and why.

    Paths are relative to the root, or start with `base` (the root's path in a larger frame, whose
    .gitignore files then apply too)."""
    return _Walker(root, options or WalkOptions(), base).walk()
