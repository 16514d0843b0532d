"""Reading text: size limit, binary sniffing, encodings (BOM, coding cookie, latin-1), over-long lines."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from openwatch.scanner.read import TextFile, Unread, read_text


def _read(tmp_path: Path, name: str, data: bytes, max_bytes: int = 5_000_000) -> TextFile | Unread:
    path = tmp_path / name
    path.write_bytes(data)
    return read_text(path, name, max_bytes)


def test_utf8_with_bom(tmp_path: Path) -> None:
    assert _read(tmp_path, "a.py", codecs.BOM_UTF8 + "x = 'é'\n".encode()) == TextFile("x = 'é'\n", 12)


def test_coding_cookie_for_python(tmp_path: Path) -> None:
    data = "# -*- coding: cp1252 -*-\nname = '€uro'\n".encode("cp1252")
    read = _read(tmp_path, "a.py", data)
    assert isinstance(read, TextFile) and "€uro" in read.text and read.degraded == ()


def test_unknown_encoding_is_latin1_and_degraded(tmp_path: Path) -> None:
    read = _read(tmp_path, "a.md", b"caf\xe9 \xff\xfe model\n")
    assert isinstance(read, TextFile)
    assert read.text.startswith("café")
    assert read.degraded == ("not UTF-8; read as latin-1",)


def test_bogus_cookie_falls_back_to_latin1(tmp_path: Path) -> None:
    read = _read(tmp_path, "a.py", b"# coding: no-such-codec\nx = '\xff'\n")
    assert isinstance(read, TextFile) and read.degraded == ("not UTF-8; read as latin-1",)


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    read = _read(tmp_path, "a.txt", "model = 'alpha'\n".encode("utf-16"))
    assert isinstance(read, TextFile) and read.text == "model = 'alpha'\n"


def test_binary_is_not_text(tmp_path: Path) -> None:
    assert _read(tmp_path, "a.py", b"abc\0def") == Unread("binary", 7, binary=True)


def test_size_limit(tmp_path: Path) -> None:
    assert _read(tmp_path, "big.js", b"a" * 2000, max_bytes=1000) == Unread("larger than 1 kB", 2000)


def test_long_lines_are_blanked_and_said(tmp_path: Path) -> None:
    data = b"first\n" + b"x" * 100_001 + b"\nlast MODEL\n"
    read = _read(tmp_path, "min.js", data)
    assert isinstance(read, TextFile)
    assert read.text == "first\n\nlast MODEL\n"
    assert read.degraded == ("1 line over 100,000 characters not scanned",)


def test_unreadable_file_is_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("openwatch.scanner.read._open_binary", refuse)
    assert _read(tmp_path, "a.py", b"x") == Unread("permission denied")
