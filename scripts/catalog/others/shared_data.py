"""Read-only views of data/sources for the other-labs generator (Epoch, LiteLLM, Ollama)."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

SHARED_DATA = Path(__file__).resolve().parents[3] / "data" / "sources"
EPOCH_FILES = ("notable_ai_models.csv", "large_scale_ai_models.csv", "frontier_ai_models.csv")

EPOCH_SOURCE: dict[str, Any] = {
    "publisher": "Epoch AI, 'Data on AI Models'",
    "url": "https://epoch.ai/data/ai-models",
    "status": "reported",
}
LITELLM_SOURCE: dict[str, Any] = {
    "publisher": "LiteLLM model map (model_prices_and_context_window.json, litellm 1.110.2)",
    "url": "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json",
    "status": "reported",
}

_METHODS = {"reported": "reported", "operation counting": "6ND", "hardware": "hardware"}
_SIX_ND = re.compile(r"6\s*\*|\*\s*6\b|6ND|6 FLOP|6\s*x\s*\d|6 \* ", re.IGNORECASE)
_HARDWARE = re.compile(r"\bGPUs?\b|\bTPU|A100|H100|H800|petaflop|GPU-hours|days", re.IGNORECASE)


@dataclass(frozen=True)
class EpochRow:
    """The fields of one Epoch AI row that the catalog uses."""

    model: str
    published: str
    parameters: float | None
    compute: float | None
    confidence: str
    method: str


def _float(text: str | None) -> float | None:
    """A CSV cell as a float, or None when blank or unparsable."""
    if not text or not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _method(row: dict[str, str]) -> str:
    """How Epoch estimated the compute: its own column when present, else read from its notes."""
    stated = (row.get("Training compute estimation method") or "").split(",")[0].strip().lower()
    if stated in _METHODS:
        return _METHODS[stated]
    notes = row.get("Training compute notes") or ""
    if _SIX_ND.search(notes):
        return "6ND"
    if _HARDWARE.search(notes):
        return "hardware"
    if "report" in notes.lower():
        return "reported"
    return "unknown"


class SharedData:
    """Lazily loaded views of the shared datasets."""

    def __init__(self, root: Path = SHARED_DATA) -> None:
        """Point the loader at a shared data folder."""
        self.root = root

    @cached_property
    def epoch(self) -> dict[str, EpochRow]:
        """Epoch rows by model name (first file wins, but the frontier file's stated compute method wins)."""
        rows: dict[str, EpochRow] = {}
        for name in EPOCH_FILES:
            with (self.root / "epoch" / name).open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    key = row["Model"].strip()
                    if key in rows:
                        stated = (row.get("Training compute estimation method") or "").strip()
                        if stated and rows[key].method != _method(row):
                            rows[key] = dataclasses.replace(rows[key], method=_method(row))
                        continue
                    rows[key] = EpochRow(
                        model=key,
                        published=row.get("Publication date", "").strip(),
                        parameters=_float(row.get("Parameters")),
                        compute=_float(row.get("Training compute (FLOP)")),
                        confidence=(row.get("Confidence") or "").strip(),
                        method=_method(row),
                    )
        return rows

    @cached_property
    def litellm(self) -> dict[str, dict[str, Any]]:
        """LiteLLM entries by key."""
        path = self.root / "litellm" / "model_prices_and_context_window.json"
        data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        data.pop("sample_spec", None)
        return data

    @cached_property
    def litellm_tails(self) -> dict[str, list[str]]:
        """LiteLLM keys indexed by their last path segment and by any region-stripped Bedrock form."""
        index: dict[str, list[str]] = {}
        for key in self.litellm:
            tail = key.rsplit("/", 1)[-1]
            index.setdefault(tail.lower(), []).append(key)
            stripped = re.sub(r"^(us|eu|apac|global|jp|au|ca|us-gov)\.", "", tail)
            if stripped != tail:
                index.setdefault(stripped.lower(), []).append(key)
        return index

    def litellm_entries(self, alias: str) -> list[dict[str, Any]]:
        """Every LiteLLM entry whose key is this alias or ends in it."""
        keys = set(self.litellm_tails.get(alias.lower(), []))
        if alias in self.litellm:
            keys.add(alias)
        return [self.litellm[k] for k in sorted(keys)]

    @cached_property
    def ollama_tags(self) -> set[str]:
        """Every Ollama library tag (model:tag) and every bare library slug."""
        path = self.root / "ollama" / "ollama_models.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        tags: set[str] = set()
        for model in data["models"]:
            tags.add(model["slug"])
            tags.update(variant["tag"] for variant in model["variants"])
        return tags
