"""Reading a text file safely: size limit, binary sniffing, encodings, over-long lines."""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from openwatch.files import open_regular

BINARY_SNIFF = 8192
MAX_LINE = 100_000
_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


@dataclass(frozen=True)
class TextFile:
    """A decoded text file, and what the reader had to give up on (empty if nothing)."""

    text: str
    size: int
    degraded: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unread:
    """A file that was not read as text: binary, too large, or unreadable."""

    reason: str
    size: int = 0
    binary: bool = False


def _open_binary(path: Path) -> BinaryIO:
    """Open a file for reading bytes (a seam for tests that simulate unreadable files as root)."""
    return open_regular(path)


def _utf16_order(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` for UTF-16 text without a byte-order mark (mostly ASCII: every other byte
    is NUL), else None."""
    sample = data[:BINARY_SNIFF]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for order, zeros, chars in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.1 * len(chars):
            return order
    return None


def size_label(limit: int) -> str:
    """A size limit as people say it: 5 MB, 512 kB."""
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit / 1000:g} kB"


def _cookie_encoding(data: bytes) -> str | None:
    """The PEP 263 coding cookie of a Python file (first two lines), if it names a known codec."""
    for line in data.split(b"\n", 2)[:2]:
        if match := _COOKIE.match(line):
            try:
                return codecs.lookup(match.group(1).decode("ascii")).name
            except (LookupError, UnicodeDecodeError):
                return None
    return None


def decode(data: bytes, relpath: str) -> tuple[str, tuple[str, ...]]:
    """Decode UTF-8 (with or without BOM), else a Python coding cookie, else latin-1 marked degraded."""
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    if relpath.endswith((".py", ".pyi", ".pyw")) and (encoding := _cookie_encoding(data)):
        try:
            return data.decode(encoding), ()
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("latin-1"), ("not UTF-8; read as latin-1",)


def blank_long_lines(text: str, limit: int = MAX_LINE) -> tuple[str, int]:
    """Replace lines longer than the limit by empty lines (line numbers stay right); return the count."""
    if len(text) <= limit:
        return text, 0
    lines = text.split("\n")
    long_count = sum(1 for line in lines if len(line) > limit)
    if not long_count:
        return text, 0
    return "\n".join("" if len(line) > limit else line for line in lines), long_count


def read_text(path: Path, relpath: str, max_bytes: int, max_line: int | None = MAX_LINE) -> TextFile | Unread:
    """Read a file as text within the limits, or say why not; lines over `max_line` (if set) are blanked."""
    data = read_limited(path, max_bytes)
    return data if isinstance(data, Unread) else text_of(data, relpath, max_bytes, max_line)


def read_limited(path: Path, max_bytes: int) -> bytes | Unread:
    """A file's bytes, at most max_bytes + 1 of them (so that text_of sees it is too large), or why not."""
    try:
        with _open_binary(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return Unread(f"larger than {size_label(max_bytes)}", size)
            return handle.read(max_bytes + 1)
    except PermissionError:
        return Unread("permission denied")
    except OSError as exc:
        return Unread(f"cannot read: {exc.strerror or exc}")


def text_of(data: bytes, relpath: str, max_bytes: int, max_line: int | None = MAX_LINE) -> TextFile | Unread:
    """A file's bytes as text within the limits, or why not (what read_text does once the bytes are read)."""
    if len(data) > max_bytes:
        return Unread(f"larger than {size_label(max_bytes)}", len(data))
    degraded: tuple[str, ...] = ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif b"\0" in data[:BINARY_SNIFF]:
        order = _utf16_order(data)
        if order is None:
            return Unread("binary", len(data), binary=True)
        text = data.decode(order, errors="replace")
        degraded = (f"UTF-16 without a byte-order mark; read as {order.upper()}",)
    else:
        text, degraded = decode(data, relpath)
    text, long_lines = blank_long_lines(text, max_line) if max_line is not None else (text, 0)
    if long_lines:
        plural = "s" if long_lines > 1 else ""
        degraded = (*degraded, f"{long_lines} line{plural} over {max_line:,} characters not scanned")
    return TextFile(text, len(data), degraded)
