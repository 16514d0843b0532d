"""The git commit a project is at, read from its .git files (git itself is never run in a scanned project)."""

from __future__ import annotations

import re
from pathlib import Path

_SHA = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")


def _git_dir(start: Path) -> Path | None:
    """The .git folder of the repository holding `start` (following a worktree's `gitdir:` file)."""
    for folder in (start, *start.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                target = Path(text[len("gitdir:") :].strip())
                return target if target.is_absolute() else (folder / target).resolve()
            return None
    return None


def _common_dir(git_dir: Path) -> Path:
    """Where refs live: a worktree's `commondir`, else the git folder itself."""
    common = git_dir / "commondir"
    if common.is_file():
        target = Path(common.read_text(encoding="utf-8", errors="replace").strip())
        return target if target.is_absolute() else (git_dir / target).resolve()
    return git_dir


def _packed_ref(common: Path, ref: str) -> str | None:
    packed = common / "packed-refs"
    if not packed.is_file():
        return None
    for line in packed.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split(" ", 1)
        if len(parts) == 2 and parts[1].strip() == ref and _SHA.match(parts[0]):
            return parts[0]
    return None


def git_commit(project: Path) -> str | None:
    """The commit id HEAD points to, or None when the project is not in a git repository or has no commit."""
    try:
        git_dir = _git_dir(project.resolve())
        if git_dir is None:
            return None
        head = (git_dir / "HEAD").read_text(encoding="utf-8", errors="replace").strip()
        if _SHA.match(head):
            return head
        if not head.startswith("ref:"):
            return None
        ref = head[len("ref:") :].strip()
        for base in (git_dir, _common_dir(git_dir)):
            loose = base / ref
            if loose.is_file():
                sha = loose.read_text(encoding="utf-8", errors="replace").strip()
                return sha if _SHA.match(sha) else None
        return _packed_ref(_common_dir(git_dir), ref)
    except OSError:
        return None
