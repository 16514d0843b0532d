"""Derive "the 60 most used models" from Ollama pull counts and the scan-quality labels; write a frozen list.

Run: .venv/bin/python bench/most_used.py [--out bench/most_used_models.csv]

Method (reproducible from files in the repository):
1. Ollama: the library entries of data/sources/ollama/ollama_models.json in order of pulls (ties by slug).
   Each entry's default tag (`slug:latest`) is resolved offline with the catalog's resolver; the first 30
   distinct catalog models are taken (entries that resolve to nothing are skipped, and listed).
2. Code: the catalog ids in the `model_id_if_known` column of bench/quality/labels/*.csv, ranked by the number
   of labelled (model, file) pairs across the three repositories (ties by id); the first 30 not already taken.
The list is written once and committed, so that later catalog changes are measured on the same 60 models.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from openwatch.catalog.load import load_catalog
from openwatch.catalog.resolve import Resolver

ROOT = Path(__file__).resolve().parents[1]
OLLAMA = ROOT / "data" / "sources" / "ollama" / "ollama_models.json"
LABELS = ROOT / "bench" / "quality" / "labels"
PER_SOURCE = 30


def ollama_models(resolver: Resolver, limit: int) -> tuple[list[tuple[str, str]], list[str]]:
    """(model id, evidence) of the most pulled Ollama entries, and the entries that did not resolve."""
    entries = json.loads(OLLAMA.read_text(encoding="utf-8"))["models"]
    entries.sort(key=lambda e: (-int(e["pulls"]), e["slug"]))
    chosen: list[tuple[str, str]] = []
    skipped: list[str] = []
    for entry in entries:
        found = resolver.resolve(f"{entry['slug']}:latest", "ollama").model_id
        if found is None:
            skipped.append(entry["slug"])
        elif found not in {model for model, _ in chosen}:
            chosen.append((found, f"ollama {entry['slug']}:latest, {entry['pulls']:,} pulls"))
        if len(chosen) == limit:
            break
    return chosen, skipped


def labelled_models() -> Counter[str]:
    """Labelled (model, file) pairs per catalog id across the quality labels."""
    counts: Counter[str] = Counter()
    for path in sorted(LABELS.glob("*.csv")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        for row in csv.DictReader(lines):
            model = (row.get("model_id_if_known") or "").strip()
            if model:
                counts[model] += 1
    return counts


def most_used(limit: int = PER_SOURCE) -> tuple[list[tuple[str, str]], list[str]]:
    """The 2 × limit models (id, evidence) and the Ollama entries skipped as unresolved."""
    chosen, skipped = ollama_models(Resolver(load_catalog()), limit)
    taken = {model for model, _ in chosen}
    counts = labelled_models()
    ranked = sorted(counts, key=lambda model: (-counts[model], model))
    extra = [(m, f"quality labels, {counts[m]} (model, file) pairs") for m in ranked if m not in taken]
    return chosen + extra[:limit], skipped


def main() -> None:
    """Write the list as CSV (rank, model_id, evidence) and say what was skipped."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "most_used_models.csv")
    args = parser.parse_args()
    models, skipped = most_used()
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["rank", "model_id", "evidence"])
        for rank, (model, evidence) in enumerate(models, 1):
            writer.writerow([rank, model, evidence])
    print(
        f"wrote {len(models)} models to {args.out}; Ollama entries not in the catalog: {', '.join(skipped)}"
    )


if __name__ == "__main__":
    main()
