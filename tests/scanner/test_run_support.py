"""Shared helpers for the scan tests: a tiny text detector, a tiny catalog, tree and model-file builders."""

from __future__ import annotations

import dataclasses
import json
import re
import struct
from collections.abc import Collection
from pathlib import Path
from typing import ClassVar

from openwatch.catalog.load import Catalog
from openwatch.catalog.schema import Lab, Model
from openwatch.domain import Reference
from openwatch.scanner.conditional import first_kept
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "scan"
_CALL = re.compile(r"""MODEL\(\s*["']([^"']+)["']""")


class WordDetector(Detector):
    """Finds MODEL("name") in .py, .md and .txt files (stands in for the real text detectors)."""

    id: ClassVar[str] = "word"
    keywords: ClassVar[tuple[str, ...]] = ("model(",)

    def accepts(self, relpath: str) -> bool:
        """Python, Markdown and text files."""
        return relpath.endswith((".py", ".md", ".txt"))

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """One reference per MODEL(...) call, with line and column (1-based)."""
        text = file.text or ""
        refs = []
        for match in _CALL.finditer(text):
            line = text.count("\n", 0, match.start(1)) + 1
            column = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 1
            refs.append(Reference(match.group(1), file.relpath, line, column, self.id, 0.9))
        return Detection(tuple(refs))


LAB_YAML = """\
lab:
  id: testlab
  name: Test Lab
models:
  - id: testlab/alpha-7b
    name: Alpha 7B
    lab: testlab
    family: alpha
    access: open-weights-unrestricted
    licence: apache-2.0
    aliases:
      hub: [testlab/Alpha-7B]
      api: [alpha-7b-chat]
      ollama: ["alpha:7b"]
      gguf: [Alpha 7B Instruct]
    sources:
      - publisher: openwatch tests
"""


def settled(detection: Detection, known: Collection[str] = frozenset()) -> Detection:
    """The detection as the inventory keeps it: a reading needing the catalog stays if its text is known."""
    kept = (first_kept(ref, lambda reading: reading.text in known) for ref in detection.references)
    return dataclasses.replace(detection, references=tuple(ref for ref in kept if ref is not None))


def write_overlay(folder: Path) -> Path:
    """A catalog overlay folder with one lab and one model (testlab/alpha-7b)."""
    (folder / "labs").mkdir(parents=True)
    (folder / "labs" / "testlab.yaml").write_text(LAB_YAML, encoding="utf-8")
    return folder


def make_catalog() -> Catalog:
    """The overlay's lab and model as an in-memory catalog (independent of the bundled data)."""
    model = Model.model_validate(
        {
            "id": "testlab/alpha-7b",
            "name": "Alpha 7B",
            "lab": "testlab",
            "family": "alpha",
            "access": "open-weights-unrestricted",
            "licence": "apache-2.0",
            "sources": [{"publisher": "openwatch tests"}],
        }
    )
    lab = Lab(id="testlab", name="Test Lab")
    aliases = ["testlab/alpha-7b", "alpha-7b-chat", "alpha:7b", "alpha 7b instruct"]
    return Catalog(
        labs={"testlab": lab},
        models={model.id: model},
        licences={},
        alias_index=dict.fromkeys(aliases, model.id),
    )


def gguf_string(text: str | bytes) -> bytes:
    """A GGUF string: uint64 length and bytes."""
    raw = text.encode() if isinstance(text, str) else text
    return struct.pack("<Q", len(raw)) + raw


def gguf_bytes(
    fields: dict[str, object], *, version: int = 3, tensors: int = 2, kv_count: int | None = None
) -> bytes:
    """A GGUF header with string (type 8), uint64 (type 10) and bool (type 7) values; no tensor data."""
    body = b""
    for key, value in fields.items():
        body += gguf_string(key)
        if isinstance(value, bool):
            body += struct.pack("<IB", 7, value)
        elif isinstance(value, int):
            body += struct.pack("<IQ", 10, value)
        else:
            body += struct.pack("<I", 8) + gguf_string(str(value))
    count = len(fields) if kv_count is None else kv_count
    return b"GGUF" + struct.pack("<IQQ", version, tensors, count) + body


def safetensors_bytes(tensors: dict[str, list[int]], metadata: dict[str, str] | None = None) -> bytes:
    """A safetensors file: header length, JSON header, and zero bytes standing in for the data."""
    header: dict[str, object] = {}
    offset = 0
    for name, shape in tensors.items():
        size = 2
        for dim in shape:
            size *= dim
        header[name] = {"dtype": "F16", "shape": shape, "data_offsets": [offset, offset + size]}
        offset += size
    if metadata is not None:
        header["__metadata__"] = metadata
    raw = json.dumps(header).encode()
    return struct.pack("<Q", len(raw)) + raw + b"\0" * min(offset, 4096)
