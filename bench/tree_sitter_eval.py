"""Time the hand-written JS detector and shell splitter against tree-sitter parses of the same files.

Needs `pip install tree-sitter tree-sitter-javascript tree-sitter-typescript tree-sitter-bash` in a separate
environment with openwatch installed. Usage: `python bench/tree_sitter_eval.py FOLDER...` (bench/README.md).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tree_sitter as ts  # type: ignore[import-not-found]
import tree_sitter_bash as ts_bash  # type: ignore[import-not-found]
import tree_sitter_javascript as ts_js  # type: ignore[import-not-found]
import tree_sitter_typescript as ts_ts  # type: ignore[import-not-found]

from openwatch.scanner.js.hits import blank_long_lines, js_hits
from openwatch.scanner.shell.text import shell_hits

JS_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx")


def sources(roots: list[str], suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(path, text) of the files with these suffixes under the roots (vendored and minified left out)."""
    found = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d not in (".git", "node_modules", "dist", "build")]
            for name in names:
                path = os.path.join(folder, name)
                wanted = name.endswith(suffixes) and not name.endswith((".min.js", ".d.ts"))
                if wanted and os.path.getsize(path) < 2_000_000:
                    found.append((path, Path(path).read_text(encoding="utf-8", errors="replace")))
    return found


def best(work: Callable[[], object], runs: int = 5) -> float:
    """The fastest of several runs, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Print the timings for the JS/TS and shell files under the folders given."""
    roots = sys.argv[1:]
    js, sh = sources(roots, JS_SUFFIXES), sources(roots, (".sh", ".bash"))
    print(f"{len(js)} JS/TS files ({sum(len(t) for _, t in js) / 1e6:.1f} MB), {len(sh)} shell files")
    grammars = {
        ".tsx": ts.Language(ts_ts.language_tsx()),
        ".ts": ts.Language(ts_ts.language_typescript()),
        "": ts.Language(ts_js.language()),
    }
    parsers = {suffix: ts.Parser(grammar) for suffix, grammar in grammars.items()}
    texts = [blank_long_lines(text)[0] for _, text in js]
    jobs: list[tuple[Any, bytes]] = []
    for (path, _), text in zip(js, texts, strict=True):
        suffix = ".tsx" if path.endswith(".tsx") else ".ts" if path.endswith(".ts") else ""
        jobs.append((parsers[suffix], text.encode()))
    queries = {id(p): ts.Query(g, "(call_expression) @c (new_expression) @n") for p, g in zip(
        parsers.values(), grammars.values(), strict=True)}  # fmt: skip

    def visit_all() -> int:
        """Parse, then visit every node from Python."""
        count = 0
        for parser, data in jobs:
            stack = [parser.parse(data).root_node]
            while stack:
                node = stack.pop()
                count += 1
                stack.extend(node.children)
        return count

    def query_calls() -> int:
        """Parse, then query call and new expressions."""
        return sum(
            len(ts.QueryCursor(queries[id(parser)]).captures(parser.parse(data).root_node))
            for parser, data in jobs
        )

    print(f"JS hand-written js_hits (whole detector): {best(lambda: [js_hits(t) for t in texts]):.3f} s")
    print(f"JS tree-sitter parse only: {best(lambda: [p.parse(d) for p, d in jobs]):.3f} s")
    print(f"JS tree-sitter parse + visit every node: {best(visit_all, 3):.3f} s")
    print(f"JS tree-sitter parse + query calls: {best(query_calls, 3):.3f} s")
    bash = ts.Parser(ts.Language(ts_bash.language()))
    scripts = [text for _, text in sh]
    print(f"shell hand-written shell_hits: {best(lambda: [shell_hits(t, 'sh') for t in scripts]):.3f} s")
    print(
        f"shell tree-sitter-bash parse only: {best(lambda: [bash.parse(t.encode()) for t in scripts]):.3f} s"
    )
    js_errors = sum(1 for parser, data in jobs if parser.parse(data).root_node.has_error)
    sh_errors = sum(1 for text in scripts if bash.parse(text.encode()).root_node.has_error)
    print(f"files tree-sitter parses with errors: JS/TS {js_errors}/{len(jobs)}, shell {sh_errors}/{len(sh)}")


if __name__ == "__main__":
    main()
