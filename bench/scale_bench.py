"""Scale benchmarks: cold and warm scans against rg, audit against scan, 1 vs 2 workers, a synthetic org of
many small repositories, and time and memory over copies of a tree (see bench/README.md)."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from scan_bench import HAND_PATTERNS, Run, timed, tree_size

OPENWATCH = [str(Path(sys.executable).with_name("openwatch"))]
RG = shutil.which("rg") or "rg"


def openwatch(*args: str) -> list[str]:
    """An openwatch command line, JSON to /dev/null-like output so rendering is timed but not printed."""
    return [*OPENWATCH, *args, "--format", "json", "-o", os.devnull, "--quiet"]


def rg_command(corpus: Path) -> list[str]:
    """rg with the hand-written model-name regex of scan_bench.py."""
    return [RG, "-n", "-i", *[arg for p in HAND_PATTERNS for arg in ("-e", p)], str(corpus)]


def env_with(cache: Path) -> dict[str, str]:
    """The environment with the scan cache (and the catalog cache) in a given folder, and Python's bytecode
    cache allowed (as after any installation; a sandbox's PYTHONDONTWRITEBYTECODE would recompile openwatch
    in every run)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "OPENWATCH_CACHE": str(cache), "OPENWATCH_HOME": str(cache / "home")}


def median(runs: list[Run], field: str = "seconds") -> float:
    """The median of one field over runs."""
    return statistics.median(getattr(r, field) for r in runs)


def show(name: str, runs: list[Run]) -> None:
    """One line: every run's wall time, the median, CPU and peak memory."""
    times = ", ".join(f"{r.seconds:.2f}" for r in runs)
    print(
        f"  {name:<28} median {median(runs):7.2f}s  CPU {median(runs, 'cpu'):6.2f}s"
        f"  peak {max(r.peak_mb for r in runs):5.0f} MB   [{times}]"
    )


def warm_catalog(cache: Path) -> None:
    """Compile the catalog into a cache folder once, so no timed run pays for it."""
    empty = cache / "empty"
    empty.mkdir(parents=True, exist_ok=True)
    timed(openwatch("scan", str(empty)), env_with(cache))


def cold_warm(corpus: Path, rounds: int, tmp: Path) -> None:
    """rg, a cold scan (empty cache), a warm scan (same cache), audit (warm), start-up; alternated rounds."""
    print(f"cold/warm on {corpus}: {tree_size(corpus)[0]} files, {tree_size(corpus)[1] / 1e6:.1f} MB")
    empty = tmp / "empty"
    empty.mkdir(exist_ok=True)
    shared = tmp / "catalog-cache"
    warm_catalog(shared)
    rows: dict[str, list[Run]] = {k: [] for k in ("rg", "cold", "warm", "audit", "scan --no-cache", "empty")}
    timed(rg_command(corpus))  # the OS file cache is warm for every tool alike
    for index in range(rounds):
        cache = tmp / f"cache-{index}"
        shutil.copytree(shared, cache)
        rows["rg"].append(timed(rg_command(corpus)))
        rows["cold"].append(timed(openwatch("scan", str(corpus)), env_with(cache)))
        rows["warm"].append(timed(openwatch("scan", str(corpus)), env_with(cache)))
        rows["audit"].append(timed(openwatch("audit", str(corpus), "--no-record"), env_with(cache)))
        rows["scan --no-cache"].append(timed(openwatch("scan", str(corpus), "--no-cache"), env_with(cache)))
        audit_cold = openwatch("audit", str(corpus), "--no-record", "--no-cache")
        rows.setdefault("audit --no-cache", []).append(timed(audit_cold, env_with(cache)))
        rows["empty"].append(timed(openwatch("scan", str(empty)), env_with(cache)))
        shutil.rmtree(cache)
    for name, runs in rows.items():
        show(name, runs)
    rg, cold, warm = median(rows["rg"]), median(rows["cold"]), median(rows["warm"])
    print(f"  cold / rg = {cold / rg:.1f}x (goal <= 15x); warm / cold = {warm / cold:.3f} (goal <= 0.10)")
    scan_nc, audit_nc = median(rows["scan --no-cache"]), median(rows["audit --no-cache"])
    print(
        f"  audit / scan, both warm = {median(rows['audit']) / warm:.2f}x;"
        f" both --no-cache = {audit_nc / scan_nc:.2f}x (goal <= 1.3x); start-up on an empty folder"
        f" {median(rows['empty']):.2f}s"
    )


def workers(corpus: Path, rounds: int, tmp: Path) -> None:
    """--jobs 1 against --jobs 2, --no-cache, alternated."""
    print(f"workers on {corpus}")
    rows: dict[str, list[Run]] = {"--jobs 1": [], "--jobs 2": []}
    warm_catalog(tmp)
    for _ in range(rounds):
        for name in rows:
            rows[name].append(
                timed(openwatch("scan", str(corpus), "--no-cache", *name.split()), env_with(tmp))
            )
    for name, runs in rows.items():
        show(name, runs)
    print(f"  speed-up with 2 workers: {median(rows['--jobs 1']) / median(rows['--jobs 2']):.2f}x")


