"""The notebook detector: code cells joined with line mapping, magics, Colab forms, shell escapes, traps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_run_support import settled

from openwatch.scanner.detectors.base import Detection, ScanContext, SourceFile
from openwatch.scanner.detectors.notebook import NotebookDetector

FIXTURES = Path(__file__).parent.parent / "fixtures" / "scan" / "python" / "notebooks"


def detect(notebook: dict[str, Any] | str, relpath: str = "nb.ipynb") -> Detection:
    """Run the notebook detector on a notebook given as a dict or raw text."""
    text = notebook if isinstance(notebook, str) else json.dumps(notebook)
    return settled(
        NotebookDetector().detect(SourceFile(Path(relpath), relpath, text), ScanContext(root=Path(".")))
    )


def code(source: str | list[str]) -> dict[str, Any]:
    """A code cell."""
    return {"cell_type": "code", "metadata": {}, "outputs": [], "source": source}


def test_accepts_only_notebooks() -> None:
    """The detector reads .ipynb files and nothing else."""
    detector = NotebookDetector()
    assert detector.accepts("notebooks/demo.ipynb")
    assert not detector.accepts("demo.py")
    assert "from_pretrained" in detector.keywords


def test_lines_count_across_code_cells_and_the_note_names_the_cell() -> None:
    """Markdown cells add no lines; a variable from an earlier cell reaches a call in a later one."""
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": ["Uses `gpt-4o` in prose.\n"]},
            code(["import ollama\n", 'MODEL = "llama3.1:8b"\n']),
            {"cell_type": "markdown", "source": "more prose"},
            code("reply = ollama.chat(model=MODEL, messages=[])\n"),
        ]
    }
    detection = detect(notebook)
    assert detection.problem is None
    assert [(r.text, r.line, r.column, r.note, r.detector) for r in detection.references] == [
        ("llama3.1:8b", 3, 27, "cell 4; via MODEL (line 2)", "notebook")
    ]


def test_fixture_notebook_magics_shell_and_colab_options() -> None:
    """%%capture, !pip, %%bash and %%html cells; shell escapes scanned; widget state and outputs ignored."""
    path = FIXTURES / "colab_finetune.ipynb"
    detection = settled(
        NotebookDetector().detect(
            SourceFile(path, "colab_finetune.ipynb", path.read_text("utf-8")), ScanContext(root=FIXTURES)
        )
    )
    assert detection.problem is None
    rows = [(r.text, r.line, r.use.value, r.confidence, r.note) for r in detection.references]
    assert ("llama3.2:3b", 3, "download", 1.0, "cell 3; ollama pull") in rows
    assert ("Qwen/Qwen2.5-7B-Instruct", 4, "download", 1.0, "cell 3; huggingface-cli download") in rows
    options = {
        (r.text, r.confidence) for r in detection.references if r.note and "Colab @param option" in r.note
    }
    assert options == {("google/gemma-2-9b-it", 0.6), ("google/gemma-2-27b-it", 0.6)}
    texts = {r.text for r in detection.references}
    assert "gpt-4o" not in texts  # widget state and the %%html cell
    assert "mistralai/Mistral-7B-v0.1" not in texts  # a cell output
    assert "meta-llama/Llama-3.1-70B" not in texts  # a markdown cell


def test_a_cell_that_does_not_parse_is_reported_and_the_rest_scanned() -> None:
    """A Python 2 cell is blanked and named in the problem; later cells still count their lines."""
    detection = detect({"cells": [code('print "hi"\n'), code('import ollama\nollama.pull("phi3")\n')]})
    assert (
        detection.problem
        == "cell 1: syntax error at line 1: Missing parentheses in call to 'print'. Did you mean print(...)?"
    )
    assert detection.degraded
    assert [(r.text, r.line, r.note) for r in detection.references] == [("phi3", 3, "cell 2")]


def test_indented_shell_escape_keeps_the_block_valid() -> None:
    """`!cmd` inside a loop becomes `pass` for the parse, so the loop body still parses."""
    source = [
        "import ollama\n",
        "for m in ['phi3', 'qwen2.5:7b']:\n",
        "    !echo $m\n",
        "    ollama.pull(m)\n",
    ]
    detection = detect({"cells": [code(source)]})
    assert detection.problem is None
    assert sorted(r.text for r in detection.references) == ["phi3", "qwen2.5:7b"]


def test_non_python_kernels_are_skipped() -> None:
    """An R notebook is not parsed as Python."""
    path = FIXTURES / "r_kernel.ipynb"
    detection = settled(
        NotebookDetector().detect(SourceFile(path, "r_kernel.ipynb"), ScanContext(root=FIXTURES))
    )
    assert detection.references == ()
    assert detection.problem is None
    assert detection.hints == {"language": "r"}


def test_invalid_json_is_a_problem() -> None:
    """A truncated notebook is reported, not raised."""
    detection = detect('{"cells": [')
    assert detection.references == ()
    assert detection.problem is not None
    assert detection.problem.startswith("not a valid notebook (JSON)")
    assert detect("[1, 2]").problem == "not a valid notebook: the top level is not a JSON object"


def test_nbformat_3_worksheets_are_read() -> None:
    """Old notebooks keep cells under worksheets with `input` instead of `source`."""
    cell = {"cell_type": "code", "input": ["import ollama\n", "ollama.pull('phi3')\n"], "outputs": []}
    notebook = {"nbformat": 3, "worksheets": [{"cells": [cell]}]}
    assert [(r.text, r.line) for r in detect(notebook).references] == [("phi3", 2)]


def test_deeply_nested_json_is_a_problem() -> None:
    """JSON nested too deeply for the decoder is a problem value."""
    detection = detect("[" * 100_000)
    assert detection.problem is not None
