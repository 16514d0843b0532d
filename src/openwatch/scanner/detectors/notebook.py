"""The notebook detector: model ids in the code cells of Jupyter notebooks, read as JSON and never run."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from openwatch.domain import Reference
from openwatch.scanner.conditional import each_reading
from openwatch.scanner.detectors.base import Detection, Detector, ScanContext, SourceFile
from openwatch.scanner.detectors.config import config_kind, detect_config_text
from openwatch.scanner.detectors.python import detect_python_source
from openwatch.scanner.detectors.shell import detect_shell_text
from openwatch.scanner.read import MAX_LINE
from openwatch.scanner.sdks import PREFILTER_KEYWORDS

_PYTHON_CELL_MAGICS = frozenset(
    {"capture", "time", "timeit", "prun", "debug", "memit", "mprun", "tensorflow_version"}
)
_SHELL_CELL_MAGICS = frozenset({"bash", "sh", "shell", "system"})
_SHELL_ASSIGN = re.compile(r"^[A-Za-z_][\w.]*\s*=\s*!(.*)$")
_MAGIC_ASSIGN = re.compile(r"^[A-Za-z_][\w.]*\s*=\s*%")
_HELP = re.compile(r"^\??[\w.\[\]()]+\?{1,2}$")
_PYTHON_LANGUAGES = frozenset(
    {"python", "python3", "python2", "ipython", "ipython3", "pyspark", "coconut", "xonsh", ""}
)
"""Kernel languages whose cells are Python (Coconut and xonsh are supersets of it)."""


@dataclass
class _Cells:
    """The code cells laid end to end: Python lines (magics blanked), shell lines, and each line's cell."""

    python: list[str] = field(default_factory=list)
    shell: list[str] = field(default_factory=list)
    cell_of_line: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    configs: list[tuple[str, str, int]] = field(default_factory=list)
    """Config files the notebook writes (`%%writefile config.yaml`): kind, text, the line before the text."""

    def add(self, cell: int, python: list[str], shell: list[str]) -> None:
        """Append one cell's lines (both lists have the cell's line count)."""
        start = len(self.python) + 1
        try:
            ast.parse("\n".join(python))
        except SyntaxError as error:
            self.problems.append(
                f"cell {cell}: syntax error at line {start + (error.lineno or 1) - 1}: {error.msg}"
            )
            python = [""] * len(python)
        except (ValueError, RecursionError, MemoryError):
            self.problems.append(f"cell {cell}: could not parse")
            python = [""] * len(python)
        self.python += python
        self.shell += shell
        self.cell_of_line += [cell] * len(python)


class NotebookDetector(Detector):
    """Finds model ids in Jupyter notebooks: Python code cells, Colab form options and shell escapes."""

    id = "notebook"
    keywords = (*PREFILTER_KEYWORDS, "huggingface-cli", "hf download")
    reads_long_lines = (
        True  # outputs (images, tables) sit on one long JSON line: cut in cells, not in the file
    )

    def accepts(self, relpath: str) -> bool:
        """Jupyter notebooks."""
        return relpath.endswith(".ipynb")

    def detect(self, file: SourceFile, context: ScanContext) -> Detection:
        """The references in one notebook; lines count across its code cells, the note names the cell."""
        text = file.text
        if text is None:
            try:
                text = file.path.read_text(encoding="utf-8", errors="replace")
            except OSError as error:
                return Detection(problem=f"could not read: {error.strerror or error}")
        try:
            notebook = json.loads(text)
        except RecursionError:
            return Detection(problem="not a valid notebook: nested too deeply")
        except ValueError as error:
            return Detection(problem=f"not a valid notebook (JSON): {error}")
        if not isinstance(notebook, dict):
            return Detection(problem="not a valid notebook: the top level is not a JSON object")
        language = _language(notebook)
        if language not in _PYTHON_LANGUAGES and not _python_family(notebook):
            return Detection(hints={"language": language})
        cells = _cells(notebook)
        found = detect_python_source("\n".join(cells.python), file.relpath, context, detector=self.id)
        references = list(found.references)
        if any(cells.shell):
            shell = detect_shell_text("\n".join(cells.shell), file.relpath, context, dialect="sh")
            references += [each_reading(r, lambda r: replace(r, detector=self.id)) for r in shell.references]
        for kind, text, line_offset in cells.configs:
            config = detect_config_text(text, file.relpath, context, line_offset, kind=kind)
            references += [each_reading(r, lambda r: replace(r, detector=self.id)) for r in config.references]
        problems = [*cells.problems, *([found.problem] if found.problem else [])]
        return Detection(
            references=tuple(
                each_reading(r, lambda r: _in_cell(r, cells.cell_of_line))
                for r in sorted(references, key=_order)
            ),
            problem="; ".join(problems) or None,
            degraded=found.degraded or bool(cells.problems),
        )


