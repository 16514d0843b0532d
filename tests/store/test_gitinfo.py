"""The recorded git commit is read from .git files: branches, packed refs, detached heads, worktrees."""

from __future__ import annotations

from pathlib import Path

from openwatch.store.gitinfo import git_commit

SHA = "0123456789abcdef0123456789abcdef01234567"


def test_branch_head(tmp_path: Path) -> None:
    (tmp_path / ".git" / "refs" / "heads").mkdir(parents=True)
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / ".git" / "refs" / "heads" / "main").write_text(SHA + "\n")
    (tmp_path / "sub").mkdir()
    assert git_commit(tmp_path / "sub") == SHA


def test_packed_ref_and_detached_head(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/dev\n")
    (tmp_path / ".git" / "packed-refs").write_text(f"# pack-refs with: peeled\n{SHA} refs/heads/dev\n")
    assert git_commit(tmp_path) == SHA
    (tmp_path / ".git" / "HEAD").write_text(SHA.replace("0", "f") + "\n")
    assert git_commit(tmp_path) == SHA.replace("0", "f")


def test_worktree_and_no_repository(tmp_path: Path) -> None:
    common = tmp_path / "repo.git"
    (common / "refs" / "heads").mkdir(parents=True)
    (common / "refs" / "heads" / "topic").write_text(SHA)
    worktree_git = common / "worktrees" / "wt"
    worktree_git.mkdir(parents=True)
    (worktree_git / "HEAD").write_text("ref: refs/heads/topic\n")
    (worktree_git / "commondir").write_text("../..\n")
    checkout = tmp_path / "wt"
    checkout.mkdir()
    (checkout / ".git").write_text(f"gitdir: {worktree_git}\n")
    assert git_commit(checkout) == SHA
    (tmp_path / "empty" / ".git").mkdir(parents=True)
    (tmp_path / "empty" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    assert git_commit(tmp_path / "empty") is None
