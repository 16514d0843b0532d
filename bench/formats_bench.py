"""Benchmark: size and render time of every output format, on the example project and a 200-model audit.

The reference, measured in the same run, is serialising the same audit document as JSON (the format every
other one is rendered from): each format's time is printed as a ratio to it. The 200-model project is
written to a temporary folder: one Python file that loads 220 catalog models by their Hugging Face ids.
Run: .venv/bin/python bench/formats_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import openwatch
from openwatch.catalog.load import load_catalog
from openwatch.formats.registry import AUDIT_FORMATS, render

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "chat-assistant"
TODAY = dt.date(2026, 11, 29)


def _big_project(folder: Path, count: int = 220) -> Path:
    catalog = load_catalog()
    models = sorted((m for m in catalog.models.values() if m.aliases.hub), key=lambda m: m.id)[:count]
    lines = ["from transformers import AutoModel", ""]
    lines += [f'AutoModel.from_pretrained("{m.aliases.hub[0]}")' for m in models]
    (folder / "models.py").write_text("\n".join(lines) + "\n")
    return folder


def _time(document: dict[str, Any], fmt: str, runs: int) -> tuple[float, int]:
    render(document, fmt)  # warm: imports and template compilation are not the render
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        text = render(document, fmt)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(text.encode("utf-8"))


def _report(name: str, document: dict[str, Any], runs: int) -> None:
    measured = {fmt: _time(document, fmt, runs) for fmt in AUDIT_FORMATS}
    reference = measured["json"][0]
    print(f"\n{name}: {len(document['models'])} models, {len(document['findings'])} findings")
    print(f"{'format':<10} {'bytes':>11} {'median s':>9} {'× json':>7}")
    for fmt, (seconds, size) in measured.items():
        print(f"{fmt:<10} {size:>11,} {seconds:>9.3f} {seconds / reference:>7.2f}")


def main() -> None:
    """Audit both projects once, then time every format's rendering of each audit."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    example = openwatch.audit(EXAMPLE, today=TODAY)
    print(f"example audit: {time.perf_counter() - start:.2f} s")
    _report("example project", example, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        big = openwatch.audit(_big_project(Path(folder)), today=TODAY)
        print(f"\n200-model audit: {time.perf_counter() - start:.2f} s")
        _report("synthetic 200-model project", big, args.runs)


if __name__ == "__main__":
    main()
