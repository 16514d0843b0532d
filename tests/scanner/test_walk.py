"""Discovery: .gitignore (nested, negated), vendored folders, globs, symlinks, odd files, the Hub cache."""

from __future__ import annotations

import os
from pathlib import Path

from openwatch.domain import Skipped
from openwatch.scanner.walk import FoundFile, FoundHubCache, WalkOptions, walk


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _files(root: Path, options: WalkOptions | None = None) -> list[str]:
    return sorted(item.relpath for item in walk(root, options) if isinstance(item, FoundFile))


def _skipped(root: Path, options: WalkOptions | None = None) -> dict[str, str]:
    return {item.path: item.reason for item in walk(root, options) if isinstance(item, Skipped)}


def test_gitignore_nested_and_negated(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            ".gitignore": "*.log\nignored/\n!keep.log\n",
            "a.py": "",
            "x.log": "",
            "keep.log": "",
            "ignored/b.py": "",
            "sub/.gitignore": "local.py\n!x.log\n",
            "sub/local.py": "",
            "sub/kept.py": "",
            "sub/x.log": "",
            "sub/deeper/local.py": "",
        },
    )
    assert _files(tmp_path) == [
        ".gitignore",
        "a.py",
        "keep.log",
        "sub/.gitignore",
        "sub/kept.py",
        "sub/x.log",
    ]


def test_no_ignore_reads_ignored_files(tmp_path: Path) -> None:
    _tree(tmp_path, {".gitignore": "secret.py\n", "secret.py": ""})
    assert "secret.py" in _files(tmp_path, WalkOptions(respect_ignore=False))
    assert "secret.py" not in _files(tmp_path)


def test_vendored_folders_skipped_unless_named_by_include(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "app.py": "",
            "node_modules/pkg/index.py": "",
            ".venv/lib/x.py": "",
            "vendor/v.py": "",
            "build/b.py": "",
        },
    )
    assert _files(tmp_path) == ["app.py"]
    assert _files(tmp_path, WalkOptions(include=("vendor/**",))) == ["vendor/v.py"]


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    _tree(tmp_path, {"a.py": "", "b.md": "", "gen/c.py": "", "src/d.py": ""})
    assert _files(tmp_path, WalkOptions(include=("*.py",))) == ["a.py", "gen/c.py", "src/d.py"]
    assert _files(tmp_path, WalkOptions(exclude=("gen/",))) == ["a.py", "b.md", "src/d.py"]
    assert _files(tmp_path, WalkOptions(include=("*.py",), exclude=("src/*.py",))) == ["a.py", "gen/c.py"]


def test_symlinks_never_followed_out_or_in_loops(tmp_path: Path) -> None:
    root = _tree(tmp_path / "root", {"real.py": "", "dir/inner.py": ""})
    outside = _tree(tmp_path / "outside", {"secret.py": ""})
    os.symlink(root / "real.py", root / "alias.py")
    os.symlink(outside / "secret.py", root / "escape.py")
    os.symlink(root, root / "dir" / "loop")
    os.symlink(root / "l2", root / "l1")
    os.symlink(root / "l1", root / "l2")
    os.symlink(root / "missing.py", root / "broken.py")
    assert _files(root) == ["alias.py", "dir/inner.py", "real.py"]
    skipped = _skipped(root)
    assert skipped["escape.py"] == "symbolic link to a file outside the scanned folder; not followed"
    assert skipped["dir/loop"] == "symbolic link to a folder; not followed"
    assert skipped["l1"] == "symbolic link loop"
    assert skipped["broken.py"] == "broken symbolic link"


def test_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    assert _skipped(tmp_path) == {"pipe.py": "not a regular file"}


def test_single_file_root(tmp_path: Path) -> None:
    path = _tree(tmp_path, {"one.py": ""}) / "one.py"
    assert [item for item in walk(path)] == [FoundFile(path, "one.py")]


def test_missing_root_is_skipped(tmp_path: Path) -> None:
    items = list(walk(tmp_path / "nope"))
    assert len(items) == 1 and isinstance(items[0], Skipped) and "cannot read" in items[0].reason


def test_hugging_face_cache_names_models_without_reading_blobs(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "hub/models--meta-llama--Llama-3.1-8B-Instruct/blobs/abc": "x",
            "hub/models--meta-llama--Llama-3.1-8B-Instruct/snapshots/123/config.json": "{}",
            "hub/models--gpt2/refs/main": "123",
            "hub/models--not-a-cache/readme.py": "",
        },
    )
    found = [item for item in walk(tmp_path) if isinstance(item, FoundHubCache)]
    assert [(f.relpath, f.repo_id) for f in found] == [
        ("hub/models--gpt2", "gpt2"),
        ("hub/models--meta-llama--Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct"),
    ]
    assert _files(tmp_path) == ["hub/models--not-a-cache/readme.py"]


def test_deep_folders_do_not_recurse(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(300):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "x.py").write_text("", encoding="utf-8")
    assert _files(tmp_path) == ["/".join(["d"] * 300) + "/x.py"]


def test_third_party_examples_are_walked_but_vendored_projects_are_not(tmp_path: Path) -> None:
    (tmp_path / "third_party" / "Pinecone").mkdir(parents=True)
    (tmp_path / "third_party" / "Pinecone" / "rag.py").write_text("x = 1\n")
    (tmp_path / "vendor-lib" / "third_party" / "somelib").mkdir(parents=True)
    (tmp_path / "vendor-lib" / "third_party" / "somelib" / "LICENSE").write_text("MIT\n")
    (tmp_path / "vendor-lib" / "third_party" / "somelib" / "mod.py").write_text("x = 1\n")
    found = sorted(item.relpath for item in walk(tmp_path, WalkOptions()) if isinstance(item, FoundFile))
    assert found == ["third_party/Pinecone/rag.py"]