SMALL_REPOSITORY = {
    "app/main.py": (
        'from openai import OpenAI\n\nclient = OpenAI()\nMODEL = "gpt-4o-mini"\n\n\n'
        "def answer(q):\n    return client.chat.completions.create(model=MODEL, messages=[])\n"
    ),
    "app/embed.py": (
        "from sentence_transformers import SentenceTransformer\n\n"
        'ENC = SentenceTransformer("{embed}")\n'
    ),
    "app/util.py": (
        "import json\n\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n" * 5
    ),
    "tests/test_main.py": "from app.main import answer\n\n\ndef test_answer():\n    assert answer\n",
    "README.md": "# Service {index}\n\nCalls the chat API. Run with `python -m app.main`.\n",
    "docker-compose.yml": (
        "services:\n  app:\n    image: python:3.12\n    environment:\n      - MODEL=gpt-4o-mini\n"
    ),
}
EMBEDDERS = ("sentence-transformers/all-MiniLM-L6-v2", "BAAI/bge-small-en-v1.5", "intfloat/e5-base-v2")


def synthetic_org(folder: Path, count: int) -> Path:
    """`count` small repositories (six files each, the embedder varying) and a --repos list naming them."""
    for index in range(count):
        for name, text in SMALL_REPOSITORY.items():
            path = folder / f"service-{index:04d}" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.replace("{embed}", EMBEDDERS[index % 3]).replace("{index}", str(index)))
    listing = folder / "repos.txt"
    listing.write_text("".join(f"service-{i:04d}\n" for i in range(count)))
    return listing


def org(counts: list[int], rounds: int, tmp: Path) -> None:
    """A synthetic org of N small repositories: scan --repos, cold and warm, time and peak memory per N."""
    print("synthetic org (6 files a repository): scan --repos LIST")
    for count in counts:
        listing = synthetic_org(tmp / f"org-{count}", count)
        rows: dict[str, list[Run]] = {"cold": [], "warm": [], "--jobs 1 --no-cache": []}
        for index in range(rounds):
            cache = tmp / f"org-cache-{count}-{index}"
            warm_catalog(cache)
            command = openwatch("scan", "--repos", str(listing))
            rows["cold"].append(timed(command, env_with(cache)))
            rows["warm"].append(timed(command, env_with(cache)))
            rows["--jobs 1 --no-cache"].append(
                timed([*command, "--jobs", "1", "--no-cache"], env_with(cache))
            )
        for name, runs in rows.items():
            show(f"{count} repos {name}", runs)
        print(f"  {count} repos: {median(rows['cold']) / count * 1000:.1f} ms a repository (cold)")


def copies(corpus: Path, factors: list[int], tmp: Path) -> None:
    """Time and peak memory of a --no-cache scan over 1x, 4x, ... hard-linked copies of a tree."""
    print(f"copies of {corpus} (hard links): scan --no-cache")
    first: tuple[float, float] | None = None
    warm_catalog(tmp)
    for factor in factors:
        big = tmp / f"copies-{factor}"
        for index in range(factor):
            shutil.copytree(
                corpus, big / f"copy-{index}", copy_function=os.link, ignore=shutil.ignore_patterns(".git")
            )
        run = timed(openwatch("scan", str(big), "--no-cache"), env_with(tmp))
        first = first or (run.seconds, run.cpu)
        print(
            f"  {factor:>3}x: {run.seconds:7.2f}s wall, {run.cpu:7.2f}s CPU"
            f" ({run.cpu / first[1]:5.1f}x the 1x CPU), peak {run.peak_mb:5.0f} MB"
        )
        shutil.rmtree(big)


def main() -> None:
    """Run the benchmarks asked for."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=("cold-warm", "workers", "org", "copies"))
    parser.add_argument("corpus", type=Path, nargs="?", help="a folder (cold-warm, workers, copies)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--counts", default="50,100,250,500", help="org: repositories per run")
    parser.add_argument("--factors", default="1,4,16,64", help="copies: how many copies per run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="openwatch-scale-") as name:
        tmp = Path(name)
        if args.what == "org":
            org([int(n) for n in args.counts.split(",")], args.rounds, tmp)
            return
        if args.corpus is None:
            parser.error(f"{args.what} needs a corpus folder")
        corpus = args.corpus.resolve()
        if args.what == "cold-warm":
            cold_warm(corpus, args.rounds, tmp)
        elif args.what == "workers":
            workers(corpus, args.rounds, tmp)
        else:
            copies(corpus, [int(n) for n in args.factors.split(",")], tmp)


if __name__ == "__main__":
    main()
