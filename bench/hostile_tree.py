"""Scan the hostile corpus (tests/hostile/hostile_corpus.py) and print wall time, CPU, peak memory, files
skipped and budgets fired, against `openwatch --version` (the process start-up) measured in the same run.

Run: .venv/bin/python bench/hostile_tree.py [--tree DIR] [--openwatch PATH] [-- extra scan options]
(`--openwatch` another installation's executable measures it on the same tree, e.g. main's before a change.)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "hostile"), str(ROOT / "bench")]

from hostile_corpus import Canary, build  # noqa: E402
from scan_bench import timed  # noqa: E402


def main() -> int:
    """Build the tree if needed, scan it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, help="an existing corpus (else one is built in a temporary one)")
    parser.add_argument("--openwatch", default=str(Path(sys.executable).with_name("openwatch")))
    parser.add_argument("scan_options", nargs="*", help="options passed to `openwatch scan` (after --)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tree = args.tree
        if tree is None:
            tree = Path(folder, "tree")
            build(tree, Canary(Path(folder, "canary"), 9))
        report = Path(folder, "scan.json")
        reference = timed([args.openwatch, "--version"])
        scan = [args.openwatch, "scan", str(tree), "-f", "json", "-q", "-o", str(report)]
        run = timed([*scan, *args.scan_options])
        print(f"openwatch --version: {reference.seconds:.2f} s wall, {reference.peak_mb:.0f} MB peak")
        print(
            f"scan of the hostile tree: exit {run.status}, {run.seconds:.1f} s wall "
            f"({run.seconds / reference.seconds:.0f}x the start-up), {run.cpu:.1f} s CPU, "
            f"{run.peak_mb:.0f} MB peak"
        )
        if run.status == 0:
            document = json.loads(report.read_text())
            stats = document["stats"]
            print(f"files seen {stats['files_seen']:,}, skipped {len(document['skipped'])}, "
                  f"over budget {stats.get('files_over_budget', 0)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