def _order(reference: Reference) -> tuple[int, int, str]:
    """File order."""
    return reference.line, reference.column, reference.text


def _in_cell(reference: Reference, cell_of_line: list[int]) -> Reference:
    """The reference with `cell N` in front of its note."""
    index = reference.line - 1
    cell = cell_of_line[index] if 0 <= index < len(cell_of_line) else 0
    note = f"cell {cell}" + (f"; {reference.note}" if reference.note else "")
    return replace(reference, note=note)


def _language(notebook: dict[str, Any]) -> str:
    """The notebook's kernel language, lower-case ('' if it does not say)."""
    metadata = notebook.get("metadata")
    if not isinstance(metadata, dict):
        return ""
    for section, key in (("kernelspec", "language"), ("language_info", "name")):
        value = metadata.get(section)
        if isinstance(value, dict) and isinstance(value.get(key), str):
            return str(value[key]).strip().lower()
    return ""


def _python_family(notebook: dict[str, Any]) -> bool:
    """True if the kernel's language_info says its code is Python (a custom kernel with a Python lexer)."""
    metadata = notebook.get("metadata")
    info = metadata.get("language_info") if isinstance(metadata, dict) else None
    if not isinstance(info, dict):
        return False
    mode = info.get("codemirror_mode")
    mode_name = mode.get("name") if isinstance(mode, dict) else mode
    hints = (mode_name, info.get("pygments_lexer"), info.get("mimetype"), info.get("file_extension"))
    return any(
        isinstance(h, str) and h.lower() in ("python", "ipython", "ipython3", "text/x-python", ".py")
        for h in hints
    )


def _source(cell: dict[str, Any]) -> str:
    """A cell's source text (nbformat 4 `source` or nbformat 3 `input`, a string or a list of lines)."""
    source = cell.get("source", cell.get("input", ""))
    if isinstance(source, list):
        return "".join(part for part in source if isinstance(part, str))
    return source if isinstance(source, str) else ""


def _cells(notebook: dict[str, Any]) -> _Cells:
    """The notebook's code cells, numbered from 1 among all its cells."""
    raw = notebook.get("cells")
    if raw is None and isinstance(notebook.get("worksheets"), list):
        raw = [
            c for sheet in notebook["worksheets"] if isinstance(sheet, dict) for c in sheet.get("cells", [])
        ]
    cells = _Cells()
    for number, cell in enumerate(raw if isinstance(raw, list) else [], start=1):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            lines = _source(cell).splitlines()
            if long_lines := sum(1 for line in lines if len(line) > MAX_LINE):
                lines = ["" if len(line) > MAX_LINE else line for line in lines]
                cells.problems.append(
                    f"cell {number}: {long_lines} line(s) over {MAX_LINE:,} characters not scanned"
                )
            written = _written_config(lines)
            if written is not None:
                cells.configs.append(
                    (written[0], "\n".join(lines[written[1] :]), len(cells.python) + written[1])
                )
                lines = [""] * len(lines)
            python, shell = _split_magics(lines)
            cells.add(number, python, shell)
    return cells


def _written_config(lines: list[str]) -> tuple[str, int] | None:
    """For a `%%writefile NAME` cell whose file is a config (YAML, JSON, TOML, .env): its kind and the
    index of its first body line; None for any other cell."""
    for index, line in enumerate(lines):
        if line.strip():
            words = line.split()
            if words[0] == "%%writefile" and len(words) > 1 and (kind := config_kind(words[-1])):
                return kind, index + 1
            return None
    return None


def _split_magics(lines: list[str]) -> tuple[list[str], list[str]]:
    """A cell's lines as Python (IPython magics and shell escapes blanked) and as shell commands."""
    first = next((line.strip() for line in lines if line.strip()), "")
    if first.startswith("%%"):
        words = first[2:].split()
        magic = words[0] if words else ""
        body = lines.index(next(line for line in lines if line.strip())) + 1
        head = [""] * body
        if magic in _SHELL_CELL_MAGICS or (magic == "script" and words[1:2] in (["bash"], ["sh"])):
            return [""] * len(lines), head + lines[body:]
        if magic in _PYTHON_CELL_MAGICS or (magic == "writefile" and words[-1].endswith(".py")):
            lines = head + lines[body:]
        else:
            return [""] * len(lines), [""] * len(lines)
    python: list[str] = []
    shell: list[str] = []
    for line in lines:
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        blank = indent + "pass" if indent else ""
        assigned = _SHELL_ASSIGN.match(stripped)
        if stripped.startswith("!") or assigned:
            python.append(blank)
            shell.append(assigned.group(1) if assigned else " " * (len(indent) + 1) + stripped[1:])
        elif stripped.startswith("%") or _MAGIC_ASSIGN.match(stripped) or _HELP.match(stripped):
            python.append(blank)
            shell.append("")
        else:
            python.append(line)
            shell.append("")
    return python, shell
