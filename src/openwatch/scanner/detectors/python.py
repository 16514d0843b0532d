"""The Python detector: model ids reaching declared AI SDK call sites, read from the AST, never run."""

from __future__ import annotations

import ast
import gc
import re

from openwatch.domain import Reference
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.python.calls import CallScan
from openwatch.scanner.python.embedded import embedded_config_references
from openwatch.scanner.python.env import build_env
from openwatch.scanner.python.keys import KeyScan
from openwatch.scanner.python.modules import ModuleLoader
from openwatch.scanner.sdks import PREFILTER_KEYWORDS

_STRING_LITERAL = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""")
"""A quoted string on one line; read left to right, so the text between two literals is never one."""
DEGRADED_CONFIDENCE = 0.5


class PythonDetector(Detector):
    """Finds the model ids passed to AI SDK and framework call sites in Python source files."""

    id = "python"
    keywords = PREFILTER_KEYWORDS

    def accepts(self, relpath: str) -> bool:
        """Python source files."""
        return relpath.endswith((".py", ".pyw"))

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """The references in one Python file; bad input becomes Detection.problem, never an exception."""
        text = file.text
        if text is None:
            try:
                text = file.path.read_text(encoding="utf-8", errors="replace")
            except OSError as error:
                return Detection(problem=f"could not read: {error.strerror or error}")
        return detect_python_source(text, file.relpath, context)


def detect_python_source(
    text: str, relpath: str, context: ScanContext, line_offset: int = 0, *, detector: str = "python"
) -> Detection:
    """The references in Python source text (a file, a notebook's cells, a Markdown code block).

    `line_offset` is added to every line number (for code embedded in another file); `detector` is the id
    the references carry.
    """
    collecting = gc.isenabled()
    gc.disable()  # a parsed module is many small objects: collecting them mid-analysis triples the time
    try:
        return _detect(text, relpath, context, line_offset, detector)
    finally:
        if collecting:
            gc.enable()


def _detect(text: str, relpath: str, context: ScanContext, line_offset: int, detector: str) -> Detection:
    """Parse and analyse; parse and analysis failures become Detection.problem."""
    try:
        tree = ast.parse(text, filename=relpath)
    except SyntaxError as error:
        line = (error.lineno or 1) + line_offset
        return _fallback(text, relpath, line_offset, detector, f"syntax error at line {line}: {error.msg}")
    except (ValueError, RecursionError, MemoryError) as error:
        return Detection(problem=f"could not parse: {_reason(error)}")
    try:
        env = build_env(tree, relpath, text)
        loader = ModuleLoader(context.root, context.max_bytes)
        calls = CallScan(env, loader, detector, line_offset)
        declared = calls.references()
        keyed = KeyScan(
            env, tree, calls.resolver, detector, line_offset, frozenset(calls.matched)
        ).references()
        embedded = embedded_config_references(tree, text, relpath, context, line_offset, detector)
        references = _merge(declared, keyed) + embedded
    except (RecursionError, MemoryError) as error:
        return Detection(problem=f"could not analyse: {_reason(error)}")
    return Detection(references=references)


def _merge(declared: tuple[Reference, ...], keyed: list[Reference]) -> tuple[Reference, ...]:
    """Declared-site references, plus key references to models no declared site found, in file order."""
    texts = {r.text for r in declared}
    extra = [r for r in keyed if r.text not in texts]
    return tuple(sorted((*declared, *extra), key=lambda r: (r.line, r.column, r.text)))


def _reason(error: BaseException) -> str:
    """A short human reason for a parse or analysis failure."""
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, MemoryError):
        return "too large or nested too deeply"
    return str(error) or type(error).__name__


def _fallback(text: str, relpath: str, line_offset: int, detector: str, problem: str) -> Detection:
    """For source that does not parse: string literals that are exact catalog aliases, marked degraded."""
    references: list[Reference] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "'" not in line and '"' not in line:
            continue
        for match in _STRING_LITERAL.finditer(line):
            body = match.group(1) if match.group(1) is not None else match.group(2)
            if not 2 <= len(body) <= 200 or "\\" in body:
                continue
            references.append(
                Reference(
                    text=body,
                    path=relpath,
                    line=number + line_offset,
                    column=match.start() + 1,
                    detector=detector,
                    confidence=DEGRADED_CONFIDENCE,
                    note="degraded: the file does not parse; a string literal equal to a catalog alias",
                    known_only=True,
                )
            )
    explained = f"{problem} (fell back to matching string literals against catalog aliases)"
    return Detection(references=tuple(references), problem=explained, degraded=True)
