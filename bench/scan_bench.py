"""Benchmark `openwatch scan` against ripgrep and ai-bom on a corpus you supply (see bench/README.md)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    """One timed child process: wall and CPU seconds, peak RSS of its process tree, exit status."""

    seconds: float
    cpu: float
    peak_mb: float
    status: int


def timed(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command, output discarded; wait4 gives the peak RSS of it and of the children it waited for."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(command, stdout=sink, stderr=sink, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def tree_size(root: Path) -> tuple[int, int]:
    """Files and bytes under a root, .git excluded."""
    files = size = 0
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                files += 1
                size += path.stat().st_size
    return files, size


def replicate(corpus: Path, copies: int, into: Path) -> Path:
    """A bigger tree made of hard-linked copies of the corpus (no extra disk; for the memory goal)."""
    for index in range(copies):
        shutil.copytree(
            corpus, into / f"copy-{index}", copy_function=os.link, ignore=shutil.ignore_patterns(".git")
        )
    return into


HAND_PATTERNS = (
    r"gpt-[0-9o]", "claude", "llama", "mistral", "mixtral", "gemini", "gemma", "qwen", "deepseek",
    r"phi-[0-9]", "from_pretrained", r"model(_name|_id)?\s*[=:]", r"\.gguf", "ollama",
)  # fmt: skip
"""A hand-written multi-pattern regex of the kind one would grep a codebase with for model names."""


def rg_patterns(into: Path) -> Path:
    """The catalog aliases (4+ characters) and detector keywords, one fixed string a line, for `rg -F -f`."""
    from openwatch.catalog.load import load_catalog
    from openwatch.scanner.detectors.registry import default_detectors

    catalog = load_catalog()
    words = {alias for alias in catalog.alias_index if len(alias) >= 4}
    words |= {k.lower() for d in default_detectors() for k in d.keywords if len(k) >= 4}
    path = into / "patterns.txt"
    path.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    return path


def openwatch_command(corpus: Path, out: Path, jobs: int) -> list[str]:
    """`openwatch scan` as a user runs it, JSON to a file so terminal rendering is not timed."""
    script = Path(sys.executable).with_name("openwatch")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "openwatch"]
    return [*head, "scan", str(corpus), "--format", "json", "-o", str(out), "--quiet", "--jobs", str(jobs)]


def measure(name: str, command: list[str], runs: int, env: dict[str, str] | None = None) -> list[Run]:
    """One warm-up run (fills the OS file cache for every tool alike), then `runs` timed ones."""
    timed(command, env)
    results = [timed(command, env) for _ in range(runs)]
    failed = [r.status for r in results if r.status not in (0, 1)]
    print(
        f"  {name}: {', '.join(f'{r.seconds:.2f}s' for r in results)}"
        + (f" (exit {failed})" if failed else "")
    )
    return results


def main() -> None:
    """Parse arguments, run each tool on the corpus, print medians, ratios and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path, help="a folder to scan (fetched beforehand, e.g. with git)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="openwatch --jobs (0: all CPUs)")
    parser.add_argument("--aibom", default=shutil.which("ai-bom"), help="path of the ai-bom executable")
    parser.add_argument("--rg", default=shutil.which("rg"), help="path of the rg executable")
    parser.add_argument("--replicate", type=int, default=0, help="also scan N hard-linked copies (memory)")
    parser.add_argument("--no-alias-rg", action="store_true", help="skip the slow rg run over every alias")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    files, size = tree_size(corpus)
    print(f"corpus {corpus}: {files} files, {size / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory(prefix="openwatch-bench-") as tmp_name:
        tmp = Path(tmp_name)
        timings: dict[str, list[Run]] = {}
        timings["openwatch"] = measure(
            "openwatch", openwatch_command(corpus, tmp / "ow.json", args.jobs), args.runs
        )
        report = json.loads((tmp / "ow.json").read_text(encoding="utf-8"))
        print(f"  openwatch found {len(report['models'])} models, {report['stats']['references']} references")
        if args.rg:
            regex = [arg for pattern in HAND_PATTERNS for arg in ("-e", pattern)]
            timings["rg"] = measure("rg -n -i <regex>", [args.rg, "-n", "-i", *regex, str(corpus)], args.runs)
            if not args.no_alias_rg:
                aliases = [args.rg, "-n", "-i", "-F", "-f", str(rg_patterns(tmp)), str(corpus)]
                timings["rg aliases"] = measure("rg -n -i -F -f <aliases+keywords>", aliases, args.runs)
        if args.aibom:
            env = {**os.environ, "AI_BOM_TELEMETRY": "0"}
            aibom = [args.aibom, "scan", str(corpus), "--deep", "-q", "--no-telemetry", "-f", "json"]
            timings["ai-bom --deep"] = measure("ai-bom --deep", [*aibom, "-o", str(tmp / "ab.json")], 1, env)
        ours = statistics.median(r.seconds for r in timings["openwatch"])
        ours_cpu = statistics.median(r.cpu for r in timings["openwatch"])
        print(f"\n{'tool':<16}{'median s':>10}{'CPU s':>8}{'peak MB':>10}{'wall ratio':>12}{'CPU ratio':>11}")
        for name, runs in timings.items():
            median = statistics.median(r.seconds for r in runs)
            cpu = statistics.median(r.cpu for r in runs)
            peak = max(r.peak_mb for r in runs)
            ratios = f"{median / ours:>11.2f}x{cpu / ours_cpu:>10.2f}x"
            print(f"{name:<16}{median:>10.2f}{cpu:>8.2f}{peak:>10.0f}{ratios}")
        if "ai-bom --deep" in timings:
            ratio = statistics.median(r.seconds for r in timings["ai-bom --deep"]) / ours
            print(f"goal ≥ 10x faster than ai-bom --deep: {ratio:.1f}x {'met' if ratio >= 10 else 'NOT met'}")
        if "rg" in timings:
            ratio = ours / statistics.median(r.seconds for r in timings["rg"])
            print(f"goal within 30x of rg (hand regex): {ratio:.1f}x {'met' if ratio <= 30 else 'NOT met'}")
        if args.replicate:
            big = replicate(corpus, args.replicate, tmp / "big")
            big_files, big_size = tree_size(big)
            run = timed(openwatch_command(big, tmp / "big.json", args.jobs))
            verdict = "met" if run.peak_mb < 200 else "NOT met"
            where = f"{args.replicate} copies, {big_files} files, {big_size / 1e6:.0f} MB"
            print(f"\n{where}: {run.seconds:.1f}s, peak {run.peak_mb:.0f} MB (goal < 200 MB: {verdict})")


if __name__ == "__main__":
    main()
