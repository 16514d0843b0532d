"""Time tree-sitter-python against `ast.parse` on every .py file of some folders: parse only, alternated.

Needs `pip install tree-sitter tree-sitter-python` in a separate environment (not project dependencies).
Usage: `python bench/ts_python_parse.py FOLDER... [--rounds N]` (bench/README.md). The garbage collector is
off for both, as the Python detector runs `ast.parse` with it off.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import gc
import time
from pathlib import Path

import tree_sitter as ts  # type: ignore[import-not-found]
import tree_sitter_python as ts_python  # type: ignore[import-not-found]


def main() -> None:
    """Read every .py file once, then time each parser over all of them, alternating, `rounds` times."""
    parser_args = argparse.ArgumentParser(description=__doc__)
    parser_args.add_argument("folders", nargs="+", type=Path)
    parser_args.add_argument("--rounds", type=int, default=3)
    args = parser_args.parse_args()
    files = [p for root in args.folders for p in sorted(root.rglob("*.py")) if p.is_file()]
    blobs = [p.read_bytes() for p in files]
    texts = [b.decode("utf-8", "replace") for b in blobs]
    parser = ts.Parser(ts.Language(ts_python.language()))
    errors = sum(1 for b in blobs if parser.parse(b).root_node.has_error)
    print(f"{len(files)} files, {sum(map(len, blobs)) / 1e6:.1f} MB; tree-sitter parse errors in {errors}")

    def with_ast() -> None:
        for text in texts:
            with contextlib.suppress(SyntaxError, ValueError, RecursionError, MemoryError):
                ast.parse(text)

    def with_tree_sitter() -> None:
        for blob in blobs:
            parser.parse(blob)

    gc.disable()
    timings: dict[str, list[float]] = {"ast.parse": [], "tree-sitter parse": []}
    for _ in range(args.rounds):
        for name, run in (("ast.parse", with_ast), ("tree-sitter parse", with_tree_sitter)):
            started = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - started)
    for name, seconds in timings.items():
        print(f"{name:<18} best {min(seconds):6.2f}s  [{', '.join(f'{s:.2f}' for s in seconds)}]")
    ratio = min(timings["ast.parse"]) / min(timings["tree-sitter parse"])
    print(f"ast.parse / tree-sitter (best of each): {ratio:.2f}x")


if __name__ == "__main__":
    main()
