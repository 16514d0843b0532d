"""Benchmark: loading the catalog and its alias index, cold (no cache) and warm (cached), in fresh processes.

The reference, measured in the same run, is a bare interpreter start that imports the same libraries
(pydantic, yaml) and loads nothing: the ratios show what the catalog itself costs on top of that.
Run: .venv/bin/python bench/catalog_load.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

REFERENCE = "import pydantic, yaml, openwatch.catalog.schema"
WARM = (
    "import time; from openwatch.catalog.load import load_catalog; t=time.perf_counter(); c=load_catalog(); "
    "print(time.perf_counter()-t, len(c.models), len(c.alias_index))"
)
COLD = WARM.replace("load_catalog()", "load_catalog(use_cache=False)")


def _run(code: str, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, out.stdout.strip()


def main() -> None:
    """Time reference, warm and cold loads; print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "OPENWATCH_CACHE": cache}
        _run(WARM, env)  # fills the cache
        rows: dict[str, list[float]] = {"reference": [], "warm": [], "cold": []}
        inner: dict[str, list[float]] = {"warm": [], "cold": []}
        detail = ""
        for _ in range(args.runs):
            rows["reference"].append(_run(REFERENCE, env)[0])
            for name, code in (("warm", WARM), ("cold", COLD)):
                wall, out = _run(code, env)
                rows[name].append(wall)
                inner[name].append(float(out.split()[0]))
                detail = out
    ref = statistics.median(rows["reference"])
    _, models, aliases = detail.split()
    print(f"catalog: {models} models, {aliases} index keys; {args.runs} runs each, medians")
    print(f"reference process (imports only): {ref:.3f} s")
    for name in ("warm", "cold"):
        wall = statistics.median(rows[name])
        load = statistics.median(inner[name])
        ratio = wall / ref
        print(
            f"{name:5} load_catalog(): {load:.3f} s in-process; process {wall:.3f} s = {ratio:.2f}x reference"
        )


if __name__ == "__main__":
    main()
