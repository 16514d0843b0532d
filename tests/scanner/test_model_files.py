"""Model-file detectors: GGUF and safetensors headers (sound, truncated, lying), Ollama manifests."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest
from test_run_support import gguf_bytes, gguf_string, safetensors_bytes, settled

from openwatch.domain import Use
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.detectors.gguf_header import parse_gguf
from openwatch.scanner.detectors.model_files import GgufDetector, OllamaManifestDetector, SafetensorsDetector

KNOWN = {"meta-llama/Llama-3.1-8B-Instruct", "Alpha 7B Instruct"}
CONTEXT = ScanContext(root=Path("."))

LLAMA_FIELDS: dict[str, object] = {
    "general.architecture": "llama",
    "general.name": "Meta Llama 3.1 8B Instruct",
    "general.basename": "Meta-Llama-3.1",
    "general.size_label": "8B",
    "general.finetune": "Instruct",
    "general.license": "llama3.1",
    "general.parameter_count": 8_030_261_248,
    "general.base_model.count": 1,
    "general.base_model.0.name": "Llama 3.1 8B Instruct",
    "general.base_model.0.organization": "Meta Llama",
    "general.base_model.0.repo_url": "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct",
    "tokenizer.ggml.model": "gpt2",
}


def _detect(detector: Detector, tmp_path: Path, name: str, data: bytes) -> Detection:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return settled(detector.detect(SourceFile(path, name), CONTEXT), KNOWN)


def test_gguf_names_the_model_the_catalog_knows(tmp_path: Path) -> None:
    detection = _detect(GgufDetector(), tmp_path, "m/llama-Q4_K_M.gguf", gguf_bytes(LLAMA_FIELDS))
    assert detection.problem is None
    (ref,) = detection.references
    assert ref.text == "meta-llama/Llama-3.1-8B-Instruct"
    assert (ref.path, ref.detector, ref.use, ref.confidence) == (
        "m/llama-Q4_K_M.gguf",
        "gguf",
        Use.INFERENCE,
        0.95,
    )
    assert ref.note is not None
    assert "name=Meta Llama 3.1 8B Instruct" in ref.note and "license=llama3.1" in ref.note
    assert "parameter_count=8030261248" in ref.note and "architecture=llama" in ref.note
    assert detection.hints["license"] == "llama3.1"


def test_gguf_unknown_model_keeps_general_name(tmp_path: Path) -> None:
    fields = {"general.architecture": "qwen2", "general.name": "Mystery Model"}
    (ref,) = _detect(GgufDetector(), tmp_path, "x.gguf", gguf_bytes(fields)).references
    assert (ref.text, ref.confidence) == ("Mystery Model", 0.7)


def test_gguf_without_names_falls_back_to_file_stem(tmp_path: Path) -> None:
    (ref,) = _detect(GgufDetector(), tmp_path, "Phi-3-mini-Q8_0.gguf", gguf_bytes({})).references
    assert ref.text == "Phi-3-mini"


def test_gguf_skips_big_arrays_without_reading_them(tmp_path: Path) -> None:
    tokens = struct.pack("<IIQ", 9, 8, 3) + b"".join(gguf_string(t) for t in ("a", "b", "c"))
    floats = struct.pack("<IIQ", 9, 6, 1000) + b"\0" * 4000
    body = gguf_string("tokenizer.ggml.tokens") + tokens + gguf_string("scores") + floats
    body += gguf_string("general.name") + struct.pack("<I", 8) + gguf_string("Alpha 7B Instruct")
    data = b"GGUF" + struct.pack("<IQQ", 3, 1, 3) + body
    detection = _detect(GgufDetector(), tmp_path, "a.gguf", data)
    assert detection.problem is None and detection.references[0].text == "Alpha 7B Instruct"


def test_gguf_big_endian_header() -> None:
    body = gguf_string("general.name").replace(struct.pack("<Q", 12), struct.pack(">Q", 12))
    value = struct.pack(">I", 8) + struct.pack(">Q", 3) + b"abc"
    header = parse_gguf(b"GGUF" + struct.pack(">IQQ", 3, 0, 1) + body + value)
    assert header.fields == {"general.name": "abc"}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"GGU", "GGUF: too short for a GGUF header (3 bytes)"),
        (b"GGML" + b"\0" * 40, "GGUF: not a GGUF file (no GGUF magic)"),
        (gguf_bytes({}, version=7), "GGUF: unsupported GGUF version 7"),
        (gguf_bytes({}, tensors=2**63), "GGUF: implausible tensor count 9223372036854775808"),
        (
            gguf_bytes({}, kv_count=2**64 - 1),
            "GGUF: implausible metadata count 18446744073709551615 for a 24-byte file",
        ),
        (gguf_bytes({"a": "b"}, kv_count=5), "GGUF: implausible metadata count 5 for a 46-byte file"),
    ],
)
def test_gguf_bad_headers_are_problems(tmp_path: Path, data: bytes, problem: str) -> None:
    assert _detect(GgufDetector(), tmp_path, "bad.gguf", data) == Detection(problem=problem)


def test_gguf_lying_string_length_keeps_what_was_read(tmp_path: Path) -> None:
    good = gguf_bytes({"general.name": "Alpha 7B Instruct"}, kv_count=3)
    lie = gguf_string("general.license") + struct.pack("<IQ", 8, 2**63) + b"x" * 40
    detection = _detect(GgufDetector(), tmp_path, "lie.gguf", good + lie)
    assert detection.degraded is True
    assert detection.problem is not None
    assert detection.problem.startswith("GGUF: metadata broken off: string length 9223372036854775808")
    assert detection.references[0].text == "Alpha 7B Instruct"


@pytest.mark.parametrize(
    "tail",
    [
        struct.pack("<IIQ", 9, 8, 2**62),  # array count far past any cap
        struct.pack("<IIQ", 9, 12, 900_000),  # float64 array longer than the file
        struct.pack("<I", 99),  # unknown value type
        struct.pack("<IQ", 8, 50) + b"short",  # string longer than the file
        struct.pack("<II", 9, 9) + struct.pack("<Q", 1) + struct.pack("<II", 9, 9) * 10,  # nested arrays
    ],
)
def test_gguf_truncated_and_lying_values_are_problems_in_bounded_time(tmp_path: Path, tail: bytes) -> None:
    data = b"GGUF" + struct.pack("<IQQ", 3, 1, 2) + gguf_string("k") + tail + b"\0" * 16
    started = time.perf_counter()
    detection = _detect(GgufDetector(), tmp_path, "t.gguf", data)
    assert time.perf_counter() - started < 1.0
    assert detection.degraded is True
    assert detection.problem is not None and detection.problem.startswith("GGUF: metadata broken off:")


def test_gguf_empty_file(tmp_path: Path) -> None:
    assert _detect(GgufDetector(), tmp_path, "e.gguf", b"").problem == "GGUF: empty file"


def test_safetensors_uses_config_name_and_counts_parameters(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "config.json").write_text('{"_name_or_path": "meta-llama/Llama-3.1-8B-Instruct"}')
    data = safetensors_bytes({"a": [4096, 1000], "b": [7]}, {"format": "pt"})
    detection = _detect(SafetensorsDetector(), tmp_path, "w/model.safetensors", data)
    (ref,) = detection.references
    assert (ref.text, ref.confidence, ref.detector) == (
        "meta-llama/Llama-3.1-8B-Instruct",
        0.9,
        "safetensors",
    )
    assert ref.note == "safetensors: 4.1M parameters (4096007); format=pt"
    assert detection.hints["parameters"] == "4096007"


def test_safetensors_metadata_name(tmp_path: Path) -> None:
    data = safetensors_bytes({"w": [2, 2]}, {"modelspec.title": "Alpha 7B Instruct"})
    (ref,) = _detect(SafetensorsDetector(), tmp_path, "lora.safetensors", data).references
    assert ref.text == "Alpha 7B Instruct"


def test_safetensors_without_a_name_is_an_unresolved_hint(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"_name_or_path": "/home/me/checkpoints/run3"}')
    data = safetensors_bytes({"w": [1000, 1000], "b": [1000]})
    (ref,) = _detect(SafetensorsDetector(), tmp_path, "model.safetensors", data).references
    assert (ref.text, ref.confidence) == ("safetensors weights (1M params)", 0.3)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\1\0", "safetensors: too short for a safetensors header"),
        (
            struct.pack("<Q", 2**63) + b"{}",
            "safetensors: header length 9223372036854775808 is over the 100,000,000-byte limit",
        ),
        (
            struct.pack("<Q", 5000) + b"{}",
            "safetensors: header length 5000 is larger than the file (10 bytes)",
        ),
        (struct.pack("<Q", 5) + b"{oops", "safetensors: header is not valid JSON"),
        (struct.pack("<Q", 2) + b"[]", "safetensors: header is not a JSON object"),
        (struct.pack("<Q", 20_000) + b"[" * 20_000, "safetensors: header is not valid JSON"),
        (struct.pack("<Q", 22) + b'{"w": {"shape": [-1]}}', "safetensors: tensor 'w' has no valid shape"),
    ],
)
def test_safetensors_bad_headers_are_problems(tmp_path: Path, data: bytes, problem: str) -> None:
    assert _detect(SafetensorsDetector(), tmp_path, "bad.safetensors", data) == Detection(problem=problem)


@pytest.mark.parametrize(
    ("relpath", "text"),
    [
        ("models/manifests/registry.ollama.ai/library/llama3.1/8b", "llama3.1:8b"),
        ("manifests/registry.ollama.ai/someone/custom/latest", "someone/custom:latest"),
        (
            "manifests/hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF/Q4_K_M",
            "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M",
        ),
    ],
)
def test_ollama_manifest_names_model_and_tag(relpath: str, text: str) -> None:
    detector = OllamaManifestDetector()
    assert detector.accepts(relpath)
    (ref,) = settled(detector.detect(SourceFile(Path(relpath), relpath), CONTEXT)).references
    assert (ref.text, ref.provider, ref.use) == (text, "ollama", Use.INFERENCE)


def test_ollama_ignores_other_files() -> None:
    assert not OllamaManifestDetector().accepts("models/blobs/sha256-abc")
    assert not OllamaManifestDetector().accepts("src/manifests/app.py")
