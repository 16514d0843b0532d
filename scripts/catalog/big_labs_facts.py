"""Look up, and cross-check, big-lab catalog facts against the vendored Epoch, LiteLLM and Ollama datasets.

Usage (from the repository root):

    .venv/bin/python scripts/catalog/big_labs_facts.py epoch 'Llama 3\\.1'
    .venv/bin/python scripts/catalog/big_labs_facts.py litellm '^claude-3-5'
    .venv/bin/python scripts/catalog/big_labs_facts.py ollama llama3.1
    .venv/bin/python scripts/catalog/big_labs_facts.py check meta google

`check` reads the lab YAML files and reports every snapshot deprecation date that differs from LiteLLM's,
every Ollama tag the scrape does not know (a tag may drop a quantisation suffix), and every Epoch-sourced
compute or parameter figure that no Epoch row holds. It prints nothing and exits 0 when all agree.
Output is sorted, so runs are repeatable.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("OPENWATCH_DATA", str(Path(__file__).resolve().parents[2] / "data" / "sources")))
LABS_DIR = ROOT / "src/openwatch/catalog/data/curated/labs"
EPOCH_FILES = ("notable_ai_models.csv", "large_scale_ai_models.csv", "frontier_ai_models.csv")
FIRST_PARTY = {
    "openai",
    "text-completion-openai",
    "anthropic",
    "mistral",
    "xai",
    "deepseek",
    "gemini",
    "vertex_ai-language-models",
    "dashscope",
    "vertex_ai-anthropic_models",
}
VENDOR_PREFIXES = ("mistral", "xai", "deepseek", "dashscope", "vertex_ai")
QUANT_SUFFIX = re.compile(r"-(q\d\w*|fp16|bf16|fp8|fp4|mxfp4|mxfp8|int4|int8|nvfp4)$", re.IGNORECASE)
BIG_LABS = ("meta", "google", "mistral", "alibaba", "deepseek", "microsoft", "openai", "anthropic", "xai")


@dataclass(frozen=True)
class EpochRow:
    """The Epoch fields the catalog uses, from one CSV row."""

    file: str
    model: str
    organization: str
    date: str
    parameters: str
    compute: str
    confidence: str
    accessibility: str
    notes: str


def epoch_rows() -> list[EpochRow]:
    """Every row of the three Epoch CSVs, in file order."""
    rows: list[EpochRow] = []
    for name in EPOCH_FILES:
        with (SHARED / "epoch" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rows.append(
                    EpochRow(
                        file=name,
                        model=row["Model"].strip(),
                        organization=row["Organization"],
                        date=row["Publication date"],
                        parameters=row["Parameters"],
                        compute=row["Training compute (FLOP)"],
                        confidence=row["Confidence"],
                        accessibility=row["Model accessibility"],
                        notes=" ".join(row["Training compute notes"].split())[:160],
                    )
                )
    return rows


def litellm_map() -> dict[str, dict[str, Any]]:
    """LiteLLM's model map without its schema sample."""
    with (SHARED / "litellm/model_prices_and_context_window.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return {key: value for key, value in data.items() if key != "sample_spec" and isinstance(value, dict)}


def ollama_tags() -> dict[str, list[dict[str, Any]]]:
    """Ollama library slug -> its tag rows."""
    with (SHARED / "ollama/ollama_models.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return {model["slug"]: model["variants"] for model in data["models"]}


def cmd_epoch(pattern: str) -> None:
    """Print the Epoch rows whose model name matches a regular expression."""
    regex = re.compile(pattern, re.IGNORECASE)
    for row in epoch_rows():
        if regex.search(row.model):
            print(
                f"{row.file[:8]} | {row.model} | {row.organization[:30]} | {row.date} | {row.parameters} | "
                f"{row.compute} | {row.confidence} | {row.accessibility} | {row.notes}"
            )


def cmd_litellm(pattern: str) -> None:
    """Print LiteLLM keys matching a regular expression, with provider, mode and deprecation date."""
    regex = re.compile(pattern, re.IGNORECASE)
    for key, value in sorted(litellm_map().items()):
        if regex.search(key):
            print(
                f"{key} | {value.get('litellm_provider')} | {value.get('mode')} | "
                f"{value.get('deprecation_date', '')}"
            )


def cmd_ollama(slug: str) -> None:
    """Print a library model's tags without quantisation suffixes, and the tags as large as 'latest'."""
    variants = ollama_tags()[slug]
    sizes = {row["tag"]: row.get("size_bytes") for row in variants}
    latest_size = sizes.get(f"{slug}:latest")
    same = sorted(tag for tag, size in sizes.items() if size == latest_size and not tag.endswith(":latest"))
    print("base tags:", " ".join(sorted({QUANT_SUFFIX.sub("", tag) for tag in sizes})))
    print("latest has the size of:", " ".join(same) or "(no latest tag)")


def _lab_files(labs: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for lab in labs:
        path = LABS_DIR / f"{lab}.yaml"
        if path.is_file():
            yield lab, yaml.safe_load(path.read_text(encoding="utf-8"))


def _is_epoch(source: dict[str, Any] | None) -> bool:
    return bool(source) and "Epoch" in str(source.get("publisher", "") if source else "")


def _first_party(lite: dict[str, dict[str, Any]], api_id: str) -> dict[str, Any] | None:
    """LiteLLM's entry for an API id under its vendor's own provider: the bare key, else a vendor prefix."""
    for key in (api_id, *(f"{prefix}/{api_id}" for prefix in VENDOR_PREFIXES)):
        entry = lite.get(key)
        if entry is not None and entry.get("litellm_provider") in FIRST_PARTY:
            return entry
    return None


def _near(value: float, known: list[float]) -> bool:
    """True if an Epoch figure equals the value up to float noise (Epoch writes 2.7300000000001e+23)."""
    return any(abs(value - other) <= 1e-9 * abs(other) for other in known)


def check(labs: list[str]) -> list[str]:
    """Every disagreement between the lab files and the datasets, as sorted messages."""
    lite = litellm_map()
    tags = {row["tag"] for rows in ollama_tags().values() for row in rows}
    tags |= {QUANT_SUFFIX.sub("", tag) for tag in tags}
    computes = [float(r.compute) for r in epoch_rows() if r.compute]
    params = [float(r.parameters) for r in epoch_rows() if r.parameters]
    problems: list[str] = []
    for lab, data in _lab_files(labs):
        for model in data.get("models", []):
            mid = model["id"]
            for snap in model.get("snapshots", []):
                entry = _first_party(lite, snap["id"])
                if entry is None:
                    continue
                want = entry.get("deprecation_date")
                have = snap.get("deprecation_date")
                if (str(have) if have else None) != want:
                    problems.append(f"{lab}: {mid}: snapshot {snap['id']}: catalog {have}, LiteLLM {want}")
            for tag in model.get("aliases", {}).get("ollama", []):
                full = tag if ":" in tag else f"{tag}:latest"
                if full not in tags:
                    problems.append(f"{lab}: {mid}: ollama tag {tag!r} not in the scrape")
            compute = model.get("training_compute", {})
            if _is_epoch(compute.get("source")) and not _near(float(compute["value"]), computes):
                problems.append(f"{lab}: {mid}: compute {compute['value']} is in no Epoch row")
            parameters = model.get("parameters", {})
            if _is_epoch(parameters.get("source")) and not _near(float(parameters["total"]), params):
                problems.append(f"{lab}: {mid}: parameters {parameters['total']} are in no Epoch row")
    return sorted(problems)


def main(argv: list[str]) -> int:
    """Dispatch the sub-command; return the exit code."""
    if len(argv) >= 2 and argv[0] == "epoch":
        cmd_epoch(argv[1])
    elif len(argv) >= 2 and argv[0] == "litellm":
        cmd_litellm(argv[1])
    elif len(argv) >= 2 and argv[0] == "ollama":
        cmd_ollama(argv[1])
    elif argv and argv[0] == "check":
        problems = check(argv[1:] or list(BIG_LABS))
        print("\n".join(problems))
        return 1 if problems else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
