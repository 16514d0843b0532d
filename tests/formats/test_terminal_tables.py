"""Terminal tables: model ids stay whole at 80 and 120 columns; facts are words; escapes never reach it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from formats_support import EXAMPLE, run
from rich.console import Console

from openwatch.formats.audit_table import print_audit


def _printed(document: dict[str, Any], width: int) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=True, record=True)
    print_audit(document, console)
    return console.export_text()


def test_model_ids_stay_whole_at_80_and_120_columns(
    example_audit: dict[str, Any], big_audit: dict[str, Any]
) -> None:
    for document in (example_audit, big_audit):
        for width in (80, 120):
            text = _printed(document, width)
            assert max(len(line) for line in text.splitlines()) <= width
            table = text.split("\n\n", 1)[0]
            for model in document["models"]:
                assert f"│ {model['id']} " in table, (width, model["id"])


def test_control_characters_never_reach_the_terminal(
    hostile_audit: dict[str, Any], hostile_project: Path
) -> None:
    console = Console(file=io.StringIO(), width=120, force_terminal=True, highlight=False)
    print_audit(hostile_audit, console)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x07" not in out and "\x1b]0;pwned" not in out and "\x1b[31mred" not in out
    assert "evil\\x1b[31mred" in out
    code, scanned = run("scan", str(hostile_project))
    assert code == 0 and "\x1b" not in scanned and "[31mred" in scanned


def test_model_facts_are_words_not_python_dicts() -> None:
    code, out = run("model", "meta/llama-3.1-8b-instruct")
    assert code == 0
    assert "{'" not in out and "total: 8,000,000,000" in " ".join(out.split())


def test_table_written_to_a_file_is_plain_text(tmp_path: Path) -> None:
    target = tmp_path / "audit.txt"
    code, _ = run("audit", str(EXAMPLE), "-o", str(target), "--today", "2026-11-29")
    text = target.read_text(encoding="utf-8")
    assert code == 0 and "\x1b" not in text and "meta/llama-3.1-8b-instruct" in text


def test_resolve_table_keeps_model_ids_whole_at_80_columns(monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    texts = ("groq/llama-3.3-70b", "idefics2-8b-chatty", "cross-encoder/ms-marco-MiniLM-L-6-v2")
    code, out = run("resolve", *texts)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    for model in ("meta/llama-3.3-70b-instruct", "huggingface/idefics2-8b"):
        assert f"│ {model} " in out
    assert "- idefics2-8b-chatty: 'idefics2-8b-chatty' is a fine-tune of 'idefics2-8b'" in out
