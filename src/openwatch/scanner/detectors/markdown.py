"""The Markdown detector: models in fenced code blocks (shell, Python, config, JavaScript), never in prose."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from openwatch.domain import Reference
from openwatch.scanner.conditional import each_reading
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.detectors.config import detect_config_text
from openwatch.scanner.detectors.javascript import detect_js_text
from openwatch.scanner.detectors.shell import ShellDetector, detect_shell_text
from openwatch.scanner.fences import CodeBlock, front_matter, markdown_blocks, rst_blocks

_PROMPT = re.compile(r"^([ \t]*)\$ ")
_ENV_LINE = r"[ \t]*(?:export[ \t]+)?[A-Za-z_]\w*=[^\n]*"
_ENV_BLOCK = re.compile(rf"(?:(?:[ \t]*#[^\n]*|{_ENV_LINE})?\n)*{_ENV_LINE}")
"""An untagged code block made only of `KEY=value` lines (and comments): a `.env` file."""
_PYCON = re.compile(r"^(>>> |\.\.\. )")
_PROMPT_LANGUAGES = frozenset({"console", "shell-session", "sh-session", "terminal"})
_SHELL = {"bash": "sh", "sh": "sh", "shell": "sh", "zsh": "sh", "shellscript": "sh",
          "dockerfile": "dockerfile", "docker": "dockerfile", "makefile": "make", "make": "make",
          "modelfile": "modelfile",
          **dict.fromkeys(_PROMPT_LANGUAGES, "sh")}  # fmt: skip
_CONFIG = {"yaml": "yaml", "yml": "yaml", "json": "json", "jsonc": "json", "toml": "toml", "env": "env",
           "dotenv": "env"}  # fmt: skip
_JS = frozenset({"js", "javascript", "jsx", "ts", "typescript", "tsx", "mjs", "cjs", "node"})
_PYTHON = frozenset({"python", "py", "python3", "ipython", "ipython3", "pycon"})
Detect = Callable[[str, int], Detection]


def detect_markdown_text(text: str, relpath: str, context: ScanContext) -> Detection:
    """The references in the code blocks (and `base_model` front matter) of a Markdown or RST text."""
    blocks = rst_blocks(text) if relpath.lower().endswith(".rst") else markdown_blocks(text)
    references: list[Reference] = []
    for block in blocks:
        references.extend(_block_references(block, relpath, context))
    matter = front_matter(text)
    if matter is not None:
        references.extend(_front_matter(matter, relpath, context))
    ordered = sorted(references, key=lambda r: (r.line, r.column))
    return Detection(tuple(each_reading(r, _ours) for r in ordered))


def _ours(reference: Reference) -> Reference:
    """A reference found in a code block, reported as the Markdown detector's."""
    return replace(reference, detector=MarkdownDetector.id)


def _block_references(block: CodeBlock, relpath: str, context: ScanContext) -> list[Reference]:
    """The references of one code block, placed at their lines and columns in the whole file."""
    language, text = block.language, block.text
    shifts = list(block.indents)
    detect: Detect
    if language in _SHELL:
        text = _strip_prompts(text, shifts, force=language in _PROMPT_LANGUAGES)
        dialect = _SHELL[language]
        detect = lambda body, offset: detect_shell_text(body, relpath, context, offset, dialect=dialect)  # noqa: E731
    elif language in _CONFIG or (not language and _ENV_BLOCK.fullmatch(text.strip())):
        kind = _CONFIG.get(language, "env")  # an untagged block of KEY=value lines is a .env file
        detect = lambda body, offset: detect_config_text(body, relpath, context, offset, kind=kind)  # noqa: E731
    elif language in _JS:
        detect = lambda body, offset: detect_js_text(body, relpath, context, offset)  # noqa: E731
    elif language in _PYTHON:
        text = _strip_pycon(text, shifts) if language == "pycon" or text.lstrip().startswith(">>>") else text
        detect = lambda body, offset: _python(body, relpath, context, offset)  # noqa: E731
    else:
        return []
    found = detect(text, block.line_offset)
    return [each_reading(r, lambda r: _shifted(r, shifts, block.line_offset)) for r in found.references]


def _python(text: str, relpath: str, context: ScanContext, line_offset: int) -> Detection:
    """The Python detector on a code block (imported here: it is another detector's module)."""
    from openwatch.scanner.detectors.python import detect_python_source

    return detect_python_source(text, relpath, context, line_offset, detector=MarkdownDetector.id)


def _strip_prompts(text: str, shifts: list[int], *, force: bool) -> str:
    """A console transcript's commands: `$ ` prompts blanked, output lines emptied (if any prompt is used)."""
    lines = text.split("\n")
    if not force and not any(_PROMPT.match(line) for line in lines):
        return text
    kept, continued = [], False
    for line in lines:
        match = _PROMPT.match(line)
        if match:
            kept.append(line[: match.end() - 2] + "  " + line[match.end() :])
        else:
            kept.append(line if continued else "")
        continued = (match is not None or continued) and line.rstrip().endswith("\\")
    return "\n".join(kept)


def _strip_pycon(text: str, shifts: list[int]) -> str:
    """An interpreter session's code: `>>> ` and `... ` removed (columns kept by shifting), output emptied."""
    kept = []
    for number, line in enumerate(text.split("\n")):
        if _PYCON.match(line):
            kept.append(line[4:])
            shifts[number] += 4
        else:
            kept.append("")
    return "\n".join(kept)


def _shifted(reference: Reference, shifts: list[int], line_offset: int) -> Reference:
    """A block reference moved right by the indent that was cut from its line."""
    number = reference.line - line_offset - 1
    shift = shifts[number] if 0 <= number < len(shifts) else 0
    return replace(reference, column=reference.column + shift)


def _front_matter(block: CodeBlock, relpath: str, context: ScanContext) -> list[Reference]:
    """`base_model:` entries of a model card's front matter (fine-tuned from)."""
    found = detect_config_text(_only_base_model(block.text), relpath, context, block.line_offset, kind="yaml")
    return [r for r in found.references if r.use.value == "fine-tune"]


def _only_base_model(text: str) -> str:
    """The front matter with every top-level entry but `base_model` blanked (line numbers kept)."""
    kept, inside = [], False
    for line in text.split("\n"):
        if line and not line[0].isspace() and not line.startswith("-"):
            inside = line.startswith(("base_model:", "base_model :"))
        kept.append(line if inside else "")
    return "\n".join(kept)


class MarkdownDetector(Detector):
    """Finds models in the code blocks of Markdown and reStructuredText documents."""

    id = "markdown"
    keywords = (*ShellDetector.keywords, "model", "from_pretrained", "pipeline(", "base_model", "openai",
                "anthropic", "llm")  # fmt: skip

    def accepts(self, relpath: str) -> bool:
        """Markdown (`.md`, `.mdx`, `.markdown`) and reStructuredText files."""
        return relpath.lower().endswith((".md", ".mdx", ".markdown", ".rst"))

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """The references in one Markdown or reStructuredText file."""
        return detect_markdown_text(file.text or "", file.relpath, context)
