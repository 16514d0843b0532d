"""How a scan's cost grows with its input: CPU time of every detector shape (tests/hostile/growth_shapes.py)
at 1×, 10× and 100× its size, and of a whole `openwatch scan` of trees of 1×, 10× and 100× as many files.

Each ratio is against the smaller size measured in the same run; linear growth shows as ratios near the size
ratio (about 10). Run: .venv/bin/python bench/linear_growth.py [--runs N] [--only NAME] [--files N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "hostile"), str(ROOT / "bench")]

from growth_measure import detect_all  # noqa: E402
from growth_shapes import SHAPES  # noqa: E402
from scan_bench import timed  # noqa: E402


def cpu_seconds(work: object, runs: int) -> float:
    """The median CPU time of `runs` calls of work() (after one warm-up call)."""
    assert callable(work)
    work()
    times = []
    for _ in range(runs):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return statistics.median(times)


def shapes(runs: int, only: str, root: Path) -> None:
    """Print each shape's size and CPU time at 1×, 10× and 100×, with the growth ratios."""
    header = ["1x bytes", "1x s", "10x s", "100x s", "size x10", "t x10", "t x100"]
    print(f"{'shape':24} " + " ".join(f"{h:>9}" for h in header))
    for shape in SHAPES:
        if only and only not in shape.name:
            continue
        sizes, seconds = [], []
        for factor in (1, 10, 100):
            relpath, text = shape.make(shape.unit * factor)
            sizes.append(len(text))
            seconds.append(cpu_seconds(detect_all(relpath, text, root), runs))
        grow = sizes[2] / sizes[1]
        ratios = (seconds[1] / max(seconds[0], 1e-6), seconds[2] / max(seconds[1], 1e-6))
        print(
            f"{shape.name:24} {sizes[0]:>9,} {seconds[0]:>9.4f} {seconds[1]:>9.4f} {seconds[2]:>9.4f} "
            f"{grow:>9.1f} {ratios[0]:>9.1f} {ratios[1]:>9.1f}"
        )


def _tree(root: Path, files: int) -> None:
    """`files` small Python files in folders of 100, and a .gitignore of 1,000 patterns per 100 files."""
    for i in range(files):
        folder = root / f"d{i // 100}"
        folder.mkdir(parents=True, exist_ok=True)
        code = f"from openai import OpenAI\nOpenAI().chat.completions.create(model='m{i}')\n"
        (folder / f"f{i}.py").write_text(code)
    (root / ".gitignore").write_text("".join(f"pattern-{i}/**/*.tmp\n*.ext{i}\n" for i in range(5 * files)))


def trees(files: int) -> None:
    """Print wall and CPU time and peak memory of `openwatch scan` on trees of 1×, 10×, 100× `files` files."""
    print(f"\n{'tree files':>10} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'wall ratio':>10}")
    previous = None
    with tempfile.TemporaryDirectory() as folder:
        for factor in (1, 10, 100):
            root = Path(folder, str(factor))
            _tree(root, files * factor)
            run = timed(
                [sys.executable, "-m", "openwatch", "scan", str(root), "-f", "json", "-q", "--jobs", "1"]
            )
            ratio = f"{run.seconds / previous:>10.1f}" if previous else f"{'':>10}"
            print(f"{files * factor:>10,} {run.seconds:>8.2f} {run.cpu:>8.2f} {run.peak_mb:>8.0f} {ratio}")
            previous = run.seconds


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="only shapes whose name contains this")
    parser.add_argument("--files", type=int, default=100, help="files of the 1× tree (0: no tree)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        shapes(args.runs, args.only, Path(root))
    if args.files:
        trees(args.files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
