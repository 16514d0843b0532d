"""CSV for spreadsheets: a row per model, unresolved texts kept, formulas from scanned text made inert."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from formats_support import EXAMPLE, run

from openwatch.formats.csv_table import render_csv


def test_a_row_per_model_with_its_judgements(example_audit: dict[str, Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(example_audit))))
    llama = next(r for r in rows if r["model"] == "meta/llama-3.1-8b-instruct")
    assert llama["licence_id"] == "LicenseRef-scancode-llama-3.1-license-2024"
    assert (llama["role"], llama["stance"], llama["medium"], llama["status"]) == (
        "fine-tuner",
        "hybrid",
        "1",
        "resolved",
    )
    assert len(rows) == len(example_audit["models"])


def test_scan_csv_and_unresolved_rows(hostile_audit: dict[str, Any]) -> None:
    code, out = run("scan", str(EXAMPLE), "-f", "csv")
    assert code == 0
    assert next(csv.reader(io.StringIO(out)))[:2] == ["model", "name"]
    rows = list(csv.DictReader(io.StringIO(render_csv(hostile_audit))))
    unresolved = [r for r in rows if r["status"] == "unresolved"]
    assert {r["name"] for r in unresolved} == {t["text"] for t in hostile_audit["unresolved"]}


def test_formula_like_text_is_not_a_formula(example_audit: dict[str, Any]) -> None:
    doc = json.loads(json.dumps(example_audit))
    doc["unresolved"] = [dict(doc["models"][0]["references"][0], text='=HYPERLINK("http://x","y")')]
    rows = list(csv.DictReader(io.StringIO(render_csv(doc))))
    assert rows[-1]["name"] == '\'=HYPERLINK("http://x","y")'
