"""Model-file detectors: GGUF and safetensors headers (every length checked), Ollama manifests."""

from __future__ import annotations

import json
import math
import re
import struct
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from openwatch import providers as P
from openwatch.domain import Reference, Use
from openwatch.files import open_regular
from openwatch.scanner.conditional import chain
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.detectors.gguf_header import GgufError, GgufHeader, read_gguf_header

SAFETENSORS_MAX_HEADER = 100_000_000
CONFIG_MAX_BYTES = 1_000_000
_QUANT_SUFFIX = re.compile(r"([-._](i?q\d\w*|f16|bf16|f32|fp16|fp32|gguf|ggml))+$", re.IGNORECASE)
_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
_HF_URL = re.compile(r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/([\w.-]+/[\w.-]+)/?$")


def human_count(count: int) -> str:
    """A parameter count as people write it: 7.24B, 110M, 3.5K."""
    for size, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if count >= size:
            return f"{count / size:.3g}{unit}"
    return str(count)


def _named(candidates: list[str], make: Callable[[str, bool], Reference]) -> Reference | None:
    """The reference for the first candidate name the catalog knows, else for the first candidate.

    Built as a chain (scan/conditional.py): the catalog is asked once, after the scan."""
    seen = [c for c in dict.fromkeys(c.strip() for c in candidates) if c]
    if not seen:
        return None
    return chain([*(make(candidate, True) for candidate in seen), make(seen[0], False)])


def _base_model_ids(fields: dict[str, Any]) -> list[str]:
    """Hub ids (or names) of the base models a GGUF header lists."""
    ids: list[str] = []
    for index in range(8):
        url = str(fields.get(f"general.base_model.{index}.repo_url", ""))
        org = fields.get(f"general.base_model.{index}.organization")
        name = fields.get(f"general.base_model.{index}.name")
        if match := _HF_URL.match(url):
            ids.append(match.group(1))
        elif org and name:
            ids.append(f"{org}/{name}")
        elif name:
            ids.append(str(name))
    return ids


def _gguf_candidates(header: GgufHeader, path: Path) -> list[str]:
    """Names a GGUF file may go by, most specific first."""
    fields = header.fields
    text = {key: str(value) for key, value in fields.items() if isinstance(value, str)}
    basename, size, finetune = text.get("general.basename"), text.get("general.size_label"), None
    finetune = text.get("general.finetune")
    stem = _QUANT_SUFFIX.sub("", path.name[: -len(".gguf")]) if path.name.lower().endswith(".gguf") else ""
    combos = [
        "-".join(p for p in (basename, size, finetune) if p) if basename else "",
        "-".join(p for p in (basename, size) if p) if basename else "",
    ]
    return [text.get("general.name", ""), *combos, *_base_model_ids(fields), stem, basename or ""]


def _gguf_note(header: GgufHeader, chosen: str) -> str:
    """The header fields not used as the reference text, for the reference's note."""
    shown = []
    for key in ("general.name", "general.architecture", "general.basename", "general.size_label",
                "general.finetune", "general.license", "general.parameter_count"):  # fmt: skip
        value = header.fields.get(key)
        if value is not None and str(value) != chosen:
            shown.append(f"{key.removeprefix('general.')}={value}")
    shown.extend(f"base_model={base}" for base in _base_model_ids(header.fields) if base != chosen)
    shown.append(f"gguf v{header.version}, {header.tensor_count} tensors")
    return "GGUF header: " + ", ".join(shown)


class GgufDetector(Detector):
    """Reads the metadata of a GGUF file (never its tensors) and names the model it holds."""

    id: ClassVar[str] = "gguf"
    binary: ClassVar[bool] = True

    def accepts(self, relpath: str) -> bool:
        """GGUF files by suffix."""
        return relpath.lower().endswith(".gguf")

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """One reference for the model the header names; a damaged header is a problem, not a crash."""
        try:
            header = read_gguf_header(file.path)
        except GgufError as exc:
            return Detection(problem=f"GGUF: {exc}")
        hints = {k.removeprefix("general."): str(v) for k, v in header.fields.items()}

        def reference(text: str, known: bool) -> Reference:
            """The reference naming the model `text` (known_only: at the confidence of a catalog name)."""
            return Reference(
                text=text, path=file.relpath, line=1, column=1, detector=self.id,
                confidence=0.95 if known else 0.7, use=Use.INFERENCE, note=_gguf_note(header, text),
                known_only=known,
            )  # fmt: skip

        architecture = header.fields.get("general.architecture", "unknown architecture")
        named = _named(_gguf_candidates(header, file.path), reference)
        found = named or reference(f"GGUF weights ({architecture})", False)
        if header.problem:
            return Detection((found,), problem=f"GGUF: {header.problem}", degraded=True, hints=hints)
        return Detection((found,), hints=hints)


def _read_safetensors_header(path: Path) -> dict[str, Any]:
    """The JSON header of a safetensors file; ValueError says what is wrong with it."""
    with open_regular(path) as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(0)
        if size < 8:
            raise ValueError("too short for a safetensors header")
        (length,) = struct.unpack("<Q", handle.read(8))
        if length > SAFETENSORS_MAX_HEADER:
            raise ValueError(f"header length {length} is over the {SAFETENSORS_MAX_HEADER:,}-byte limit")
        if length > size - 8:
            raise ValueError(f"header length {length} is larger than the file ({size} bytes)")
        raw = handle.read(length)
    try:
        header = json.loads(raw)
    except (ValueError, RecursionError):
        raise ValueError("header is not valid JSON") from None
    if not isinstance(header, dict):
        raise ValueError("header is not a JSON object")
    return header


def _parameter_count(header: dict[str, Any]) -> int:
    """The sum of the products of the tensor shapes; ValueError for a malformed tensor entry."""
    total = 0
    for name, tensor in header.items():
        if name == "__metadata__":
            continue
        shape = tensor.get("shape") if isinstance(tensor, dict) else None
        if not isinstance(shape, list) or not all(type(d) is int and d >= 0 for d in shape):
            raise ValueError(f"tensor {name[:80]!r} has no valid shape")
        total += math.prod(shape)
    return total


def _config_name(folder: Path) -> str | None:
    """`_name_or_path` from a config.json beside the weights, when it looks like a Hub id."""
    config = folder / "config.json"
    try:
        if not config.is_file() or config.stat().st_size > CONFIG_MAX_BYTES:
            return None
        with open_regular(config) as handle:
            data = json.loads(handle.read(CONFIG_MAX_BYTES + 1))
    except (OSError, ValueError, RecursionError):
        return None
    name = data.get("_name_or_path") if isinstance(data, dict) else None
    return name if isinstance(name, str) and _REPO_ID.match(name) else None


class SafetensorsDetector(Detector):
    """Reads the JSON header of a safetensors file: parameter count, metadata, and the model if named."""

    id: ClassVar[str] = "safetensors"
    binary: ClassVar[bool] = True
    _NAME_KEYS: ClassVar[tuple[str, ...]] = (
        "base_model", "model_name", "name", "modelspec.title", "ss_sd_model_name",
    )  # fmt: skip

    def accepts(self, relpath: str) -> bool:
        """Safetensors files by suffix."""
        return relpath.lower().endswith(".safetensors")

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """A reference named by config.json or the metadata, else an unresolved 'weights (N params)'."""
        try:
            header = _read_safetensors_header(file.path)
            params = _parameter_count(header)
        except (OSError, ValueError) as exc:
            return Detection(problem=f"safetensors: {exc}")
        raw_meta = header.get("__metadata__")
        metadata = {str(k): str(v)[:200] for k, v in raw_meta.items()} if isinstance(raw_meta, dict) else {}
        candidates = [_config_name(file.path.parent) or "", *(metadata.get(k, "") for k in self._NAME_KEYS)]
        shown = ", ".join(f"{k}={v}" for k, v in list(metadata.items())[:8])
        note = f"safetensors: {human_count(params)} parameters ({params})" + (f"; {shown}" if shown else "")

        def reference(text: str, known: bool) -> Reference:
            """The reference naming the model `text` (known_only: at the confidence of a catalog name)."""
            return Reference(
                text=text, path=file.relpath, line=1, column=1, detector=self.id,
                confidence=0.9 if known else 0.6, use=Use.INFERENCE, note=note, known_only=known,
            )  # fmt: skip

        unnamed = replace(
            reference(f"safetensors weights ({human_count(params)} params)", False), confidence=0.3
        )
        found = _named(candidates, reference) or unnamed
        return Detection((found,), hints={"parameters": str(params), **metadata})


_OLLAMA_MANIFEST = re.compile(
    r"(?:^|/)manifests/(?P<host>[^/]+)/(?P<ns>[^/]+)/(?P<name>[^/]+)/(?P<tag>[^/]+)$"
)


class OllamaManifestDetector(Detector):
    """Names the model of an Ollama manifest by its path: …/manifests/registry.ollama.ai/library/NAME/TAG."""

    id: ClassVar[str] = "ollama-manifest"
    binary: ClassVar[bool] = True

    def accepts(self, relpath: str) -> bool:
        """Files under an Ollama `manifests/<host>/<namespace>/<name>/` folder."""
        return "manifests/" in relpath and _OLLAMA_MANIFEST.search(relpath) is not None

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """`name:tag` for the default library, `namespace/name:tag` or `host/namespace/name:tag` otherwise."""
        match = _OLLAMA_MANIFEST.search(file.relpath)
        if match is None:
            return Detection()
        host, ns, name, tag = match.group("host", "ns", "name", "tag")
        if host == "registry.ollama.ai":
            text = f"{name}:{tag}" if ns == "library" else f"{ns}/{name}:{tag}"
        else:
            text = f"{host}/{ns}/{name}:{tag}"
        reference = Reference(
            text=text, path=file.relpath, line=1, column=1, detector=self.id, confidence=0.9,
            use=Use.INFERENCE, provider=P.OLLAMA, note="Ollama manifest",
        )  # fmt: skip
        return Detection((reference,))
