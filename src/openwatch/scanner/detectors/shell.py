"""The shell detector: model names in scripts, Dockerfiles, Makefiles, justfiles, Procfiles and Modelfiles."""

from __future__ import annotations

import posixpath

from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.hits import to_references
from openwatch.scanner.shell.text import shell_hits
from openwatch.scanner.textpos import LineIndex

_SUFFIXES = {".sh": "sh", ".bash": "sh", ".zsh": "sh", ".mk": "make", ".dockerfile": "dockerfile",
             ".modelfile": "modelfile"}  # fmt: skip
_NAMES = {"dockerfile": "dockerfile", "containerfile": "dockerfile", "makefile": "make",
          "gnumakefile": "make", "justfile": "just", "procfile": "procfile",
          "modelfile": "modelfile"}  # fmt: skip

_DOCUMENT_SUFFIXES = frozenset({"md", "txt", "rst", "json", "yaml", "yml", "py", "html", "adoc", "log"})


def dialect_of(relpath: str) -> str | None:
    """The shell dialect of a file by its name, or None if it is not a shell-like file."""
    name = posixpath.basename(relpath).lower()
    if name in _NAMES:
        return _NAMES[name]
    stem, _, rest = name.partition(".")
    if stem in ("dockerfile", "containerfile", "modelfile") and rest not in _DOCUMENT_SUFFIXES:
        return _NAMES[stem]
    suffix = posixpath.splitext(name)[1]
    return _SUFFIXES.get(suffix)


def detect_shell_text(
    text: str, relpath: str, context: ScanContext, line_offset: int = 0, *, dialect: str | None = None
) -> Detection:
    """The references in a shell-like text; `dialect` overrides the one the path implies."""
    chosen = dialect or dialect_of(relpath) or "sh"
    hits = shell_hits(text, chosen)
    return Detection(tuple(to_references(hits, LineIndex(text, line_offset), relpath, ShellDetector.id)))


class ShellDetector(Detector):
    """Finds models pulled, served or downloaded by shell commands (ollama, vllm, hf, llama.cpp, TGI, mlx)."""

    id = "shell"
    keywords = ("ollama", "vllm", "huggingface-cli", "hf download", "llama-", "text-generation", "mlx_lm",
                "tune download", "sglang", "litellm", ".gguf", "model", "from ")  # fmt: skip

    def accepts(self, relpath: str) -> bool:
        """Shell scripts, Dockerfiles, Makefiles, justfiles, Procfiles and Modelfiles."""
        return dialect_of(relpath) is not None

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """The references in one shell-like file."""
        return detect_shell_text(file.text or "", file.relpath, context)
