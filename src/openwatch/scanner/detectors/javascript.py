"""The JavaScript/TypeScript detector: OpenAI, Anthropic, Vercel AI, LangChain.js, transformers.js, Ollama."""

from __future__ import annotations

import posixpath

from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.hits import to_references
from openwatch.scanner.js.hits import MAX_LINE, blank_long_lines, js_hits
from openwatch.scanner.textpos import LineIndex

_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".tsx", ".jsx")
_DENIED = (".min.js", ".min.mjs", ".d.ts", ".bundle.js", "-bundle.js", ".chunk.js")


def detect_js_text(text: str, relpath: str, context: ScanContext, line_offset: int = 0) -> Detection:
    """The references in a JavaScript or TypeScript text; lines over 20 000 characters are skipped."""
    readable, long_lines = blank_long_lines(text)
    hits = js_hits(readable)
    references = tuple(to_references(hits, LineIndex(readable, line_offset), relpath, JavaScriptDetector.id))
    if long_lines:
        problem = f"skipped {long_lines} line(s) longer than {MAX_LINE} characters"
        return Detection(references, problem=problem, degraded=True)
    return Detection(references)


class JavaScriptDetector(Detector):
    """Finds model ids passed to AI SDK calls in JavaScript and TypeScript sources."""

    id = "javascript"
    keywords = ("model", "pipeline", "from_pretrained", "openai", "anthropic", "ollama", "@ai-sdk",
                "langchain", "google", "mistral")  # fmt: skip

    def accepts(self, relpath: str) -> bool:
        """JavaScript and TypeScript sources, not minified bundles or type declarations."""
        name = posixpath.basename(relpath).lower()
        return name.endswith(_SUFFIXES) and not name.endswith(_DENIED)

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """The references in one JavaScript or TypeScript file."""
        return detect_js_text(file.text or "", file.relpath, context)
