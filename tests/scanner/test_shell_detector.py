"""The shell detector against labelled fixtures, its dialects, and bad input."""

from __future__ import annotations

import time
from pathlib import Path

from test_config_support import FIXTURES, context_for, detect_folder, detect_text, expected_rows
from test_run_support import settled

from openwatch.domain import Use
from openwatch.scanner.detectors.shell import ShellDetector, detect_shell_text

FOLDER = FIXTURES / "shell"


def test_shell_fixtures_match_labels_exactly() -> None:
    """Every labelled reference is found and nothing else (precision and recall 1.0)."""
    found, detections = detect_folder(ShellDetector(), FOLDER)
    assert found == expected_rows(FOLDER)
    assert all(d.problem is None for d in detections.values())


def test_selects_shell_like_files() -> None:
    """Scripts, Dockerfiles, Makefiles, justfiles, Procfiles and Modelfiles are read; others are not."""
    detector = ShellDetector()
    accepted = ("run.sh", "a.bash", "b.zsh", "Dockerfile", "docker/Dockerfile.gpu", "api.dockerfile",
                "Makefile", "rules.mk", "Procfile", "justfile", "Modelfile", "Containerfile")  # fmt: skip
    assert [p for p in accepted if not detector.accepts(p)] == []
    assert [p for p in ("run.py", "notes.md", "dockerfile.md", "config.yaml") if detector.accepts(p)] == []


def test_default_value_of_variable_is_the_model() -> None:
    """`${MODEL:-x}` stands for x, reported where x is written, with the command's use."""
    text = 'ollama pull "${OLLAMA_MODEL:-qwen2.5:7b}"\n'
    refs = detect_text(ShellDetector(), "pull.sh", text).references
    assert [(r.text, r.line, r.column, r.use, r.provider, r.confidence) for r in refs] == [
        ("qwen2.5:7b", 1, 30, Use.DOWNLOAD, "ollama", 0.9)
    ]


def test_line_offset_and_dialect_for_embedded_text() -> None:
    """detect_shell_text shifts lines for text embedded in another file and honours an explicit dialect."""
    detection = settled(
        detect_shell_text("FROM llama3.2:1b\n", "README.md", context_for(Path(".")), 10, dialect="modelfile")
    )
    assert [(r.text, r.line, r.column, r.provider) for r in detection.references] == [
        ("llama3.2:1b", 11, 6, "ollama")
    ]


def test_bad_input_never_raises_and_stays_linear() -> None:
    """Unterminated quotes, stray operators and a big script are read without error in bounded time."""
    detector = ShellDetector()
    assert detect_text(detector, "a.sh", "ollama pull 'unterminated\n").references == ()
    assert detect_text(detector, "b.sh", ")))&&|| ; $( ${ \\").references == ()
    assert detect_text(detector, "Dockerfile", 'CMD ["vllm", "serve"\nRUN \\').references == ()
    script = "ollama pull llama3.1:8b && echo 'done' \"$HOME\"\n" * 20_000
    start = time.perf_counter()
    assert len(detect_text(detector, "big.sh", script).references) == 20_000
    assert time.perf_counter() - start < 10.0
