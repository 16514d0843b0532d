"""Property tests of every text detector on generated input: nothing escapes as an exception, every
reference points inside the text it came from, and the detector's own limits hold."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from fuzz_inputs import (
    ENV_TEXT,
    HTML_TEXT,
    JS_TEXT,
    JSON_TEXT,
    MARKDOWN_TEXT,
    NOTEBOOK_TEXT,
    PYTHON_TEXT,
    SHELL_DIALECTS,
    SHELL_TEXT,
    TOML_TEXT,
    YAML_TEXT,
)
from hypothesis import given
from hypothesis import strategies as st

from openwatch.domain import Reference
from openwatch.scanner.config.json_tree import parse_json
from openwatch.scanner.config.text import config_hits
from openwatch.scanner.config.toml_tree import TomlLocator
from openwatch.scanner.config.tree import Mapping, Node, Sequence, parse_yaml
from openwatch.scanner.detectors.base import Detection, ScanContext, SourceFile
from openwatch.scanner.detectors.config import detect_config_text
from openwatch.scanner.detectors.html import HtmlDetector
from openwatch.scanner.detectors.javascript import detect_js_text
from openwatch.scanner.detectors.markdown import detect_markdown_text
from openwatch.scanner.detectors.notebook import NotebookDetector
from openwatch.scanner.detectors.python import detect_python_source
from openwatch.scanner.detectors.shell import detect_shell_text

CONTEXT = ScanContext(root=Path("/nonexistent-openwatch-fuzz-root"))


def _lines(text: str) -> int:
    """How many lines a text has at most as a detector counts them: \\n, \\r\\n and a lone \\r (which
    Python's tokenizer, and so the Python detector, takes as a line break) each end a line."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _well_placed(detection: Detection, text: str, line_offset: int = 0) -> None:
    """The detection is a value; each reference lies inside the text (1-based line and column)."""
    assert isinstance(detection, Detection)
    assert detection.problem is None or isinstance(detection.problem, str)
    for reference in _readings(detection.references):
        assert line_offset < reference.line <= line_offset + _lines(text), reference
        assert reference.column >= 1, reference
        assert reference.text and reference.text.strip() == reference.text


def _readings(references: tuple[Reference, ...]) -> list[Reference]:
    """Every reference with the other readings chained to it."""
    found: list[Reference] = []
    for first in references:
        reading: Reference | None = first
        while reading is not None:
            found.append(reading)
            reading = reading.otherwise
    return found


@given(PYTHON_TEXT, st.integers(0, 50))
def test_python(text: str, line_offset: int) -> None:
    _well_placed(detect_python_source(text, "app/fuzz.py", CONTEXT, line_offset), text, line_offset)


@given(NOTEBOOK_TEXT)
def test_notebook(text: str) -> None:
    detection = NotebookDetector().detect(SourceFile(Path("n.ipynb"), "n.ipynb", text), CONTEXT)
    assert isinstance(detection, Detection)
    for reference in _readings(detection.references):
        assert reference.line >= 1 and reference.column >= 1 and reference.note and "cell" in reference.note


@given(SHELL_TEXT, SHELL_DIALECTS)
def test_shell(text: str, dialect: str) -> None:
    _well_placed(detect_shell_text(text, "run.sh", CONTEXT, dialect=dialect), text)


@given(JS_TEXT)
def test_javascript(text: str) -> None:
    _well_placed(detect_js_text(text, "web/app.ts", CONTEXT), text)


@given(MARKDOWN_TEXT, st.sampled_from(["README.md", "guide.rst"]))
def test_markdown(text: str, name: str) -> None:
    _well_placed(detect_markdown_text(text, name, CONTEXT), text)


@given(HTML_TEXT)
def test_html(text: str) -> None:
    _well_placed(HtmlDetector().detect(SourceFile(Path("p.html"), "p.html", text), CONTEXT), text)


CONFIG_TEXTS = st.one_of(
    YAML_TEXT.map(lambda t: ("yaml", t)),
    JSON_TEXT.map(lambda t: ("json", t)),
    TOML_TEXT.map(lambda t: ("toml", t)),
    ENV_TEXT.map(lambda t: ("env", t)),
)
CONFIG_PATHS = st.sampled_from(["config/app.yaml", ".github/workflows/ci.yml", "package.json", "compose.yml"])


@given(CONFIG_TEXTS, CONFIG_PATHS)
def test_config(kind_text: tuple[str, str], relpath: str) -> None:
    kind, text = kind_text
    _well_placed(detect_config_text(text, relpath, CONTEXT, kind=kind), text)


def _nodes(node: Node) -> int:
    """How many nodes a positioned tree has."""
    if isinstance(node, Mapping):
        return 1 + sum(_nodes(child) for _, child in node.items)
    if isinstance(node, Sequence):
        return 1 + sum(_nodes(child) for child in node.items)
    return 1


@given(YAML_TEXT, st.integers(1, 200))
def test_yaml_reader_keeps_its_node_budget_and_never_expands_aliases(text: str, budget: int) -> None:
    parsed = parse_yaml(text, budget)
    nodes = sum(_nodes(document) for document in parsed.documents)
    assert nodes <= budget
    if parsed.problem is None and not parsed.truncated:
        assert parsed.expanded >= nodes  # aliases count what they stand for; the tree holds each once


@given(JSON_TEXT, st.integers(1, 200))
def test_json_reader_keeps_its_node_budget_and_agrees_with_json(text: str, budget: int) -> None:
    parsed = parse_json(text, budget)
    try:
        json.loads(text)
        valid = True
    except (ValueError, RecursionError):
        valid = False
    assert (parsed.problem is None) == valid
    assert sum(_nodes(document) for document in parsed.documents) <= budget


@given(TOML_TEXT, st.lists(st.tuples(st.none() | st.text(max_size=8), st.text(max_size=12)), max_size=10))
def test_toml_locator_finds_offsets_inside_the_text(text: str, lookups: list[tuple[str | None, str]]) -> None:
    locator = TomlLocator(text)
    for key, value in lookups:
        offset = locator.locate(key, value)
        assert offset == -1 or 0 <= offset <= len(text)


@given(YAML_TEXT)
def test_config_hits_of_a_heredoc_never_fail(text: str) -> None:
    found = config_hits(text, "heredoc", "yaml")
    assert all(dataclasses.is_dataclass(hit) for hit in found.hits)
