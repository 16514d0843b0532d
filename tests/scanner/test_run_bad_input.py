"""Bad input: every odd file is skipped or scanned degraded, said so, and the scan ends in bounded time."""

from __future__ import annotations

import ast
import os
import struct
import time
from pathlib import Path
from typing import BinaryIO, ClassVar

import pytest
from test_run_support import WordDetector, gguf_bytes, make_catalog, safetensors_bytes

from openwatch.domain import Skipped
from openwatch.scanner import read
from openwatch.scanner.detectors.base import Detection, ScanContext, SourceFile
from openwatch.scanner.detectors.model_files import GgufDetector, SafetensorsDetector
from openwatch.scanner.detectors.registry import default_detectors
from openwatch.scanner.run import ScanOptions, scan

CATALOG = make_catalog()


class _AstWord(WordDetector):
    """Parses Python with ast first (as a real detector would), then finds MODEL(...) calls."""

    id: ClassVar[str] = "ast-word"

    def accepts(self, relpath: str) -> bool:
        return relpath.endswith((".py", ".js"))

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        found = super().detect(file, context)
        if file.relpath.endswith(".py"):
            try:
                ast.parse(file.text or "")
            except SyntaxError as exc:
                return Detection(found.references, problem=f"syntax error line {exc.lineno}", degraded=True)
        return found


def _bad_tree(root: Path) -> Path:
    root.mkdir()
    (root / "syntax.py").write_text("def broken(:\n    MODEL('alpha-7b-chat')\n", encoding="utf-8")
    (root / "py2.py").write_text("print 'hi'\nx = MODEL('alpha-7b-chat')\n", encoding="utf-8")
    (root / "latin.py").write_bytes(b"# caf\xe9\nx = MODEL('alpha-7b-chat')\n")
    (root / "huge.min.js").write_bytes(b"var a=MODEL('alpha-7b-chat');" * 1_800_000)  # ~52 MB
    (root / "long.min.js").write_bytes(b"x" * 150_000 + b"\nMODEL('alpha-7b-chat')\n")
    (root / "deep.py").write_text(
        "x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\nMODEL('m')\n", encoding="utf-8"
    )
    (root / "secret.py").write_text("MODEL('alpha-7b-chat')\n", encoding="utf-8")
    os.symlink(root / "loop-b", root / "loop-a")
    os.symlink(root / "loop-a", root / "loop-b")
    os.mkfifo(root / "pipe.py")
    (root / "cut.gguf").write_bytes(gguf_bytes({"general.name": "Alpha 7B Instruct"})[:50])
    (root / "lie.gguf").write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 2**63, 2**63))
    (root / "lie.safetensors").write_bytes(struct.pack("<Q", 2**64 - 1) + b"{}")
    (root / "cut.safetensors").write_bytes(safetensors_bytes({"w": [2, 2]})[:20])
    return root


def _refuse_secret(path: Path) -> BinaryIO:
    """Opens files like the real reader, except secret.py which is 'chmod 000' (tests run as root)."""
    if path.name == "secret.py":
        raise PermissionError(13, "Permission denied", str(path))
    return open(path, "rb")


def test_bad_input_is_reported_and_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _bad_tree(tmp_path / "bad")
    monkeypatch.setattr(read, "_open_binary", _refuse_secret)
    options = ScanOptions(detectors=(_AstWord(), GgufDetector(), SafetensorsDetector()))
    started = time.perf_counter()
    result = scan([root], options, CATALOG)
    assert time.perf_counter() - started < 10
    skipped = {s.path: s for s in result.skipped}
    assert skipped["huge.min.js"] == Skipped("huge.min.js", "larger than 5 MB")
    assert skipped["long.min.js"] == Skipped(
        "long.min.js", "1 line over 100,000 characters not scanned", True
    )
    assert skipped["latin.py"] == Skipped("latin.py", "not UTF-8; read as latin-1", True)
    assert skipped["syntax.py"] == Skipped("syntax.py", "syntax error line 1", True)
    assert skipped["py2.py"] == Skipped("py2.py", "syntax error line 1", True)
    assert skipped["deep.py"].degraded is True
    assert skipped["secret.py"] == Skipped("secret.py", "permission denied")
    assert skipped["loop-a"] == Skipped("loop-a", "symbolic link loop")
    assert skipped["pipe.py"] == Skipped("pipe.py", "not a regular file")
    assert skipped["cut.gguf"].reason.startswith("GGUF: metadata broken off")
    assert skipped["lie.gguf"].reason == "GGUF: implausible tensor count 9223372036854775808"
    assert skipped["lie.safetensors"].reason.startswith("safetensors: header length 18446744073709551615")
    assert skipped["cut.safetensors"].reason.startswith("safetensors: header length")
    found = sorted((r.path, r.line) for r in result.references)
    assert found == [
        ("cut.gguf", 1),  # a GGUF whose name broke off is still a model file (named by its stem)
        ("deep.py", 2),
        ("latin.py", 2),
        ("long.min.js", 2),
        ("py2.py", 2),
        ("syntax.py", 2),
    ]


def test_bad_input_with_every_registered_detector_finishes(tmp_path: Path) -> None:
    root = _bad_tree(tmp_path / "bad")
    started = time.perf_counter()
    result = scan([root], ScanOptions(detectors=default_detectors()), CATALOG)
    assert time.perf_counter() - started < 20
    reasons = {s.path: s.reason for s in result.skipped}
    assert reasons["loop-a"] == "symbolic link loop"
    assert reasons["pipe.py"] == "not a regular file"
    assert reasons["lie.gguf"] == "GGUF: implausible tensor count 9223372036854775808"
    assert result.stats["files_seen"] == 11
