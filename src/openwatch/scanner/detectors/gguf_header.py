"""A bounded GGUF metadata reader: every length is checked against the file and caps before use."""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openwatch.files import open_regular

MAX_STRING = 1 << 20  # 1 MiB
MAX_ARRAY = 1_000_000  # items
MAX_KV = 100_000
MAX_TENSORS = 10_000_000
MAX_ITEMS = 20_000_000  # values visited in all, a bound on time
MAX_DEPTH = 4  # arrays of arrays
MAX_MAPPED = 256 * 1024 * 1024
"""Bytes of a GGUF file mapped: its metadata comes first (a large vocabulary takes tens of MB), the tensors
after. Mapping the whole file (gigabytes) would count against a file's memory budget."""
_KEPT_PREFIX = "general."
_FIXED = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9


class GgufError(Exception):
    """The file is not a GGUF file this reader can read."""


class _Bad(Exception):
    """The header broke off or lied after this point."""


@dataclass
class GgufHeader:
    """The scalar `general.*` metadata of a GGUF file, and the problem if reading stopped early."""

    version: int
    tensor_count: int
    kv_count: int
    fields: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None


class _Cursor:
    """Reads typed values from a buffer, refusing to read past its end."""

    def __init__(self, buf: mmap.mmap | bytes, order: str) -> None:
        """A cursor at offset 0 of the buffer, in the file's byte order."""
        self.buf = buf
        self.end = len(buf)
        self.pos = 0
        self.order = order
        self.items = 0

    def take(self, count: int) -> int:
        """Claim `count` bytes and return where they start; _Bad if the file is shorter."""
        if count < 0 or count > self.end - self.pos:
            raise _Bad(f"needs {count} bytes at offset {self.pos}, file has {self.end}")
        start = self.pos
        self.pos += count
        return start

    def scalar(self, code: str) -> Any:
        """One fixed-size value (struct code) at the cursor."""
        size = struct.calcsize(code)
        return struct.unpack_from(self.order + code, self.buf, self.take(size))[0]

    def string(self, keep: bool) -> str | None:
        """A length-prefixed string (decoded only if kept), its length checked first."""
        length = self.scalar("Q")
        if length > MAX_STRING:
            raise _Bad(f"string length {length} at offset {self.pos - 8} is over the 1 MiB limit")
        start = self.take(length)
        return bytes(self.buf[start : start + length]).decode("utf-8", "replace") if keep else None

    def value(self, vtype: int, keep: bool, depth: int = 0) -> Any:
        """One typed value; arrays are skipped, strings decoded only if kept."""
        self.items += 1
        if self.items > MAX_ITEMS:
            raise _Bad(f"more than {MAX_ITEMS:,} metadata values")
        if vtype in _FIXED:
            return self.scalar(_FIXED[vtype])
        if vtype == _STRING:
            return self.string(keep)
        if vtype == _ARRAY:
            return self.array(depth)
        raise _Bad(f"unknown value type {vtype} at offset {self.pos - 4}")

    def array(self, depth: int) -> None:
        """Skip an array: fixed-size items by length, strings one by one, nesting bounded."""
        if depth >= MAX_DEPTH:
            raise _Bad("arrays nested too deep")
        item_type = self.scalar("I")
        count = self.scalar("Q")
        if count > MAX_ARRAY:
            raise _Bad(f"array of {count} items is over the {MAX_ARRAY:,}-item limit")
        if item_type in _FIXED:
            self.take(count * struct.calcsize(_FIXED[item_type]))
            self.items += count
            return
        for _ in range(count):
            self.value(item_type, False, depth + 1)


def _order(buf: mmap.mmap | bytes) -> tuple[str, int]:
    """Byte order and version from the header (GGUF may be big-endian); GgufError if unsupported."""
    if bytes(buf[:4]) != b"GGUF":
        raise GgufError("not a GGUF file (no GGUF magic)")
    little = struct.unpack_from("<I", buf, 4)[0]
    if little in (2, 3):
        return "<", little
    big = struct.unpack_from(">I", buf, 4)[0]
    if big in (2, 3):
        return ">", big
    raise GgufError(f"unsupported GGUF version {little}")


def parse_gguf(buf: mmap.mmap | bytes) -> GgufHeader:
    """Parse the metadata in a GGUF buffer; a break-off after the counts is kept as `problem`."""
    if len(buf) < 24:
        raise GgufError(f"too short for a GGUF header ({len(buf)} bytes)")
    order, version = _order(buf)
    cursor = _Cursor(buf, order)
    cursor.take(8)
    tensors, kv_count = cursor.scalar("Q"), cursor.scalar("Q")
    if tensors > MAX_TENSORS:
        raise GgufError(f"implausible tensor count {tensors}")
    if kv_count > MAX_KV or kv_count * 13 > cursor.end - cursor.pos:
        raise GgufError(f"implausible metadata count {kv_count} for a {cursor.end}-byte file")
    header = GgufHeader(version, tensors, kv_count)
    try:
        for _ in range(kv_count):
            key = cursor.string(True) or ""
            vtype = cursor.scalar("I")
            keep = key.startswith(_KEPT_PREFIX)
            value = cursor.value(vtype, keep)
            if keep and value is not None:
                header.fields[key] = value
    except _Bad as exc:
        header.problem = f"metadata broken off: {exc}"
    return header


def read_gguf_header(path: Path) -> GgufHeader:
    """Map a GGUF file read-only and parse its metadata; GgufError if it cannot be read at all."""
    try:
        with open_regular(path) as handle:
            size = handle.seek(0, 2)
            if size == 0:
                raise GgufError("empty file")
            with mmap.mmap(handle.fileno(), min(size, MAX_MAPPED), access=mmap.ACCESS_READ) as buf:
                return parse_gguf(buf)
    except OSError as exc:
        raise GgufError(f"cannot read: {exc.strerror or exc}") from None
