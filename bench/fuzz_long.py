"""A fuzzing session longer than CI affords: the property tests of tests/hostile/test_fuzz_*.py with many more
inputs each; prints, per test, the inputs tried and the failures, and the totals.

Run: .venv/bin/python bench/fuzz_long.py [--examples N] [-k EXPRESSION]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_TEST = re.compile(r"^(tests/\S+::\S+):$")
_COUNTS = re.compile(r"- (\d+) passing, (\d+) failing, and (\d+) invalid")


def main() -> int:
    """Run the long session and print its counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5_000, help="inputs per test (default 5,000)")
    parser.add_argument("-k", default="", help="only tests matching this pytest expression")
    args = parser.parse_args()
    env = {**os.environ, "OPENWATCH_FUZZ_PROFILE": "long", "OPENWATCH_FUZZ_EXAMPLES": str(args.examples)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics"]
    tests = sorted((ROOT / "tests" / "hostile").glob("test_fuzz_*.py"))
    command += [str(path.relative_to(ROOT)) for path in tests]
    command += ["-k", args.k] if args.k else []
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    totals = [0, 0, 0]
    test = ""
    print(f"{'test':70} {'inputs':>8} {'failing':>8} {'invalid':>8}")
    for line in done.stdout.splitlines():
        if match := _TEST.match(line.strip()):
            test = match.group(1).split("::")[-1]
        elif (match := _COUNTS.search(line)) and test:
            counts = [int(group) for group in match.groups()]
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            print(f"{test:70} {counts[0] + counts[1]:>8,} {counts[1]:>8,} {counts[2]:>8,}")
    print(f"{'total':70} {totals[0] + totals[1]:>8,} {totals[1]:>8,} {totals[2]:>8,}")
    print(f"{seconds:.0f} s; pytest exit code {done.returncode}")
    failures = [line for line in done.stdout.splitlines() if line.startswith(("FAILED", "E   "))]
    print("\n".join(failures[:60]) or "no failures")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
